using Geo.Core.Statistics;

namespace Geo.Core.Indicators.ValueTypes;

/// <summary>
/// Proportion: numerator / denominator × multiplier (100 for a percentage), with Wilson score limits; on a funnel,
/// binomial limits around England's proportion at the area's denominator. Immutable and thread-safe.
/// </summary>
internal sealed class ProportionMethod(IndicatorDefinition definition) : ValueTypeMethod(definition)
{
    public override string Describe() =>
        $"Proportion x {Definition.Multiplier:N0}: numerator / denominator, summed from neighbourhood counts; 95% and 99.8% Wilson score limits.";

    public override ValueFigures Calculate(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, ReadOnlySpan<double> reference)
    {
        var o = Sum(numerator);
        var n = Sum(denominator);
        var expected = Expected(denominator, reference);
        if (n <= 0 || o > n)
        {
            return ValueFigures.Missing(o, n, expected, n <= 0 ? "no denominator" : "numerator exceeds denominator");
        }

        var multiplier = Definition.Multiplier;
        var p95 = ProportionInterval.Calculate(o, n, multiplier, ConfidenceLevel.Percent95);
        var p998 = ProportionInterval.CalculateWilson(o, n, ConfidenceLevel.Percent99Point8);
        return new ValueFigures(o, n, expected, p95.Value, p95.Lower, p95.Upper, p998.Lower * multiplier, p998.Upper * multiplier, null);
    }

    public override FunnelFigures? Funnel(double observed, double denominator, double expected, double benchmark)
    {
        var multiplier = Definition.Multiplier;
        if (benchmark > multiplier)
        {
            return null;
        }

        return new FunnelFigures(
            FunnelLimits.CalculateForProportion(denominator, benchmark, ConfidenceLevel.Percent95, multiplier),
            FunnelLimits.CalculateForProportion(denominator, benchmark, ConfidenceLevel.Percent99Point8, multiplier),
            observed / denominator * multiplier);
    }

    public override FunnelPoint? Point(double observed, double denominator, double expected, double benchmark)
    {
        var multiplier = Definition.Multiplier;
        var p = benchmark / multiplier;
        var s = multiplier * Math.Sqrt(p * (1 - p) / denominator);
        return s > 0 && double.IsFinite(s) ? new FunnelPoint(observed / denominator * multiplier, benchmark, s, 0, multiplier) : null;
    }
}
