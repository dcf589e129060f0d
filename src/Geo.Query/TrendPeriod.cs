using Geo.Core.Indicators;

namespace Geo.Query;

/// <summary>One period of an area's trend: the area's published row of that period (suppression applied) and the period's
/// place in time in years. Immutable.</summary>
/// <param name="Time">The period's year (2021 for "2021/22"), or its position from 0 when the labels do not begin with
/// distinct years.</param>
/// <param name="InTrendTest">True when the recent-trend test used this period.</param>
/// <param name="OnChart">True when the control chart has this period (published, with what the chart needs).</param>
public sealed record TrendPeriod(string Period, double Time, IndicatorRow Row, bool InTrendTest, bool OnChart);
