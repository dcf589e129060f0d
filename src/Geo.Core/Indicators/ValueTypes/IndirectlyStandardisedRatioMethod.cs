using Geo.Core.Sources;

namespace Geo.Core.Indicators.ValueTypes;

/// <summary>
/// Indirectly standardised ratio: observed / expected × multiplier (100 for an SAR), expected from the dataset
/// total's age-specific rates, with the Poisson limits of the observed count; on a funnel, the limits of O/E around
/// 1 in the ratio's units. Immutable and thread-safe.
/// </summary>
internal sealed class IndirectlyStandardisedRatioMethod(IndicatorDefinition definition, IReadOnlyList<AgeBand> bands)
    : ValueTypeMethod(definition)
{
    public override string Describe() =>
        $"Indirectly standardised ratio x {Definition.Multiplier:N0}: observed / expected, expected from the dataset total's age-specific rates over {bands.Count} bands; limits from the Poisson limits of the observed count (exact below 10 events, Byar's from 10).";

    public override ValueFigures Calculate(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, ReadOnlySpan<double> reference)
    {
        var o = Sum(numerator);
        var n = Sum(denominator);
        var expected = Expected(denominator, reference);
        return expected <= 0
            ? ValueFigures.Missing(o, n, expected, "no expected events")
            : PoissonScaled(o, n, expected, Definition.Multiplier / expected);
    }

    public override FunnelFigures? Funnel(double observed, double denominator, double expected, double benchmark) =>
        RatioFunnel(observed, expected, Definition.Multiplier);

    public override FunnelPoint? Point(double observed, double denominator, double expected, double benchmark) =>
        RatioPoint(observed, expected, Definition.Multiplier);
}
