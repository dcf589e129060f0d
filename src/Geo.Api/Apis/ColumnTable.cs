using System.Text.Json.Serialization;
using Geo.Core.Indicators;

namespace Geo.Api.Apis;

/// <summary>
/// Rows written column by column: a JSON object with one array per column, each cell written as the rows form writes it
/// (<see cref="Geo.Data.Export.IndicatorRowJson.WriteValue"/>). Written only, never read. Immutable and thread-safe.
/// </summary>
[JsonConverter(typeof(ColumnTableConverter))]
public sealed record ColumnTable(IReadOnlyList<IndicatorRow> Rows, IndicatorDefinition Definition, IReadOnlyList<IndicatorColumn> Columns);
