using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>Writes a <see cref="ColumnTable"/>: <c>{"code":[…],"value":[…],…}</c>. Stateless and thread-safe.</summary>
public sealed class ColumnTableConverter : JsonConverter<ColumnTable>
{
    public override ColumnTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A column table is written by the API, never read.");

    public override void Write(Utf8JsonWriter writer, ColumnTable value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var column in value.Columns)
        {
            writer.WriteStartArray(column.Name);
            foreach (var row in value.Rows)
            {
                IndicatorRowJson.WriteValue(writer, column, row, value.Definition);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
