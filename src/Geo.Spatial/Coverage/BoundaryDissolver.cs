using Geo.Core.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NtsCoverageUnion = NetTopologySuite.Coverage.CoverageUnion;

namespace Geo.Spatial.Coverage;

/// <summary>
/// Builds the boundary of every place, ICP, system and the country root bottom-up from the
/// neighbourhood polygons: places from their neighbourhoods, every higher area from its children's
/// dissolved boundaries, following <see cref="Geography"/>'s nesting.
/// </summary>
/// <remarks>
/// <para>Each area is dissolved by coverage union, which does no noding and creates no vertices: the
/// result's edges are the children's unshared edges, vertex for vertex. Two sibling areas therefore
/// share their common edge exactly (no slivers), and each level is again a clean coverage for the
/// next. When the children do not form a valid coverage (overlaps, or shared edges whose vertices
/// differ) the coverage union's result is invalid or loses area; that is detected and the area is
/// dissolved with a robust unary union instead, which is correct but may add vertices, so its edges
/// with siblings are then only as exact as the input.</para>
/// <para>Units are those of the input (British National Grid metres in this project). Neighbourhoods
/// without a polygon are skipped; an area none of whose neighbourhoods has one gets no entry. Areas
/// within a level are dissolved in parallel. Stateless and thread-safe; input geometries are never
/// modified, and a result may be the same instance as an only child's geometry.</para>
/// </remarks>
public static class BoundaryDissolver
{
    /// <summary>Relative tolerance on "the union's area equals the sum of its parts' areas".</summary>
    private const double AreaTolerance = 1e-9;

    private static readonly Level[] BottomUp = [Level.Place, Level.Icp, Level.System, Level.Country];

    /// <summary>
    /// Returns the dissolved boundary of every place, ICP, system and the root, keyed by area code
    /// (case-insensitive, as in <see cref="Geography"/>). Neighbourhood polygons are not repeated in
    /// the result.
    /// </summary>
    public static IReadOnlyDictionary<string, Geometry> Dissolve(Geography geography, IReadOnlyDictionary<string, Geometry> neighbourhoods)
    {
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(neighbourhoods);

        var dissolved = new Dictionary<string, Geometry>(StringComparer.OrdinalIgnoreCase);
        foreach (var level in BottomUp)
        {
            var areas = geography.AtLevel(level);
            var results = new Geometry?[areas.Count];

            // Areas of one level are independent; each reads only the finished level below it.
            Parallel.For(0, areas.Count, i => results[i] = DissolveArea(geography, areas[i], neighbourhoods, dissolved));

            for (var i = 0; i < areas.Count; i++)
            {
                if (results[i] is { } geometry)
                {
                    dissolved[areas[i].Code] = geometry;
                }
            }
        }

        return dissolved;
    }

    private static Geometry? DissolveArea(
        Geography geography, Area area, IReadOnlyDictionary<string, Geometry> neighbourhoods, Dictionary<string, Geometry> dissolved)
    {
        var parts = new List<Geometry>(area.ChildCodes.Count);
        foreach (var code in area.ChildCodes)
        {
            var child = geography.Find(code);
            var source = child?.Level == Level.Neighbourhood ? neighbourhoods : dissolved;
            if (source.TryGetValue(code, out var geometry) && geometry is { IsEmpty: false })
            {
                parts.Add(geometry);
            }
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => Union(parts.ToArray()),
        };
    }

    /// <summary>
    /// The dissolved boundary of any set of neighbourhood polygons (a catchment, say), as an area's is dissolved: by
    /// coverage union when they form a valid coverage, robust unary union otherwise. Null for no parts; the one
    /// part itself for one. Parts need not touch (the result is then a MultiPolygon).
    /// </summary>
    public static Geometry? DissolveParts(IReadOnlyList<Geometry> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var nonEmpty = parts.Where(p => p is { IsEmpty: false }).ToArray();
        return nonEmpty.Length switch
        {
            0 => null,
            1 => nonEmpty[0],
            _ => Union(nonEmpty),
        };
    }

    /// <summary>Coverage union when the parts form a valid coverage, robust unary union otherwise.</summary>
    private static Geometry Union(Geometry[] parts)
    {
        var expectedArea = parts.Sum(p => p.Area);
        try
        {
            var union = NtsCoverageUnion.Union(parts);
            if (union is Polygon or MultiPolygon
                && Math.Abs(union.Area - expectedArea) <= AreaTolerance * expectedArea
                && union.IsValid)
            {
                return union;
            }
        }
        catch (TopologyException)
        {
            // An invalid coverage is sometimes detected during the union itself; fall through.
        }

        return OverlayNGRobust.Union(parts, parts[0].Factory);
    }
}
