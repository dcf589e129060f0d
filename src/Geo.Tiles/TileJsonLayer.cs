using System.Text.Json.Serialization;

namespace Geo.Tiles;

/// <summary>One entry of TileJSON's <c>vector_layers</c>: a layer and its feature properties. A DTO; thread-safe.</summary>
public sealed record TileJsonLayer(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("fields")] IReadOnlyDictionary<string, string> Fields);
