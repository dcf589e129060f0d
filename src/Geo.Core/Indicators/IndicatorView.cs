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

    internal static IndicatorView Create(Geography.Geography geography, IndicatorDefinition definition, string period,
        IReadOnlyList<IndicatorRow> computed, SuppressionPolicy policy, string method)
    {
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

        var suppression = Suppressor.Apply(geography, counts, policy);
        var rows = computed.Select(r => Hide(r, suppression.ReasonFor(r.Area.Code))).ToList();
        var byCode = rows.Select((r, i) => (r.Area.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);

        foreach (var parent in geography.Areas.Where(a => a.ChildCodes.Count > 0))
        {
            var children = parent.ChildCodes.Select(c => byCode[c]).ToArray();
            var parentHidden = rows[byCode[parent.Code]].Suppression != SuppressionReason.None;
            var siblingHidden = children.Any(c => rows[c].Suppression != SuppressionReason.None);
            foreach (var c in children)
            {
                var row = rows[c];
                if (parentHidden && row.Suppression == SuppressionReason.None)
                {
                    row = row with { VsParent95 = Comparison.NotCompared, VsParent998 = Comparison.NotCompared, JudgementVsParent = Judgement.NotCompared };
                }

                if (siblingHidden && row.ExcessShare is not null)
                {
                    row = row with { ExcessShare = null, Note = Append(row.Note, "excess share withheld: a sibling's count is suppressed") };
                }

                rows[c] = row;
            }

            var ranked = children.Where(c => rows[c].Value is not null)
                .OrderByDescending(c => rows[c].Value!.Value).ToArray();
            for (var k = 0; k < ranked.Length; k++)
            {
                var tied = k > 0 && rows[ranked[k]].Value == rows[ranked[k - 1]].Value;
                rows[ranked[k]] = rows[ranked[k]] with { Rank = tied ? rows[ranked[k - 1]].Rank : k + 1 };
            }
        }

        return new IndicatorView(geography, definition, period, rows, method, policy.Describe());
    }

    private static IndicatorRow Hide(IndicatorRow row, SuppressionReason reason) => reason == SuppressionReason.None
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

    private static string Append(string? note, string more) => note is null ? more : $"{note}; {more}";
}
