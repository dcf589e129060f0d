using System.Globalization;

namespace Geo.Core.Indicators.Suppression;

/// <summary>
/// Which counts are too small to show: those from <see cref="MinimumHidden"/> to
/// <see cref="MaximumHidden"/> inclusive (1 to 7 by default; zero is shown). Immutable, so safe to share
/// between threads.
/// </summary>
/// <remarks>
/// Counts need not be whole: a count apportioned from 2011 to 2021 areas may be 6.4 or 0.6. A count is
/// hidden when <c>MinimumHidden - 1 &lt; count &lt; MaximumHidden + 1</c>: under the default 1 to 7, 0.6
/// and 7.9 are hidden (a fraction of an event is still a small, disclosive number), while 0 and 8 are
/// shown.
/// </remarks>
public sealed record SuppressionPolicy
{
    /// <summary>Create a policy hiding counts from <paramref name="minimumHidden"/> to
    /// <paramref name="maximumHidden"/> inclusive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The minimum is negative or the maximum is below it.</exception>
    public SuppressionPolicy(int minimumHidden = 1, int maximumHidden = 7)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumHidden);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumHidden, minimumHidden);
        MinimumHidden = minimumHidden;
        MaximumHidden = maximumHidden;
        IsEnabled = true;
    }

    private SuppressionPolicy(bool enabled)
    {
        MinimumHidden = 1;
        MaximumHidden = 0;
        IsEnabled = enabled;
    }

    /// <summary>The common NHS rule: counts from 1 to 7 are hidden.</summary>
    public static SuppressionPolicy Default { get; } = new();

    /// <summary>Hides nothing. For computations that stay inside the engine; never for anything shown or exported.</summary>
    public static SuppressionPolicy None { get; } = new(enabled: false);

    /// <summary>The smallest count hidden (1 by default; 0 would hide zeros too).</summary>
    public int MinimumHidden { get; }

    /// <summary>The largest whole count hidden (7 by default).</summary>
    public int MaximumHidden { get; }

    /// <summary>False only for <see cref="None"/>.</summary>
    public bool IsEnabled { get; }

    /// <summary>Whether the count is itself too small to show: <c>MinimumHidden - 1 &lt; count &lt; MaximumHidden + 1</c>.</summary>
    public bool IsPrimary(double count) =>
        IsEnabled && count > MinimumHidden - 1.0 && count < MaximumHidden + 1.0;

    /// <summary>One sentence for export metadata saying what is hidden.</summary>
    public string Describe()
    {
        if (!IsEnabled)
        {
            return "No counts are suppressed.";
        }

        var range = MinimumHidden == MaximumHidden
            ? string.Create(CultureInfo.InvariantCulture, $"Counts of {MinimumHidden}")
            : string.Create(CultureInfo.InvariantCulture, $"Counts from {MinimumHidden} to {MaximumHidden}");
        return range + " are suppressed, with every figure derived from them; further counts are suppressed "
            + "where needed so that no suppressed count can be recovered by subtraction from its parent or siblings.";
    }
}
