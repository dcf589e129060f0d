namespace Geo.Core.Trends;

/// <summary>
/// One period of an area's series as a value with its 95% confidence limits: the input to
/// <see cref="RecentTrend.ForValues"/> for rates, ratios and other non-proportions. Immutable.
/// </summary>
/// <param name="Period">The period's label (e.g. "2021/22").</param>
/// <param name="Time">The period's position in time, in years (e.g. 2021 for "2021/22").</param>
/// <param name="Value">The indicator value.</param>
/// <param name="Lower">Its lower 95% confidence limit.</param>
/// <param name="Upper">Its upper 95% confidence limit.</param>
public readonly record struct TrendValuePoint(string Period, double Time, double Value, double Lower, double Upper);
