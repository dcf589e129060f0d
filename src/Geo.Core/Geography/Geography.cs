namespace Geo.Core.Geography;

/// <summary>
/// The four-level hierarchy under a country root: systems, ICPs, places, neighbourhoods. Built once by
/// <see cref="HierarchyBuilder"/>; read-only and thread-safe afterwards.
/// </summary>
public sealed class Geography
{
    private readonly Dictionary<string, Area> _areas;
    private readonly IReadOnlyList<Area>[] _byLevel;

    public Geography(Area root, IEnumerable<Area> areas)
    {
        Root = root;
        _areas = new Dictionary<string, Area>(StringComparer.OrdinalIgnoreCase) { [root.Code] = root };
        foreach (var area in areas)
        {
            if (!_areas.TryAdd(area.Code, area))
            {
                throw new ArgumentException($"Area code {area.Code} appears twice.", nameof(areas));
            }
        }

        _byLevel = Enum.GetValues<Level>()
            .Select(level => (IReadOnlyList<Area>)_areas.Values.Where(a => a.Level == level)
                .OrderBy(a => a.Code, StringComparer.Ordinal).ToArray())
            .ToArray();
    }

    public Area Root { get; }

    public int Count => _areas.Count;

    public IEnumerable<Area> Areas => _areas.Values;

    public IReadOnlyList<Area> AtLevel(Level level) => _byLevel[(int)level];

    public Area? Find(string code) => _areas.GetValueOrDefault(code);

    public Area Get(string code) =>
        Find(code) ?? throw new KeyNotFoundException($"No area with code '{code}'.");

    public IEnumerable<Area> Children(Area area) => area.ChildCodes.Select(Get);

    /// <summary>The chain from the area's parent up to the root, nearest first.</summary>
    public IEnumerable<Area> Ancestors(Area area)
    {
        for (var code = area.ParentCode; code is not null;)
        {
            var parent = Get(code);
            yield return parent;
            code = parent.ParentCode;
        }
    }

    /// <summary>The neighbourhoods under an area (the area itself if it is one), in code order.</summary>
    public IEnumerable<Area> Neighbourhoods(Area area)
    {
        if (area.Level == Level.Neighbourhood)
        {
            yield return area;
            yield break;
        }

        foreach (var child in Children(area))
        {
            foreach (var n in Neighbourhoods(child))
            {
                yield return n;
            }
        }
    }
}
