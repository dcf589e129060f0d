using System.Text.Json.Serialization;

namespace Geo.Tiles;

/// <summary>
/// A TileJSON 3.0.0 document describing one tile source (https://github.com/mapbox/tilejson-spec).
/// A DTO: immutable, thread-safe.
/// </summary>
public sealed record TileJson(
    [property: JsonPropertyName("tilejson")] string Version,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("version")] string DataVersion,
    [property: JsonPropertyName("scheme")] string Scheme,
    [property: JsonPropertyName("tiles")] IReadOnlyList<string> Tiles,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("bounds")] IReadOnlyList<double> Bounds,
    [property: JsonPropertyName("center")] IReadOnlyList<double> Center,
    [property: JsonPropertyName("vector_layers")] IReadOnlyList<TileJsonLayer> VectorLayers)
{
    /// <summary>The document of <paramref name="source"/>, its tiles at <paramref name="tileUrl"/>
    /// (a template with <c>{z}</c>, <c>{x}</c> and <c>{y}</c>).</summary>
    public static TileJson For(ITileSource source, string tileUrl, string dataVersion)
    {
        ArgumentNullException.ThrowIfNull(source);
        var info = source.Info;
        var b = info.Bounds;
        return new TileJson(
            "3.0.0",
            info.Id,
            info.Description,
            dataVersion,
            "xyz",
            [tileUrl],
            info.MinZoom,
            info.MaxZoom,
            b,
            // TileJSON 3.0.0: the centre's zoom lies between minzoom and maxzoom
            [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, Math.Clamp(6, info.MinZoom, info.MaxZoom)],
            [new TileJsonLayer(info.Id, info.Description, info.MinZoom, info.MaxZoom, info.Fields)]);
    }
}
