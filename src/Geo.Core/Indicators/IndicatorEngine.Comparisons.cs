using Geo.Core.Statistics;

namespace Geo.Core.Indicators;

// Comparisons, once every area's value is known: with the parent and England at 95% and 99.8%, the
// judgement by polarity, excess events and their share of the parent's, funnel limits and position.
public sealed partial class IndicatorEngine
{
    /// <summary>Comparisons, excess, its share and funnel limits need the whole level computed first.</summary>
    private IndicatorRow[] Finish(IndicatorRow[] rows)
    {
        var england = rows[_root];
        var positiveExcess = new double[_areas.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is { Count: { } o, Expected: { } e } && i != _root)
            {
                positiveExcess[_parent[i]] += Math.Max(0, o - e);
            }
        }

        var polarity = Definition.Polarity;
        Parallel.For(0, rows.Length, i =>
        {
            var row = rows[i];
            if (row.Value is null && row.Expected is null)
            {
                return;
            }

            var parent = _parent[i] >= 0 ? rows[_parent[i]] : null;
            var vsParent95 = Compare(row, parent?.Value, ConfidenceLevel.Percent95);
            var vsEngland95 = i == _root ? Comparison.NotCompared : Compare(row, england.Value, ConfidenceLevel.Percent95);
            double? excess = row is { Count: { } o, Expected: { } e } ? o - e : null;
            double? share = excess is { } x && parent is not null && positiveExcess[_parent[i]] > 0
                ? Math.Max(0, x) / positiveExcess[_parent[i]]
                : null;
            var (f95, f998, position) = Funnel(row, england);
            rows[i] = row with
            {
                VsParent95 = vsParent95,
                VsParent998 = Compare(row, parent?.Value, ConfidenceLevel.Percent99Point8),
                VsEngland95 = vsEngland95,
                VsEngland998 = i == _root ? Comparison.NotCompared : Compare(row, england.Value, ConfidenceLevel.Percent99Point8),
                JudgementVsParent = Significance.Judge(vsParent95, polarity),
                JudgementVsEngland = Significance.Judge(vsEngland95, polarity),
                Excess = excess,
                ExcessShare = share,
                Funnel95 = f95,
                Funnel998 = f998,
                FunnelPosition = position,
            };
        });
        return rows;
    }

    private static Comparison Compare(IndicatorRow row, double? benchmark, ConfidenceLevel level)
    {
        var (lower, upper) = level == ConfidenceLevel.Percent95 ? (row.Lower95, row.Upper95) : (row.Lower998, row.Upper998);
        return lower is { } l && upper is { } u && benchmark is { } b
            ? Significance.Compare(new ConfidenceInterval(l, u), b)
            : Comparison.NotCompared;
    }

    /// <summary>
    /// <paramref name="row"/> as a unit of an overdispersion estimate around <paramref name="england"/>'s value (its plotted
    /// value, the target and its standard error at its size); null where it has no funnel position (a suppressed row
    /// has none) or the value type no funnel.
    /// </summary>
    public FunnelPoint? FunnelPoint(IndicatorRow row, IndicatorRow england)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(england);
        if (row.FunnelPosition is null || england.Value is not { } benchmark || benchmark <= 0 || row.Expected is not { } expected
            || expected <= 0 || row.Count is not { } observed || row.Denominator is not { } n || n <= 0)
        {
            return null;
        }

        return _method.Point(observed, n, expected, benchmark);
    }

    /// <summary>Control limits around England's value at this area's size, by the value type's method, and where
    /// the area falls against them; none without a positive benchmark, expected count and denominator.</summary>
    private (ControlLimits?, ControlLimits?, FunnelPosition?) Funnel(IndicatorRow row, IndicatorRow england)
    {
        if (england.Value is not { } benchmark || benchmark <= 0 || row.Expected is not { } expected || expected <= 0
            || row.Count is not { } observed || row.Denominator is not { } n || n <= 0)
        {
            return (null, null, null);
        }

        return _method.Funnel(observed, n, expected, benchmark) is { } f
            ? (f.Limits95, f.Limits998, FunnelLimits.Classify(f.Position, f.Limits95, f.Limits998))
            : (null, null, null);
    }
}
