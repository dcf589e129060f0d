namespace Geo.Core.Statistics;

/// <summary>
/// A value with its confidence limits, the level they are for and the method that gave them, all in
/// the units of the statistic (rate per 100,000, percentage, ratio × 100 …). Immutable.
/// </summary>
/// <param name="Value">The statistic: rate, proportion, DSR or ratio, already multiplied.</param>
/// <param name="Lower">Lower confidence limit.</param>
/// <param name="Upper">Upper confidence limit.</param>
/// <param name="Level">The confidence level of the limits.</param>
/// <param name="Method">How the limits were computed.</param>
public sealed record Estimate(double Value, double Lower, double Upper, ConfidenceLevel Level, IntervalMethod Method)
{
    /// <summary>The limits as an interval.</summary>
    public ConfidenceInterval Interval => new(Lower, Upper);
}
