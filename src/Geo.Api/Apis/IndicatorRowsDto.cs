using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>Published rows of a selection (an area's children, or its hotspots) with the area itself.</summary>
/// <param name="Metadata">The same metadata as an export; its selection says which rows, its command is this request's URL.</param>
/// <param name="Area">The row of the area the selection is taken in.</param>
/// <param name="Reason">Why there are no rows, when there are none (e.g. every neighbourhood suppressed, none above the funnel limit).</param>
public sealed record IndicatorRowsDto(ExportMetadata Metadata, IndicatorRowDto Area, IReadOnlyList<IndicatorRowDto> Rows, string? Reason);
