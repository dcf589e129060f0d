using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Statistics;

namespace Geo.Core.Indicators;

/// <summary>
/// One indicator and period as it may be shown or exported: the suppression policy applied to every
/// row (a hidden count takes its value, limits, comparisons, rank, excess and excess share with it),
/// comparisons with a hidden parent withdrawn, excess shares withheld among siblings of a hidden
/// count (the parent's total positive excess would give it away), and ranks among the siblings shown.
/// Immutable and thread-safe.
/// </summary>
public sealed class IndicatorView
{
    private readonly Dictionary<string, IndicatorRow> _byCode;
    private readonly Geography.Geography _geography;

    private IndicatorView(Geography.Geography geography, IndicatorDefinition definition, string period,
        IReadOnlyList<IndicatorRow> rows, string method, string suppressionRule)
    {
        _geography = geography;
        Definition = definition;
        Period = period;
        Rows = rows;
        Method = method;
        SuppressionRule = suppressionRule;
        _byCode = rows.ToDictionary(r => r.Area.Code, StringComparer.OrdinalIgnoreCase);
    }

    public IndicatorDefinition Definition { get; }

    public string Period { get; }

    /// <summary>Every area's published row, in level then code order.</summary>
    public IReadOnlyList<IndicatorRow> Rows { get; }

    /// <summary>How the value and limits are computed, in words.</summary>
    public string Method { get; }

    /// <summary>The suppression rule in words.</summary>
    public string SuppressionRule { get; }

    public IndicatorRow? Find(string code) => _byCode.GetValueOrDefault(code);

    public IndicatorRow Get(string code) =>
        Find(code) ?? throw new KeyNotFoundException($"No area with the code '{code}'.");

    /// <summary>The rows of an area's children.</summary>
    public IEnumerable<IndicatorRow> Children(string code) => _geography.Get(code).ChildCodes.Select(Get);

    /// <summary>The rows of every area of <paramref name="level"/>, inside <paramref name="within"/> when given.</summary>
    public IEnumerable<IndicatorRow> AtLevel(Level level, string? within = null)
    {
        if (within is null)
        {
            return Rows.Where(r => r.Area.Level == level);
        }

        var container = _geography.Get(within);
        return Rows.Where(r => r.Area.Level == level
            && (r.Area == container || _geography.Ancestors(r.Area).Contains(container)));
    }

    /// <param name="apportioned">Partial places whose figures were apportioned from their district (code → district):
    /// each district's parts are suppressed together, and each such row says where its figure came from.</param>
    internal static IndicatorView Create(Geography.Geography geography, IndicatorDefinition definition, string period,
        IReadOnlyList<IndicatorRow> computed, SuppressionPolicy policy, string method,
        IReadOnlyDictionary<string, string>? apportioned = null)
    {
        apportioned ??= new Dictionary<string, string>();
        var counts = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (definition.ValueType != IndicatorValueType.Score)
        {
            foreach (var row in computed)
            {
                if (row.Count is { } count)
                {
                    counts[row.Area.Code] = count;
                }
            }
        }

        var linked = apportioned.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase)
            .Select(g => (IReadOnlyList<string>)g.Select(p => p.Key).ToArray());
        var suppression = Suppressor.Apply(geography, counts, policy, linked);
        var index = new Dictionary<string, int>(computed.Count, StringComparer.OrdinalIgnoreCase);
        var reasons = new SuppressionReason[computed.Count];
        for (var i = 0; i < computed.Count; i++)
        {
            index[computed[i].Area.Code] = i;
            reasons[i] = suppression.ReasonFor(computed[i].Area.Code);
        }

        // What each shown row loses or gains for its family's sake, gathered first so that every row is
        // copied at most once.
        var parentHidden = new bool[computed.Count];
        var siblingHidden = new bool[computed.Count];
        var ranks = new int?[computed.Count];
        foreach (var parent in geography.Areas)
        {
            if (parent.ChildCodes.Count == 0)
            {
                continue;
            }

            var children = new int[parent.ChildCodes.Count];
            var anyHidden = false;
            for (var k = 0; k < children.Length; k++)
            {
                children[k] = index[parent.ChildCodes[k]];
                anyHidden |= reasons[children[k]] != SuppressionReason.None;
            }

            var hiddenParent = reasons[index[parent.Code]] != SuppressionReason.None;
            foreach (var c in children)
            {
                parentHidden[c] = hiddenParent;
                siblingHidden[c] = anyHidden;
            }

            var ranked = children.Where(c => reasons[c] == SuppressionReason.None && computed[c].Value is not null)
                .OrderByDescending(c => computed[c].Value!.Value).ToArray();
            for (var k = 0; k < ranked.Length; k++)
            {
                var tied = k > 0 && computed[ranked[k]].Value == computed[ranked[k - 1]].Value;
                ranks[ranked[k]] = tied ? ranks[ranked[k - 1]] : k + 1;
            }
        }

        var rows = new IndicatorRow[computed.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = computed[i];
            if (reasons[i] != SuppressionReason.None)
            {
                rows[i] = Hide(row, reasons[i]);
                continue;
            }

            var withholdShare = siblingHidden[i] && row.ExcessShare is not null;
            rows[i] = !parentHidden[i] && !withholdShare && ranks[i] is null
                ? row
                : row with
                {
                    VsParent95 = parentHidden[i] ? Comparison.NotCompared : row.VsParent95,
                    VsParent998 = parentHidden[i] ? Comparison.NotCompared : row.VsParent998,
                    JudgementVsParent = parentHidden[i] ? Judgement.NotCompared : row.JudgementVsParent,
                    ExcessShare = withholdShare ? null : row.ExcessShare,
                    Note = withholdShare ? Append(row.Note, ShareWithheld) : row.Note,
                    Rank = ranks[i],
                };
        }

        for (var i = 0; i < rows.Length; i++)
        {
            if (apportioned.TryGetValue(rows[i].Area.Code, out var district))
            {
                rows[i] = rows[i] with { Note = Append(rows[i].Note, ApportionedPlaces.Note(district)) };
            }
        }

        return new IndicatorView(geography, definition, period, rows, method, policy.Describe());
    }

    /// <summary>The row as published when <paramref name="reason"/> hides its count: every figure derived from the count emptied.</summary>
    internal static IndicatorRow Hide(IndicatorRow row, SuppressionReason reason) => reason == SuppressionReason.None
        ? row
        : row with
        {
            Suppression = reason,
            Count = null,
            Value = null,
            Lower95 = null,
            Upper95 = null,
            Lower998 = null,
            Upper998 = null,
            VsParent95 = Comparison.NotCompared,
            VsParent998 = Comparison.NotCompared,
            VsEngland95 = Comparison.NotCompared,
            VsEngland998 = Comparison.NotCompared,
            JudgementVsParent = Judgement.NotCompared,
            JudgementVsEngland = Judgement.NotCompared,
            Excess = null,
            ExcessShare = null,
            FunnelPosition = null,
            Note = reason == SuppressionReason.Primary ? "suppressed: small count" : "suppressed: protects a suppressed count nearby",
        };

    private const string ShareWithheld = "excess share withheld: a sibling's count is suppressed";

    private static string Append(string? note, string more) => note is null ? more : $"{note}; {more}";
}
