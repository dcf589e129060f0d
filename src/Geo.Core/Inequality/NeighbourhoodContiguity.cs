using NetTopologySuite.Geometries;

namespace Geo.Core.Inequality;

/// <summary>
/// The queen contiguity graph of a dataset's neighbourhoods with their codes, so that the graph of the
/// neighbourhoods inside any area can be cut from it. Immutable; thread-safe.
/// </summary>
public sealed class NeighbourhoodContiguity
{
    private readonly Dictionary<string, int> _index;

    private NeighbourhoodContiguity(IReadOnlyList<string> codes, ContiguityGraph graph)
    {
        Codes = codes;
        Graph = graph;
        _index = new Dictionary<string, int>(codes.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < codes.Count; i++)
        {
            _index[codes[i]] = i;
        }
    }

    /// <summary>The neighbourhood codes, area i of <see cref="Graph"/> being code i.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Queen contiguity over every neighbourhood with a boundary.</summary>
    public ContiguityGraph Graph { get; }

    /// <summary>Builds the queen contiguity graph of the polygons (exact contact).</summary>
    public static NeighbourhoodContiguity Build(IReadOnlyList<(string Code, Geometry Polygon)> polygons)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        var graph = Contiguity.Queen([.. polygons.Select(p => p.Polygon)]);
        return new NeighbourhoodContiguity([.. polygons.Select(p => p.Code)], graph);
    }

    /// <summary>
    /// The graph among <paramref name="codes"/> only (links to neighbourhoods outside the list dropped),
    /// area i being codes[i]; codes without a boundary become islands.
    /// </summary>
    public ContiguityGraph Within(IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var local = new Dictionary<int, int>(codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            if (_index.TryGetValue(codes[i], out var g))
            {
                local[g] = i;
            }
        }

        var lists = new List<int>[codes.Count];
        for (var i = 0; i < codes.Count; i++)
        {
            lists[i] = [];
            if (_index.TryGetValue(codes[i], out var g))
            {
                foreach (var h in Graph.Neighbours(g))
                {
                    if (local.TryGetValue(h, out var j))
                    {
                        lists[i].Add(j);
                    }
                }
            }
        }

        return ContiguityGraph.FromLists(lists);
    }
}
