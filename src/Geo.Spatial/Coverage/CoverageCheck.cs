using Geo.Core.Reports;
using Geo.Core.Sources;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NtsCoverageUnion = NetTopologySuite.Coverage.CoverageUnion;
using NtsCoveragePolygonValidator = NetTopologySuite.Coverage.CoveragePolygonValidator;

namespace Geo.Spatial.Coverage;

/// <summary>
/// Checks that neighbourhood polygons form a clean coverage: no two overlap, and no hole is left
/// between them. Each problem found is added to <see cref="DatasetReport.CoverageProblems"/>.
/// </summary>
/// <remarks>
/// <para>Geometry is expected in British National Grid metres, so areas are square metres and the
/// reported points are eastings and northings. Input polygons should be valid (run
/// <see cref="PolygonRepair"/> first); empty boundaries are ignored.</para>
/// <para>Overlaps: every polygon is validated against the polygons whose envelopes touch its own
/// (NTS <c>CoveragePolygonValidator</c>, an STRtree for the neighbours, in parallel). Only pairs
/// with a flagged polygon have their intersection computed: one <c>overlap</c> per pair of
/// neighbourhoods, with the total area of their intersection.</para>
/// <para>Gaps: every hole of the union of all polygons, i.e. every region enclosed by the coverage
/// that no polygon covers, whatever its width (NTS <c>CoverageGapFinder</c> only finds gaps narrower
/// than a given width, so it is not used). The sea around the outer edge is not a hole, and a hole in
/// one polygon filled by an enclave polygon is covered, so neither is reported. One <c>gap</c> per
/// hole, naming the neighbourhoods that share its edge.</para>
/// <para>Stateless and thread-safe; the report is written from the calling thread only.</para>
/// </remarks>
public static class CoverageCheck
{
    public const string Overlap = "overlap";

    public const string Gap = "gap";

    /// <summary>
    /// Finds overlaps and gaps of at least <paramref name="minimumArea"/> square metres and adds them
    /// to <paramref name="report"/>: overlaps first, ordered by codes; then gaps, ordered by codes and
    /// position.
    /// </summary>
    /// <param name="union">The union of all the polygons when the caller has it already (the dissolved
    /// country boundary, say), to save computing it again for the gap search.</param>
    public static void Check(IReadOnlyList<NeighbourhoodBoundary> boundaries, DatasetReport report, double minimumArea = 1.0,
        Geometry? union = null)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(report);

        var items = boundaries.Where(b => b.Boundary is { IsEmpty: false }).ToArray();
        if (items.Length == 0)
        {
            return;
        }

        var geometries = items.Select(b => b.Boundary).ToArray();
        var index = new STRtree<int>();
        for (var i = 0; i < geometries.Length; i++)
        {
            index.Insert(geometries[i].EnvelopeInternal, i);
        }

        // Built once here: an STRtree builds itself lazily on the first query, which is not thread-safe.
        index.Build();

        var flagged = FindFlagged(geometries, index);
        var overlaps = FindOverlaps(items, geometries, index, flagged, minimumArea);
        var gaps = FindGaps(items, geometries, index, union ?? Union(geometries, flagged), minimumArea);

