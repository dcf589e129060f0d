using Geo.Core.Sources;

namespace Geo.Data.Import;

/// <summary>
/// Remembers where each key was first seen, so a repeated key is reported with both places
/// ("also at line 12", "also at feature 7"). Keys are compared ordinally.
/// </summary>
/// <param name="unit">What a position is in this file: "line" or "feature".</param>
/// <param name="error">Makes the error for a repeat at a position, with the problem text given.</param>
internal sealed class UniqueKeys(string unit, Func<long, string, GeoDataException> error)
{
    private readonly Dictionary<string, long> _first = new(StringComparer.Ordinal);

    public void Add(string key, long position)
    {
        if (!_first.TryAdd(key, position))
        {
            throw error(position, $"'{key}' appears twice: also at {unit} {_first[key]}");
        }
    }
}
