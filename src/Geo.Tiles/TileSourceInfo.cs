namespace Geo.Tiles;

/// <summary>
/// What a tile source serves. <see cref="Bounds"/> are WGS84 [west, south, east, north] degrees;
/// <see cref="Fields"/> maps each feature property to its description. Immutable; thread-safe.
/// </summary>
public sealed record TileSourceInfo(
    string Id,
    string Description,
    int MinZoom,
    int MaxZoom,
    double[] Bounds,
    IReadOnlyDictionary<string, string> Fields);
