using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>An area's trend: each period's published figures, the recent-trend marker and a control chart.</summary>
/// <param name="Area">The area's published row in the last period of the series.</param>
/// <param name="ChartType">xmr, p or u.</param>
/// <param name="ChartMethod">How the chart's centre and limits are computed.</param>
/// <param name="Chart">The chart over the published periods; null with too few.</param>
/// <param name="ChartNote">Hidden periods, trial limits, or why there is no chart; null when nothing needs saying.</param>
public sealed record TrendDto(
    ExportMetadata Metadata,
    IndicatorRowDto Area,
    IReadOnlyList<TrendPointDto> Periods,
    TrendMarkerDto Marker,
    string ChartType,
    string ChartMethod,
    SpcChartDto? Chart,
    string? ChartNote);
