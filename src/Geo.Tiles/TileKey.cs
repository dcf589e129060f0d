namespace Geo.Tiles;

/// <summary>What identifies a cut tile in <see cref="TileCache"/>: source, tile, data version. An immutable value.</summary>
public readonly record struct TileKey(string Source, TileCoordinate Tile, string Version);
