using NetTopologySuite.Geometries;

namespace Geo.Spatial.Projection;

/// <summary>
/// Web Mercator (EPSG:3857, "Pseudo-Mercator"): the spherical Mercator of web map tiles, on a sphere of radius
/// 6378137 m applied to WGS 84 longitude and latitude.
/// </summary>
/// <remarks>
/// <para>
/// Units: x and y in metres (x = 20037508.342789244 at longitude 180°); longitudes and latitudes in decimal
/// degrees, always in longitude, latitude order (x = lon, y = lat). Latitudes beyond ±85.0511287798066°
/// (where the square world map ends) are clamped to it, so the poles give finite y. Longitudes are not
/// wrapped.
/// </para>
/// <para>
/// Thread-safety: stateless; every member is safe to call from any number of threads. The geometry methods
/// return new geometries and never modify their input.
/// </para>
/// </remarks>
public static class WebMercator
{
    /// <summary>EPSG code of Web Mercator.</summary>
    public const int Srid = 3857;

    /// <summary>Radius of the sphere, metres: the WGS 84 semi-major axis.</summary>
    private const double Radius = 6378137.0;

    /// <summary>atan(sinh(π)) in degrees: the latitude at which the map is square.</summary>
    private const double MaxLatitude = 85.0511287798066;

    private const double DegreesToRadians = Math.PI / 180.0;

    /// <summary>Web Mercator x and y (metres) of a WGS 84 longitude and latitude (degrees).</summary>
    public static (double X, double Y) FromWgs84(double lon, double lat)
    {
        var clamped = Math.Clamp(lat, -MaxLatitude, MaxLatitude);
        return (Radius * lon * DegreesToRadians, Radius * Math.Atanh(Math.Sin(clamped * DegreesToRadians)));
    }

    /// <summary>WGS 84 longitude and latitude (degrees) of a Web Mercator x and y (metres).</summary>
    public static (double Lon, double Lat) ToWgs84(double x, double y) =>
        (x / Radius / DegreesToRadians, Math.Atan(Math.Sinh(y / Radius)) / DegreesToRadians);

    /// <summary>
    /// A new geometry in Web Mercator (SRID 3857) from one in WGS 84 (x = lon, y = lat, degrees); the input is
    /// not modified and its SRID is not checked.
    /// </summary>
    public static Geometry FromWgs84(Geometry wgs84) => GeometryTransform.Apply<FromWgs84Transform>(wgs84, Srid);

    /// <summary>
    /// A new geometry in Web Mercator (SRID 3857) from one in British National Grid metres, through WGS 84 with
    /// the datum shift of <see cref="BritishNationalGrid.ToWgs84(double, double)"/>; the input is not modified
    /// and its SRID is not checked.
    /// </summary>
    public static Geometry FromBng(Geometry bng) => GeometryTransform.Apply<FromBngTransform>(bng, Srid);

    private readonly struct FromWgs84Transform : ICoordinateTransform
    {
        public static (double X, double Y) Apply(double x, double y) => FromWgs84(x, y);
    }

    private readonly struct FromBngTransform : ICoordinateTransform
    {
        public static (double X, double Y) Apply(double x, double y)
        {
            var (lon, lat) = BritishNationalGrid.ToWgs84(x, y);
            return FromWgs84(lon, lat);
        }
    }
}
