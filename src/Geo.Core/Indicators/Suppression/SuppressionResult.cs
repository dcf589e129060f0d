namespace Geo.Core.Indicators.Suppression;

/// <summary>
/// Which areas' counts are hidden, and why, as decided by <see cref="Suppressor.Apply"/> for one set of
/// counts. Codes are matched ignoring case, as in <see cref="Geography.Geography"/>. Immutable, so safe
/// to read from many threads.
/// </summary>
public sealed class SuppressionResult
{
    private readonly HierarchyLayout _layout;
    private readonly SuppressionReason[] _reasons;
    private readonly Lazy<IReadOnlyDictionary<string, SuppressionReason>> _hidden;

    internal SuppressionResult(SuppressionPolicy policy, HierarchyLayout layout, SuppressionReason[] reasons,
        int primaryCount, int secondaryCount)
    {
        Policy = policy;
        _layout = layout;
        _reasons = reasons;
        PrimaryCount = primaryCount;
        SecondaryCount = secondaryCount;
        _hidden = new Lazy<IReadOnlyDictionary<string, SuppressionReason>>(ListHidden);
    }

    public SuppressionPolicy Policy { get; }

    /// <summary>The hidden areas only, each with its reason, in the hierarchy's breadth-first order.</summary>
    public IReadOnlyDictionary<string, SuppressionReason> Hidden => _hidden.Value;

    public int PrimaryCount { get; }

    public int SecondaryCount { get; }

    /// <summary>Why the area's count is hidden; <see cref="SuppressionReason.None"/> when it is shown,
    /// when the area had no count, or when the code is not in the geography.</summary>
    public SuppressionReason ReasonFor(string code)
    {
        var i = _layout.IndexOf(code);
        return i < 0 ? SuppressionReason.None : _reasons[i];
    }

    /// <summary>Whether the area's count, and every figure derived from it, must be withheld.</summary>
    public bool IsHidden(string code) => ReasonFor(code) != SuppressionReason.None;

    private Dictionary<string, SuppressionReason> ListHidden()
    {
        var hidden = new Dictionary<string, SuppressionReason>(PrimaryCount + SecondaryCount, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _reasons.Length; i++)
        {
            if (_reasons[i] != SuppressionReason.None)
            {
                hidden[_layout.Areas[i].Code] = _reasons[i];
            }
        }

        return hidden;
    }
}
