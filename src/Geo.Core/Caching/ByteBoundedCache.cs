namespace Geo.Core.Caching;

/// <summary>
/// An in-memory cache bounded by bytes: adding an entry that takes the total over <see cref="CapacityBytes"/> evicts the
/// least recently used; an entry larger than <see cref="LargestEntryBytes"/> is not kept. Each entry is charged what the
/// size function says. Thread-safe (one lock, held only for the dictionary and list updates).
/// </summary>
public sealed class ByteBoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value, long Size)>> _entries;
    private readonly LinkedList<(TKey Key, TValue Value, long Size)> _recency = new();
    private readonly Func<TValue, long> _size;
    private readonly Lock _lock = new();
    private long _held;

    /// <param name="capacityBytes">The most bytes held at once.</param>
    /// <param name="size">Bytes charged for an entry.</param>
    /// <param name="largestEntryBytes">The largest entry kept (at most the capacity).</param>
    /// <param name="comparer">How keys compare (default: the key type's own equality).</param>
    public ByteBoundedCache(long capacityBytes, Func<TValue, long> size, long largestEntryBytes, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        ArgumentNullException.ThrowIfNull(size);
        CapacityBytes = capacityBytes;
        LargestEntryBytes = Math.Min(largestEntryBytes, capacityBytes);
        _size = size;
        _entries = new(comparer);
    }

    public long CapacityBytes { get; }

    public long LargestEntryBytes { get; }

    /// <summary>Bytes charged for the entries held now.</summary>
    public long SizeBytes
    {
        get
        {
            lock (_lock)
            {
                return _held;
            }
        }
    }

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

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Adds or replaces an entry; false (and any old entry of the key gone) when it is too large to keep.</summary>
    public bool Set(TKey key, TValue value)
    {
        var size = _size(value);
        lock (_lock)
        {
            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
                _held -= old.Value.Size;
            }

            if (size > LargestEntryBytes)
            {
                return false;
            }

            while (_held + size > CapacityBytes && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _held -= last.Value.Size;
            }

            _entries[key] = _recency.AddFirst((key, value, size));
            _held += size;
            return true;
        }
    }
}
