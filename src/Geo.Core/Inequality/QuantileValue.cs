using Geo.Core.Statistics;

namespace Geo.Core.Inequality;

/// <summary>
/// One deprivation quantile (decile 1 = most deprived) for the slope index of inequality: its population,
/// the indicator's value and the value's standard error. Immutable value.
/// </summary>
/// <param name="Population">The quantile's population (denominator); must be positive.</param>
/// <param name="Value">The indicator value: a rate or proportion on its natural scale (not multiplied), or e.g. life expectancy.</param>
/// <param name="StandardError">
/// The standard error on the scale where the value's error is normal (<see cref="IndicatorScale"/>): of the
/// value itself, of ln(rate), or of logit(proportion).
/// </param>
public readonly record struct QuantileValue(double Population, double Value, double StandardError)
{
    /// <summary>
    /// A quantile whose standard error is recovered from 95% limits, on the scale of <paramref name="scale"/>:
    /// SE = (f(upper) − f(lower)) / (2 × 1.959964), with f the identity, ln or logit.
    /// </summary>
    public static QuantileValue FromLimits(double population, double value, double lower95, double upper95, IndicatorScale scale = IndicatorScale.Normal)
    {
        var width = SlopeIndex.ToFitScale(upper95, scale) - SlopeIndex.ToFitScale(lower95, scale);
        return new QuantileValue(population, value, width / (2 * ConfidenceLevel.Percent95.Z));
    }
}
