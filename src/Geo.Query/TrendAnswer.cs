using Geo.Core.Indicators;
using Geo.Core.Trends;

namespace Geo.Query;

/// <summary>
/// An area's trend over an indicator's periods (<see cref="DatasetQueries.Trend"/>): each period's published row, the
/// Fingertips recent-trend marker and a control chart, both from published figures only, so neither can give away a
/// suppressed period. Immutable.
/// </summary>
/// <param name="Indicator">The indicator at the last period of the series.</param>
/// <param name="Area">The area's published row in that period.</param>
/// <param name="Periods">Every period up to and including the last, oldest first.</param>
/// <param name="Marker">The recent-trend marker; null for a score (no confidence limits to weight it).</param>
/// <param name="MarkerWords">The marker in words, with the test and the periods used.</param>
/// <param name="ChartType">The chart drawn (the value type's default unless another was asked for).</param>
/// <param name="Chart">The chart over the published periods; null with fewer than it needs.</param>
/// <param name="ChartMethod">How the chart's centre and limits are computed, in words.</param>
/// <param name="ChartNote">What to bear in mind reading the chart (hidden periods, trial limits), or null.</param>
public sealed record TrendAnswer(
    PublishedIndicator Indicator,
    IndicatorRow Area,
    IReadOnlyList<TrendPeriod> Periods,
    RecentTrendResult? Marker,
    string MarkerWords,
    SpcChartType ChartType,
    SpcChart? Chart,
    string ChartMethod,
    string? ChartNote,
    string Selection);