        report.CoverageProblems.AddRange(overlaps);
        report.CoverageProblems.AddRange(gaps);
    }

    /// <summary>Polygons whose boundary is not coverage-valid against their neighbours: overlapping,
    /// duplicated, or with shared edges whose vertices do not match.</summary>
    private static bool[] FindFlagged(Geometry[] geometries, STRtree<int> index)
    {
        var flagged = new bool[geometries.Length];
        Parallel.For(0, geometries.Length, i =>
        {
            var neighbours = Candidates(index, geometries[i].EnvelopeInternal, i).Select(j => geometries[j]).ToArray();
            if (neighbours.Length > 0)
            {
                flagged[i] = !NtsCoveragePolygonValidator.Validate(geometries[i], neighbours).IsEmpty;
            }
        });
        return flagged;
    }

    private static List<CoverageProblem> FindOverlaps(
        NeighbourhoodBoundary[] items, Geometry[] geometries, STRtree<int> index, bool[] flagged, double minimumArea)
    {
        var pairs = new SortedSet<(int A, int B)>();
        for (var i = 0; i < geometries.Length; i++)
        {
            if (!flagged[i])
            {
                continue;
            }

            foreach (var j in Candidates(index, geometries[i].EnvelopeInternal, i))
            {
                pairs.Add(i < j ? (i, j) : (j, i));
            }
        }

        var pairList = pairs.ToArray();
        var found = new CoverageProblem?[pairList.Length];
        Parallel.For(0, pairList.Length, k =>
        {
            var (a, b) = pairList[k];
            var intersection = OverlayNGRobust.Overlay(geometries[a], geometries[b], SpatialFunction.Intersection);
            var pieces = Polygons(intersection);
            var area = pieces.Sum(p => p.Area);
            if (pieces.Count == 0 || area < minimumArea)
            {
                return;
            }

            var at = pieces.MaxBy(p => p.Area)!.InteriorPoint;
            found[k] = new CoverageProblem(Overlap, SortedCodes([items[a].Code, items[b].Code]), area, at.X, at.Y);
        });

        return found.OfType<CoverageProblem>()
            .OrderBy(p => p.Codes[0], StringComparer.Ordinal)
            .ThenBy(p => p.Codes[1], StringComparer.Ordinal)
            .ToList();
    }

    private static List<CoverageProblem> FindGaps(
        NeighbourhoodBoundary[] items, Geometry[] geometries, STRtree<int> index, Geometry union, double minimumArea)
    {
        var components = Polygons(union);
        var holes = new List<(Polygon Hole, int Owner)>();
        for (var c = 0; c < components.Count; c++)
        {
            foreach (var ring in components[c].InteriorRings)
            {
                holes.Add((union.Factory.CreatePolygon((LinearRing)ring), c));
            }
        }

        if (holes.Count == 0)
        {
            return [];
        }

        var componentIndex = new STRtree<int>();
        for (var c = 0; c < components.Count; c++)
        {
            componentIndex.Insert(components[c].EnvelopeInternal, c);
        }

        componentIndex.Build();

        var found = new CoverageProblem?[holes.Count];
        Parallel.For(0, holes.Count, h =>
        {
            var gap = WithoutIslands(holes[h].Hole, holes[h].Owner, components, componentIndex);
            var area = gap.Area;
            if (gap.IsEmpty || area < minimumArea)
            {
                return;
            }

            var at = gap.InteriorPoint;
            found[h] = new CoverageProblem(Gap, Bordering(gap, items, geometries, index), area, at.X, at.Y);
        });

        return found.OfType<CoverageProblem>()
            .OrderBy(p => string.Join(",", p.Codes), StringComparer.Ordinal)
            .ThenBy(p => p.Easting)
            .ThenBy(p => p.Northing)
            .ToList();
    }

    /// <summary>
    /// The union of all polygons. Coverage union (no noding, fast) is exact for the polygons that are
    /// coverage-valid; the few flagged ones are unioned robustly and merged in afterwards.
    /// </summary>
    private static Geometry Union(Geometry[] geometries, bool[] flagged)
    {
        var clean = geometries.Where((_, i) => !flagged[i]).ToArray();
        var dirty = geometries.Where((_, i) => flagged[i]).ToArray();
        var factory = geometries[0].Factory;

        Geometry? cleanUnion = null;
        if (clean.Length > 0)
        {
            try
            {
                cleanUnion = NtsCoverageUnion.Union(clean);
            }
            catch (TopologyException)
            {
                // Validation passed but the fast union still met bad topology: take the slow road.
                cleanUnion = OverlayNGRobust.Union(clean, factory);
            }
        }

        Geometry? dirtyUnion = dirty.Length > 0 ? OverlayNGRobust.Union(dirty, factory) : null;
        return (cleanUnion, dirtyUnion) switch
        {
            ({ } c, { } d) => OverlayNGRobust.Overlay(c, d, SpatialFunction.Union),
            ({ } c, null) => c,
            (null, { } d) => d,
            _ => factory.CreatePolygon(),
        };
    }

    /// <summary>A hole of the union minus any parts of the union lying inside it (islands in a lake).</summary>
    private static Geometry WithoutIslands(Polygon hole, int owner, List<Polygon> components, STRtree<int> componentIndex)
    {
        var prepared = PreparedGeometryFactory.Prepare(hole);
        var islands = componentIndex.Query(hole.EnvelopeInternal)
            .Where(c => c != owner && prepared.Covers(components[c]))
            .Select(c => (Geometry)hole.Factory.CreatePolygon((LinearRing)components[c].ExteriorRing))
            .ToArray();
        if (islands.Length == 0)
        {
            return hole;
        }

        var land = OverlayNGRobust.Union(islands, hole.Factory);
        return OverlayNGRobust.Overlay(hole, land, SpatialFunction.Difference);
    }

    /// <summary>Codes of the neighbourhoods sharing part of the gap's edge (touching at a corner alone
    /// does not count, unless nothing else touches it).</summary>
    private static IReadOnlyList<string> Bordering(Geometry gap, NeighbourhoodBoundary[] items, Geometry[] geometries, STRtree<int> index)
    {
        var prepared = PreparedGeometryFactory.Prepare(gap);
        var touching = index.Query(gap.EnvelopeInternal).Where(j => prepared.Intersects(geometries[j])).ToList();
        var sharing = touching
            .Where(j => gap.Relate(geometries[j])[Location.Boundary, Location.Boundary] == Dimension.Curve)
            .ToList();
        return SortedCodes((sharing.Count > 0 ? sharing : touching).Select(j => items[j].Code));
    }

    private static IEnumerable<int> Candidates(STRtree<int> index, Envelope envelope, int self) =>
        index.Query(envelope).Where(j => j != self);

    private static List<Polygon> Polygons(Geometry geometry)
    {
        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon { IsEmpty: false } polygon:
                    polygons.Add(polygon);
                    break;
                case GeometryCollection collection when !ReferenceEquals(collection, geometry):
                    polygons.AddRange(Polygons(collection));
                    break;
            }
        }

        return polygons;
    }

    private static string[] SortedCodes(IEnumerable<string> codes) =>
        codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
