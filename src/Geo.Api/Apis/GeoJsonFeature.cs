using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Geo.Api.Apis;

/// <summary>Writes the common head of a GeoJSON Feature (type, id, bbox, geometry) for the boundary endpoints.</summary>
internal static class GeoJsonFeature
{
    private static readonly JsonSerializerOptions GeometryJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Starts the feature and leaves its <c>properties</c> object open for the caller to fill and close (or, with
    /// <paramref name="openProperties"/> false, the feature open after its geometry).</summary>
    public static void WriteStart(Utf8JsonWriter json, string id, Geometry wgs84, bool openProperties = true)
    {
        var box = wgs84.EnvelopeInternal;
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", id);
        json.WriteStartArray("bbox");
        json.WriteNumberValue(box.MinX);
        json.WriteNumberValue(box.MinY);
        json.WriteNumberValue(box.MaxX);
        json.WriteNumberValue(box.MaxY);
        json.WriteEndArray();
        json.WritePropertyName("geometry");
        JsonSerializer.Serialize(json, wgs84, GeometryJson);
        if (openProperties)
        {
            json.WriteStartObject("properties");
        }
    }
}
