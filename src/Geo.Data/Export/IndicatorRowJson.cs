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
    public static void Write(Utf8JsonWriter json, IndicatorRow row, IndicatorDefinition definition)
    {
        json.WriteStartObject();
        foreach (var column in IndicatorColumns.All)
        {
            switch (column.Type)
            {
                case IndicatorColumnType.Text when column.TextOf(row, definition) is { } text:
                    json.WriteString(column.Name, text);
                    break;
                case IndicatorColumnType.Number when column.NumberOf(row) is { } number:
                    json.WriteNumber(column.Name, number);
                    break;
                case IndicatorColumnType.Integer when column.NumberOf(row) is { } integer:
                    json.WriteNumber(column.Name, (long)integer);
                    break;
                default:
                    json.WriteNull(column.Name);
                    break;
            }
        }

        json.WriteEndObject();
    }
}
