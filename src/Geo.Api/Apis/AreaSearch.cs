using Geo.Core.Geography;

namespace Geo.Api.Apis;

/// <summary>
/// Finds areas by name or code, case-insensitively: exact code first, then names (or codes) starting
/// with the query, then names (or codes) containing it; within each, higher levels first, then by name.
/// Built once per dataset; immutable and thread-safe.
/// </summary>
public sealed class AreaSearch
{
    private readonly Area[] _areas;

    public AreaSearch(Geography geography)
    {
        // Sorted once, so that a scan in order yields each rank already in display order.
        _areas = geography.Areas
            .OrderBy(a => a.Level)
            .ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.Code, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>At most <paramref name="limit"/> areas matching <paramref name="query"/>, at
    /// <paramref name="level"/> when given.</summary>
    public IReadOnlyList<(Area Area, string Match)> Find(string query, int limit, Level? level = null)
    {
        var q = query.Trim();
        var exact = new List<Area>(1);
        var prefix = new List<Area>();
        var contains = new List<Area>();
        foreach (var area in _areas)
        {
            if (level is { } l && area.Level != l)
            {
                continue;
            }

            if (string.Equals(area.Code, q, StringComparison.OrdinalIgnoreCase))
            {
                exact.Add(area);
            }
            else if (area.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase) || area.Code.StartsWith(q, StringComparison.OrdinalIgnoreCase))
            {
                if (prefix.Count < limit)
                {
                    prefix.Add(area);
                }
            }
            else if (contains.Count < limit
                && (area.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || area.Code.Contains(q, StringComparison.OrdinalIgnoreCase)))
            {
                contains.Add(area);
            }
        }

        return exact.Select(a => (a, "code"))
            .Concat(prefix.Select(a => (a, "prefix")))
            .Concat(contains.Select(a => (a, "contains")))
            .Take(limit)
            .ToArray();
    }
}
