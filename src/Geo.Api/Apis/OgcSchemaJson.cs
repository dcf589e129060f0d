using System.Text.Json;
using Geo.Core.Indicators;
using Geo.Query;

namespace Geo.Api.Apis;

/// <summary>
/// Writes a collection's features as a JSON Schema of a GeoJSON Feature (the collection's <c>describedby</c> link), so that
/// a client such as GDAL types each property from the schema instead of guessing from the first page (where a coverage of
/// 1 everywhere would make an integer field). An indicator's properties are the export's columns
/// (<see cref="IndicatorColumns"/>). Stateless.
/// </summary>
internal static class OgcSchemaJson
{
    public const string ContentType = "application/schema+json";

    public static byte[] Write(FeatureCollectionInfo collection, string id)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2019-09/schema");
            json.WriteString("$id", id);
            json.WriteString("type", "object");
            json.WriteString("title", collection.Title);
            json.WriteStartObject("properties");
            json.WriteStartObject("type");
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            json.WriteStringValue("Feature");
            json.WriteEndArray();
            json.WriteEndObject();
            Property(json, "id", "string", "the area's code");
            json.WriteStartObject("geometry");
            json.WriteString("type", "object");
            json.WriteString("description", "the boundary, a GeoJSON Polygon or MultiPolygon in WGS84 (lon/lat)");
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            var required = new List<string>();
            if (collection.Indicator is null)
            {
                Property(json, "code", "string", "area code");
                Property(json, "name", "string", "area name");
                Property(json, "level", "string", "system, icp, place or neighbourhood");
                Property(json, "parent", "string", "code of the parent area");
                Property(json, "partial", "boolean", "true for a place that is the part of a district straddling two systems");
                required.AddRange(["code", "name", "level", "partial"]);
            }
            else
            {
                foreach (var column in IndicatorColumns.All)
                {
                    var type = column.Type switch
                    {
                        IndicatorColumnType.Text => "string",
                        IndicatorColumnType.Integer => "integer",
                        _ => "number",
                    };
                    Property(json, column.Name, type, column.Unit is null ? column.Description : $"{column.Description} ({column.Unit})");
                    if (!column.Nullable)
                    {
                        required.Add(column.Name);
                    }
                }
            }

            json.WriteEndObject();
            json.WriteStartArray("required");
            foreach (var name in required)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("required");
            json.WriteStringValue("type");
            json.WriteStringValue("geometry");
            json.WriteStringValue("properties");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void Property(Utf8JsonWriter json, string name, string type, string description)
    {
        json.WriteStartObject(name);
        json.WriteString("type", type);
        json.WriteString("description", description);
        json.WriteEndObject();
    }
}
