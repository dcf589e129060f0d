namespace Geo.Core.Trends;

/// <summary>
/// One period of an area's series as counts: the input to <see cref="RecentTrend.ForProportion"/>,
/// <see cref="RecentTrend.ForCrudeRate"/> and the p- and u-charts of <see cref="ControlChart"/>. Immutable.
/// </summary>
/// <param name="Period">The period's label (e.g. "2021/22").</param>
/// <param name="Time">The period's position in time, in years (e.g. 2021 for "2021/22"); gaps between years are honoured by the trend test.</param>
/// <param name="Count">The numerator.</param>
/// <param name="Denominator">The denominator (population, or the sample of a proportion).</param>
public readonly record struct TrendPoint(string Period, double Time, double Count, double Denominator);
