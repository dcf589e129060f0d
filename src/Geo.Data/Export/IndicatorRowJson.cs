using System.Text.Json;
using Geo.Core.Indicators;

namespace Geo.Data.Export;

/// <summary>
/// Writes a published row as a JSON object, column by column from <see cref="IndicatorColumns"/>: text as
/// strings, numbers as numbers (rounded to 6 decimals), null where the row has no value. The same object is a
/// GeoJSON feature's properties and a row of the API's answers. Stateless and thread-safe.
/// </summary>
public static class IndicatorRowJson
{
    public static void Write(Utf8JsonWriter json, IndicatorRow row, IndicatorDefinition definition) =>
        Write(json, row, definition, IndicatorColumns.All);

    /// <summary>The row with only <paramref name="columns"/>, in their order.</summary>
    public static void Write(Utf8JsonWriter json, IndicatorRow row, IndicatorDefinition definition, IReadOnlyList<IndicatorColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(columns);
        json.WriteStartObject();
        foreach (var column in columns)
        {
            json.WritePropertyName(column.Name);
            WriteValue(json, column, row, definition);
        }

        json.WriteEndObject();
    }

    /// <summary>One cell of the row, as a JSON value: the same text, number or null as in the row's object.</summary>
    public static void WriteValue(Utf8JsonWriter json, IndicatorColumn column, IndicatorRow row, IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(column);
        switch (column.Type)
        {
            case IndicatorColumnType.Text when column.TextOf(row, definition) is { } text:
                json.WriteStringValue(text);
                break;
            case IndicatorColumnType.Number when column.NumberOf(row) is { } number:
                json.WriteNumberValue(number);
                break;
            case IndicatorColumnType.Integer when column.NumberOf(row) is { } integer:
                json.WriteNumberValue((long)integer);
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }
}
