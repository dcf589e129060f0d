using Geo.Core.Caching;

namespace Geo.Tiles;

/// <summary>
/// An in-memory cache of cut tiles, bounded by bytes: when adding a tile takes it over
/// <see cref="CapacityBytes"/>, the least recently used tiles are evicted. Thread-safe (one lock,
/// held only for dictionary and list updates, never while a tile is cut).
/// </summary>
public sealed class TileCache(long capacityBytes)
{
    /// <summary>Bytes charged per entry besides the tile itself (key, node, tag).</summary>
    private const long EntryOverhead = 200;

    private readonly ByteBoundedCache<TileKey, EncodedTile> _tiles =
        new(capacityBytes, tile => tile.Bytes.Length + EntryOverhead, largestEntryBytes: capacityBytes);

    public long CapacityBytes => _tiles.CapacityBytes;

    /// <summary>Bytes charged for the tiles held now.</summary>
    public long SizeBytes => _tiles.SizeBytes;

    public int Count => _tiles.Count;

    public bool TryGet(TileKey key, out EncodedTile tile) => _tiles.TryGet(key, out tile);

    /// <summary>Adds or replaces a tile; a tile larger than the whole capacity is not kept.</summary>
    public void Set(TileKey key, EncodedTile tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        _tiles.Set(key, tile);
    }
}
