namespace Geo.Api.Hosting;

/// <summary>
/// The answers kept compressed (<see cref="CachedAnswer"/>), bounded by bytes: adding one that takes the total over
/// <see cref="CapacityBytes"/> evicts the least recently used; an answer larger than a quarter of the capacity is not
/// kept. Keys name the request and the data version, so answers of a replaced dataset are never found again and age out.
/// Thread-safe (one lock, held only for the dictionary and list updates).
/// </summary>
public sealed class AnswerCache
{
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedAnswer Answer)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedAnswer Answer)> _recency = new();
    private readonly Lock _lock = new();
    private long _size;

    public AnswerCache(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        CapacityBytes = capacityBytes;
    }

    public long CapacityBytes { get; }

    /// <summary>Bytes charged for the answers held now.</summary>
    public long SizeBytes
    {
        get
        {
            lock (_lock)
            {
                return _size;
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

    public bool TryGet(string key, out CachedAnswer answer)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                answer = node.Value.Answer;
                return true;
            }
        }

        answer = null!;
        return false;
    }

    /// <summary>Adds or replaces an answer; false when it is too large to keep.</summary>
    public bool Set(string key, CachedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var size = answer.Size;
        lock (_lock)
        {
            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
                _size -= old.Value.Answer.Size;
            }

            if (size > CapacityBytes / 4)
            {
                return false;
            }

            while (_size + size > CapacityBytes && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _size -= last.Value.Answer.Size;
            }

            _entries[key] = _recency.AddFirst((key, answer));
            _size += size;
            return true;
        }
    }
}
