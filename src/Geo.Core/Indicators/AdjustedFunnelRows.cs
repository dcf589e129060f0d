using Geo.Core.Indicators.Suppression;
using Geo.Core.Statistics;

namespace Geo.Core.Indicators;

/// <summary>Rows with their funnel limits and position recomputed for overdispersion, and how.</summary>
/// <param name="Rows">The rows, in the order given; a row without a funnel position (suppressed, or no funnel) is unchanged.</param>
/// <param name="Adjustment">The limits the rows' funnel columns hold.</param>
/// <param name="ChosenByTest">True when no adjustment was asked for and the test of overdispersion chose it.</param>
/// <param name="Estimate">φ̂, τ̂² and the test over the rows with a funnel position; null when fewer than two have one.</param>
public sealed record AdjustedFunnelRows(
    IReadOnlyList<IndicatorRow> Rows, FunnelAdjustment Adjustment, bool ChosenByTest, OverdispersionEstimate? Estimate)
{
    /// <summary>The adjustment, whether the test chose it and its figures, in words (for an answer's selection); <paramref name="units"/>
    /// names what the rows are.</summary>
    public string Describe(string units = "neighbourhoods")
    {
        var how = ChosenByTest ? " (chosen by the test of overdispersion, p < 0.05 → random-effects)" : "";
        return Estimate is { } e
            ? FormattableString.Invariant(
                $"funnel limits {Adjustment.Word()}{how}: phi = {e.Phi:G6}, tau² = {e.TauSquared:G6}, overdispersion test p = {e.PValue:G4} over {e.Count} {units}")
            : $"funnel limits {Adjustment.Word()}{how}: fewer than 2 {units} with a funnel position, no overdispersion estimate";
    }

    /// <summary>
    /// Estimates overdispersion among <paramref name="rows"/> (siblings, published) that have a funnel position around
    /// England's value and recomputes their 95% and 99.8% limits and position by <paramref name="requested"/>, or by
    /// the test's default (<see cref="OverdispersionEstimate.DefaultAdjustment"/>) when null. Poisson leaves the rows'
    /// exact limits as they are. Suppressed rows have no funnel position and get none; under φ or random effects they lose
    /// their exact limits too, so that no row of the answer holds limits other than those it names.
    /// </summary>
    public static AdjustedFunnelRows Adjust(IndicatorEngine engine, IReadOnlyList<IndicatorRow> rows, IndicatorRow england, FunnelAdjustment? requested)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(rows);
        var points = rows
            .Select(r => r.Suppression == SuppressionReason.None ? engine.FunnelPoint(r, england) : null)
            .ToArray();
        var units = points.OfType<FunnelPoint>().ToArray();
        if (units.Length < 2)
        {
            return new AdjustedFunnelRows(rows, requested ?? FunnelAdjustment.Poisson, requested is null, null);
        }

        var estimate = Overdispersion.Estimate([.. units.Select(u => new OverdispersionUnit(u.Value, u.StandardError))], units[0].Target);
        var adjustment = requested ?? estimate.DefaultAdjustment;
        if (adjustment == FunnelAdjustment.Poisson)
        {
            return new AdjustedFunnelRows(rows, adjustment, requested is null, estimate);
        }

        var adjusted = new IndicatorRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (points[i] is not { } p)
            {
                adjusted[i] = rows[i] with { Funnel95 = null, Funnel998 = null };
                continue;
            }

            var l95 = Within(estimate.Limits(p.Target, p.StandardError, ConfidenceLevel.Percent95, adjustment), p);
            var l998 = Within(estimate.Limits(p.Target, p.StandardError, ConfidenceLevel.Percent99Point8, adjustment), p);
            adjusted[i] = rows[i] with { Funnel95 = l95, Funnel998 = l998, FunnelPosition = FunnelLimits.Classify(p.Value, l95, l998) };
        }

        return new AdjustedFunnelRows(adjusted, adjustment, requested is null, estimate);
    }

    private static ControlLimits Within(ControlLimits limits, FunnelPoint p) =>
        new(Math.Max(p.Minimum, limits.Lower), Math.Min(p.Maximum, limits.Upper));
}
