using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>
/// Writes an <see cref="IndicatorRowDto"/> from the row schema (<see cref="Geo.Core.Indicators.IndicatorColumns"/>);
/// registered on the type, so the source-generated <c>ApiJsonContext</c> uses it too. Rows are answers, not
/// requests: reading one is not supported. Stateless and thread-safe.
/// </summary>
public sealed class IndicatorRowDtoConverter : JsonConverter<IndicatorRowDto>
{
    public override IndicatorRowDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An indicator row is written by the API, never read.");

    public override void Write(Utf8JsonWriter writer, IndicatorRowDto value, JsonSerializerOptions options) =>
        IndicatorRowJson.Write(writer, value.Row, value.Definition, value.Columns);
}
