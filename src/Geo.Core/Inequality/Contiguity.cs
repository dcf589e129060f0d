using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Geo.Core.Inequality;

/// <summary>
/// Builds contiguity graphs from polygons (British National Grid metres, or any projected coordinates).
/// Pure; thread-safe; the polygons are read, never changed.
/// </summary>
/// <remarks>
/// Queen contiguity: two areas neighbour when their boundaries meet at all, along an edge or at a single
/// corner. Candidate pairs come from an STRtree of envelopes; each is confirmed with a prepared
/// <c>Intersects</c>. In a clean coverage (boundaries sharing vertices exactly, interiors disjoint) polygons
/// intersect only where their boundaries touch, so this is exactly "shared edge or corner"; overlapping
/// polygons of a dirty coverage count as neighbours too. Generalised (simplified) boundaries no longer meet
/// exactly: a positive tolerance makes areas neighbours when they come within that distance.
/// </remarks>
public static class Contiguity
{
    /// <summary>The queen contiguity graph of <paramref name="polygons"/> (area i is polygon i).</summary>
    /// <param name="tolerance">Areas closer than this (in the coordinates' units) also neighbour; 0 for exact contact.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative.</exception>
    public static ContiguityGraph Queen(IReadOnlyList<Geometry> polygons, double tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);

        var tree = new STRtree<int>();
        for (var i = 0; i < polygons.Count; i++)
        {
            tree.Insert(Expanded(polygons[i], tolerance), i);
        }

        tree.Build();
        var lists = new List<int>[polygons.Count];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }

        var prepared = new PreparedGeometryFactory();
        for (var i = 0; i < polygons.Count; i++)
        {
            var geometry = polygons[i];
            if (geometry.IsEmpty)
            {
                continue;
            }

            var preparedGeometry = prepared.Create(geometry);
            foreach (var j in tree.Query(Expanded(geometry, tolerance)))
            {
                // each pair once, from its lower index; both directions recorded
                if (j <= i || polygons[j].IsEmpty)
                {
                    continue;
                }

                var touching = tolerance > 0
                    ? geometry.IsWithinDistance(polygons[j], tolerance)
                    : preparedGeometry.Intersects(polygons[j]);
                if (touching)
                {
                    lists[i].Add(j);
                    lists[j].Add(i);
                }
            }
        }

        return new ContiguityGraph([.. lists.Select(l => l.Order().ToArray())]);
    }

    /// <summary>
    /// Gives every island of <paramref name="graph"/> its <paramref name="k"/> nearest areas by centroid distance
    /// as neighbours, in both directions so the weights stay symmetric (a fallback some analysts prefer to
    /// leaving e.g. the Isles of Scilly out). Other areas keep their neighbours, plus any island linked to them.
    /// </summary>
    /// <exception cref="ArgumentException">The graph and polygons differ in count, or k is not positive.</exception>
    public static ContiguityGraph ConnectIslands(ContiguityGraph graph, IReadOnlyList<Geometry> polygons, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (graph.Count != polygons.Count)
        {
            throw new ArgumentException($"The graph has {graph.Count} areas but there are {polygons.Count} polygons.", nameof(polygons));
        }

        if (graph.Islands.Count == 0)
        {
            return graph;
        }

        var centroids = polygons.Select(p => p.IsEmpty ? null : p.Centroid.Coordinate).ToArray();
        var lists = new List<int>[graph.Count];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = [.. graph.Neighbours(i)];
        }

        // islands are few: a scan of all centroids per island is simpler than a nearest-neighbour index
        foreach (var island in graph.Islands)
        {
            var from = centroids[island];
            if (from is null)
            {
                continue;
            }

            var nearest = centroids
                .Select((c, j) => (Index: j, Distance: c is null || j == island ? double.PositiveInfinity : from.Distance(c)))
                .Where(c => double.IsFinite(c.Distance))
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Index)
                .Take(k);
            foreach (var (j, _) in nearest)
            {
                lists[island].Add(j);
                lists[j].Add(island);
            }
        }

        return ContiguityGraph.FromLists(lists);
    }

    private static Envelope Expanded(Geometry geometry, double tolerance)
    {
        var envelope = geometry.EnvelopeInternal.Copy();
        if (tolerance > 0)
        {
            envelope.ExpandBy(tolerance);
        }

        return envelope;
    }
}
