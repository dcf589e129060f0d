using Geo.Core.Geography;
using Geo.Spatial.Join;
using Geo.Spatial.Projection;
using NetTopologySuite.Geometries;

namespace Geo.Model;

/// <summary>
/// A dataset's neighbourhoods with their polygons (British National Grid, SRID 27700), in the geography's order, and
/// the point indexes over them, each built on first use and then shared. It is all a point join needs, so
/// <c>geo join</c> loads only this (boundaries, lookup, repairs), and a <see cref="Dataset"/> holds one built the same
/// way: the order decides which neighbour gets a point on a shared edge, so both give the same answers. Thread-safe.
/// </summary>
public sealed class NeighbourhoodPolygons
{
    private readonly Lazy<PointIndex> _bngIndex;
    private readonly Lazy<PointIndex> _wgs84Index;

    private NeighbourhoodPolygons(IReadOnlyList<(string Code, Geometry Polygon)> polygons)
    {
        Polygons = polygons;
        _bngIndex = new(() => new PointIndex(Polygons));
        _wgs84Index = new(() => new PointIndex(ToWgs84(Polygons)));
    }

    /// <summary>Each neighbourhood of the geography that has a polygon, in <see cref="Geography.AtLevel"/> order.</summary>
    public IReadOnlyList<(string Code, Geometry Polygon)> Polygons { get; }

    /// <summary>The neighbourhoods of <paramref name="geography"/> with a polygon in <paramref name="boundaries"/>
    /// (British National Grid; other levels' boundaries may be there too and are not used).</summary>
    public static NeighbourhoodPolygons Of(Geography geography, IReadOnlyDictionary<string, Geometry> boundaries)
    {
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(boundaries);
        return new(geography.AtLevel(Level.Neighbourhood)
            .Where(n => boundaries.ContainsKey(n.Code))
            .Select(n => (n.Code, boundaries[n.Code]))
            .ToList());
    }

    /// <summary>
    /// The point index for points in <paramref name="system"/>: British National Grid polygons for eastings/northings,
    /// WGS84 ones (through the OSGB36 datum shift) for lon/lat, so points are never transformed one by one.
    /// </summary>
    public PointIndex Index(PointCoordinateSystem system) =>
        system == PointCoordinateSystem.BritishNationalGrid ? _bngIndex.Value : _wgs84Index.Value;

    /// <summary>Every polygon to WGS84, on all cores (390k vertices for England), keeping the order.</summary>
    private static (string Code, Geometry Polygon)[] ToWgs84(IReadOnlyList<(string Code, Geometry Polygon)> polygons)
    {
        var result = new (string Code, Geometry Polygon)[polygons.Count];
        Parallel.For(0, polygons.Count, i => result[i] = (polygons[i].Code, BritishNationalGrid.ToWgs84(polygons[i].Polygon)));
        return result;
    }
}
