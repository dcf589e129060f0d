namespace Geo.Tiles;

/// <summary>
/// An in-memory cache of cut tiles, bounded by bytes: when adding a tile takes it over
/// <see cref="CapacityBytes"/>, the least recently used tiles are evicted. Thread-safe (one lock,
/// held only for dictionary and list updates, never while a tile is cut).
/// </summary>
public sealed class TileCache
{
    /// <summary>Bytes charged per entry besides the tile itself (key, node, tag).</summary>
    private const long EntryOverhead = 200;

    private readonly Dictionary<TileKey, LinkedListNode<(TileKey Key, EncodedTile Tile)>> _entries = [];
    private readonly LinkedList<(TileKey Key, EncodedTile Tile)> _recency = new();
    private readonly Lock _lock = new();

    public TileCache(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        CapacityBytes = capacityBytes;
    }

    public long CapacityBytes { get; }

    /// <summary>Bytes charged for the tiles held now.</summary>
    public long SizeBytes { get; private set; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(TileKey key, out EncodedTile tile)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                tile = node.Value.Tile;
                return true;
            }
        }

        tile = null!;
        return false;
    }

    /// <summary>Adds or replaces a tile; a tile larger than the whole capacity is not kept.</summary>
    public void Set(TileKey key, EncodedTile tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        var size = Size(tile);
        lock (_lock)
        {
            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
                SizeBytes -= Size(old.Value.Tile);
            }

            if (size > CapacityBytes)
            {
                return;
            }

            while (SizeBytes + size > CapacityBytes && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                SizeBytes -= Size(last.Value.Tile);
            }

            _entries[key] = _recency.AddFirst((key, tile));
            SizeBytes += size;
        }
    }

    private static long Size(EncodedTile tile) => tile.Bytes.Length + EntryOverhead;
}
