namespace Geo.Tiles;

/// <summary>
/// Something that can cut vector tiles: one layer of one dataset (after martin's tile sources).
/// Implementations must be safe to call from any number of threads at once.
/// </summary>
public interface ITileSource
{
    /// <summary>What the source is and serves: its id (also its layer's name), zooms, bounds and fields.</summary>
    TileSourceInfo Info { get; }

    /// <summary>
    /// The Mapbox Vector Tile 2.1 (protobuf, uncompressed) of <paramref name="tile"/>, or an empty array when
    /// no feature reaches it. The caller has checked that the tile is in the grid and the source's zoom range.
    /// </summary>
    byte[] GetTile(TileCoordinate tile, CancellationToken cancellation = default);
}
