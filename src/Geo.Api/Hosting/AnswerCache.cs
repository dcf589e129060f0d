using Geo.Core.Caching;

namespace Geo.Api.Hosting;

/// <summary>
/// The answers kept compressed (<see cref="CachedAnswer"/>), bounded by bytes: adding one that takes the total over
/// <see cref="CapacityBytes"/> evicts the least recently used; an answer larger than a quarter of the capacity is not
/// kept. Keys name the request and the data version, so answers of a replaced dataset are never found again and age out.
/// Thread-safe (one lock, held only for the dictionary and list updates).
/// </summary>
public sealed class AnswerCache(long capacityBytes)
{
    private readonly ByteBoundedCache<string, CachedAnswer> _answers =
        new(capacityBytes, answer => answer.Size, largestEntryBytes: capacityBytes / 4, StringComparer.Ordinal);

    public long CapacityBytes => _answers.CapacityBytes;

    /// <summary>Bytes charged for the answers held now.</summary>
    public long SizeBytes => _answers.SizeBytes;

    public int Count => _answers.Count;

    public bool TryGet(string key, out CachedAnswer answer) => _answers.TryGet(key, out answer);

    /// <summary>Adds or replaces an answer; false when it is too large to keep.</summary>
    public bool Set(string key, CachedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return _answers.Set(key, answer);
    }
}
