namespace Geo.Core.Indicators.ValueTypes;

/// <summary>
/// Score or index (an IMD score, say): the population-weighted mean of the neighbourhoods' scores, with no count,
/// expected events, interval or funnel. Immutable and thread-safe.
/// </summary>
internal sealed class ScoreMethod(IndicatorDefinition definition) : ValueTypeMethod(definition)
{
    public override bool IsWeightedMean => true;

    public override string Describe() =>
        "Score: population-weighted mean of the neighbourhood scores; no confidence limits.";

    /// <remarks>The numerators are score × weight and the denominators the weights, so their ratio is the mean.</remarks>
    public override ValueFigures Calculate(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, ReadOnlySpan<double> reference)
    {
        var o = Sum(numerator);
        var n = Sum(denominator);
        return n > 0
            ? new ValueFigures(null, n, null, o / n, null, null, null, null, null)
            : ValueFigures.Missing(null, n, null, "no population");
    }

    public override FunnelFigures? Funnel(double observed, double denominator, double expected, double benchmark) => null;
}
