using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>
/// Published rows laid out by column (<c>format=columns</c>): each chosen field named once, with one array of the rows'
/// values in row order; the same cells as the rows form, suppression applied.
/// </summary>
/// <param name="Metadata">As the rows form; its columns are the chosen fields only.</param>
/// <param name="Area">The row of the area the selection is taken in, with the chosen fields.</param>
/// <param name="Count">How many rows: the length of every array.</param>
/// <param name="Columns">Field name → the rows' values, in row order.</param>
/// <param name="Reason">Why there are no rows, when there are none.</param>
public sealed record IndicatorColumnsDto(ExportMetadata Metadata, IndicatorRowDto Area, int Count, ColumnTable Columns, string? Reason);
