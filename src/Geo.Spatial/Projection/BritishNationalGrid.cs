using NetTopologySuite.Geometries;

namespace Geo.Spatial.Projection;

/// <summary>
/// British National Grid (EPSG:27700: OSGB36 datum, Airy 1830 ellipsoid, transverse Mercator) to and from
/// WGS 84 (EPSG:4326).
/// </summary>
/// <remarks>
/// <para>
/// Units: eastings and northings in metres; longitudes and latitudes in decimal degrees, always in
/// longitude, latitude order (x = lon, y = lat), whatever EPSG:4326's official axis order says.
/// </para>
/// <para>
/// Datum shift: the published 7-parameter Helmert transformation OSGB36 to WGS 84 (EPSG:1314, the TOWGS84 of
/// EPSG:27700), not the OS's definitive OSTN15 grid. Against the OSTN15 test points in England it is within
/// 4.7 m (on Scilly; 2.7 m away from the far south-west), where a plain change of ellipsoid would be 70-130 m
/// out. It is what PROJ's <c>cs2cs EPSG:27700 EPSG:4326</c> applies when no OSTN15 grid is installed:
/// <see cref="ToWgs84(double, double)"/> agrees with it to 0.1 mm, and <see cref="FromWgs84(double, double)"/>,
/// the exact inverse of ToWgs84, to about 1 mm. ETRS89 is taken as WGS 84 (about a metre apart in Britain).
/// Heights are ignored: National Grid points are taken to lie on the Airy ellipsoid, as PROJ does.
/// </para>
/// <para>
/// The projection is ProjNet's transverse Mercator (see <see cref="Osgb36Grid"/>). The datum shift is written
/// here (<see cref="HelmertTransformation"/>, <see cref="Ellipsoid"/>) because ProjNet 2.0's, given the same
/// TOWGS84, measured 4.6 mm from PROJ on the test points (its cartesian-to-latitude step is one Bowring pass
/// from an approximate start) and 10 mm on a round trip (its reverse shift negates the seven parameters rather
/// than inverting the transformation), where the tests ask for 1 mm and 1 µm. Speed decided nothing: see the
/// projection row of the table in docs/architecture.md.
/// </para>
/// <para>
/// Thread-safety: stateless; every member is safe to call from any number of threads. The geometry overloads
/// return new geometries and never modify their input. Input outside Great Britain is converted by the same
/// formulae with no range check; NaN gives NaN.
/// </para>
/// </remarks>
public static class BritishNationalGrid
{
    /// <summary>EPSG code of British National Grid.</summary>
    public const int Srid = 27700;

    private const int Wgs84Srid = 4326;
    private const double RadiansToDegrees = 180.0 / Math.PI;

    private static readonly HelmertTransformation Shift = HelmertTransformation.Osgb36ToWgs84;

    /// <summary>WGS 84 longitude and latitude (degrees) of a National Grid easting and northing (metres).</summary>
    public static (double Lon, double Lat) ToWgs84(double easting, double northing)
    {
        var (lon, lat) = Osgb36Grid.Inverse(easting, northing);
        var (sinLon, cosLon) = Math.SinCos(lon / RadiansToDegrees);
        var tanLat = Math.Tan(lat / RadiansToDegrees);
        var (x, y, z) = Ellipsoid.Airy1830.ToCartesian(tanLat, sinLon, cosLon);
        (x, y, z) = Shift.Forward(x, y, z);
        var wgsTanLat = Ellipsoid.Wgs84.TanLatitude(x, y, z);
        return (Math.Atan2(y, x) * RadiansToDegrees, Math.Atan(wgsTanLat) * RadiansToDegrees);
    }

