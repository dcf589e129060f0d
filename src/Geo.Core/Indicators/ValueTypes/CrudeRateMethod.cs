namespace Geo.Core.Indicators.ValueTypes;

/// <summary>
/// Crude rate: events / population × multiplier, with exact Poisson limits below 10 events and Byar's from 10
/// (OHID's technical guidance); on a funnel, the limits of O/E around 1 scaled by England's rate. Immutable and
/// thread-safe.
/// </summary>
internal sealed class CrudeRateMethod(IndicatorDefinition definition) : ValueTypeMethod(definition)
{
    public override string Describe() =>
        $"Crude rate{Per}: events / population x {Definition.Multiplier:N0}, summed from neighbourhood counts; 95% and 99.8% limits exact Poisson below 10 events, Byar's from 10.";

    public override ValueFigures Calculate(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, ReadOnlySpan<double> reference)
    {
        var o = Sum(numerator);
        var n = Sum(denominator);
        var expected = Expected(denominator, reference);
        return n <= 0
            ? ValueFigures.Missing(o, n, expected, "no population")
            : PoissonScaled(o, n, expected, Definition.Multiplier / n);
    }

    public override FunnelFigures? Funnel(double observed, double denominator, double expected, double benchmark) =>
        RatioFunnel(observed, expected, benchmark);

    public override FunnelPoint? Point(double observed, double denominator, double expected, double benchmark) =>
        RatioPoint(observed, expected, benchmark);
}
