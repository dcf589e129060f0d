using System.Globalization;
using System.Text.Json.Serialization;
using Geo.Core.Indicators;
using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>
/// One published row: exactly the columns of <c>geo export</c> (same names, same rounding to 6
/// decimals), with numbers as numbers and null where the export has an empty cell (suppressed,
/// undefined or not applicable).
/// </summary>
public sealed record IndicatorRowDto(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("parent")] string? Parent,
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("count")] double? Count,
    [property: JsonPropertyName("denominator")] double? Denominator,
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("lower95")] double? Lower95,
    [property: JsonPropertyName("upper95")] double? Upper95,
    [property: JsonPropertyName("lower998")] double? Lower998,
    [property: JsonPropertyName("upper998")] double? Upper998,
    [property: JsonPropertyName("vs_parent")] string? VsParent,
    [property: JsonPropertyName("vs_england")] string? VsEngland,
    [property: JsonPropertyName("rank")] int? Rank,
    [property: JsonPropertyName("expected")] double? Expected,
    [property: JsonPropertyName("excess")] double? Excess,
    [property: JsonPropertyName("excess_share")] double? ExcessShare,
    [property: JsonPropertyName("suppressed")] string? Suppressed,
    [property: JsonPropertyName("vs_parent_998")] string? VsParent998,
    [property: JsonPropertyName("vs_england_998")] string? VsEngland998,
    [property: JsonPropertyName("funnel_lower95")] double? FunnelLower95,
    [property: JsonPropertyName("funnel_upper95")] double? FunnelUpper95,
    [property: JsonPropertyName("funnel_lower998")] double? FunnelLower998,
    [property: JsonPropertyName("funnel_upper998")] double? FunnelUpper998,
    [property: JsonPropertyName("funnel")] string? Funnel,
    [property: JsonPropertyName("coverage")] double? Coverage,
    [property: JsonPropertyName("note")] string? Note)
{
    /// <summary>The row as <see cref="IndicatorTable"/> writes it for exports, so that both never differ.</summary>
    public static IndicatorRowDto From(IndicatorRow row, IndicatorDefinition definition)
    {
        var c = IndicatorTable.Cells(row, definition.Polarity);
        return new IndicatorRowDto(
            c[0], c[1], c[2], Text(c[3]), c[4], Number(c[5]), Number(c[6]), Number(c[7]), Number(c[8]), Number(c[9]),
            Number(c[10]), Number(c[11]), Text(c[12]), Text(c[13]), row.Rank, Number(c[15]), Number(c[16]), Number(c[17]),
            Text(c[18]), Text(c[19]), Text(c[20]), Number(c[21]), Number(c[22]), Number(c[23]), Number(c[24]), Text(c[25]),
            Number(c[26]), Text(c[27]));
    }

    private static string? Text(string cell) => cell.Length == 0 ? null : cell;

    private static double? Number(string cell) => cell.Length == 0 ? null : double.Parse(cell, CultureInfo.InvariantCulture);
}