    /// <summary>
    /// National Grid easting and northing (metres) of a WGS 84 longitude and latitude (degrees): the exact
    /// inverse of <see cref="ToWgs84(double, double)"/>, so a round trip comes back to within micrometres.
    /// </summary>
    public static (double Easting, double Northing) FromWgs84(double lon, double lat)
    {
        var (sinLon, cosLon) = Math.SinCos(lon / RadiansToDegrees);
        var (sinLat, cosLat) = Math.SinCos(lat / RadiansToDegrees);
        var (x, y, z) = Ellipsoid.Wgs84.ToCartesian(sinLat / cosLat, sinLon, cosLon);
        (x, y, z) = Shift.Inverse(x, y, z);
        var tanLat = Ellipsoid.Airy1830.TanLatitude(x, y, z);

        // ToWgs84 starts on the Airy ellipsoid (height 0) and drops the WGS 84 height it ends at, so its inverse
        // is where the WGS 84 normal through (lon, lat) meets the Airy ellipsoid, not the WGS 84 point at
        // height 0 (which is what PROJ converts). Over England the two lie 40-55 m apart along normals that
        // differ by a few arc-seconds: about 1 mm sideways. One step along the normal closes that gap.
        var height = Ellipsoid.Airy1830.Height(x, y, z, tanLat);
        var (nx, ny, nz) = Shift.InverseDirection(cosLat * cosLon, cosLat * sinLon, sinLat);
        var airyCosLat = 1.0 / Math.Sqrt(1.0 + (tanLat * tanLat));
        var p = Math.Sqrt((x * x) + (y * y));
        var alongAiryNormal = (airyCosLat * ((nx * x) + (ny * y)) / p) + (airyCosLat * tanLat * nz);
        var step = -height / alongAiryNormal;
        x += step * nx;
        y += step * ny;
        z += step * nz;
        tanLat = Ellipsoid.Airy1830.TanLatitude(x, y, z);

        return Osgb36Grid.Forward(Math.Atan2(y, x) * RadiansToDegrees, Math.Atan(tanLat) * RadiansToDegrees);
    }

    /// <summary>
    /// A new geometry in WGS 84 (SRID 4326, x = lon, y = lat, degrees) from one in National Grid metres; the
    /// input is not modified and its SRID is not checked. Z and M values are copied unchanged.
    /// </summary>
    public static Geometry ToWgs84(Geometry bng) => GeometryTransform.Apply<ToWgs84Transform>(bng, Wgs84Srid);

    /// <summary>
    /// A new geometry in National Grid metres (SRID 27700) from one in WGS 84 (x = lon, y = lat, degrees); the
    /// input is not modified and its SRID is not checked. Z and M values are copied unchanged.
    /// </summary>
    public static Geometry FromWgs84(Geometry wgs84) => GeometryTransform.Apply<FromWgs84Transform>(wgs84, Srid);

    /// <summary>
    /// True when a WKT (OGC WKT1 or ESRI .prj, read by ProjNet, or the horizontal part of a WKT1 COMPD_CS)
    /// describes British National Grid, recognised by its
    /// parameters whatever the names and whether or not an EPSG code or AUTHORITY is given: transverse
    /// Mercator on the Airy 1830 ellipsoid (the OSGB 1936 datum), Greenwich, latitude of origin 49°, central
    /// meridian -2°, scale 0.9996012717, false easting 400000 m, false northing -100000 m, in metres.
    /// Unreadable text gives false, and so does WKT2, which ProjNet 2.0 does not read (shapefile .prj files and
    /// GeoPackage definitions are WKT1; the manifest's <c>crs</c> names the CRS of any other file).
    /// </summary>
    public static bool IsBritishNationalGrid(string wkt)
    {
        ArgumentNullException.ThrowIfNull(wkt);
        return BritishNationalGridWkt.Matches(wkt);
    }

    private readonly struct ToWgs84Transform : ICoordinateTransform
    {
        public static (double X, double Y) Apply(double x, double y) => ToWgs84(x, y);
    }

    private readonly struct FromWgs84Transform : ICoordinateTransform
    {
        public static (double X, double Y) Apply(double x, double y) => FromWgs84(x, y);
    }
}
