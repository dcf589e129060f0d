using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

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
/// The maths is ProjNet's (its built-in EPSG:3857). ProjNet refuses the poles, hence the clamp here.
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

    /// <summary>atan(sinh(π)) in degrees: the latitude at which the map is square.</summary>
    private const double MaxLatitude = 85.0511287798066;

    private static readonly MathTransform FromWgs84Transform =
        new CoordinateTransformationFactory().CreateFromCoordinateSystems(
            GeographicCoordinateSystem.WGS84, ProjectedCoordinateSystem.WebMercator).MathTransform;

    private static readonly MathTransform ToWgs84Transform = FromWgs84Transform.Inverse();

    /// <summary>Web Mercator x and y (metres) of a WGS 84 longitude and latitude (degrees).</summary>
    public static (double X, double Y) FromWgs84(double lon, double lat) =>
        FromWgs84Transform.Transform(lon, Math.Clamp(lat, -MaxLatitude, MaxLatitude));

    /// <summary>WGS 84 longitude and latitude (degrees) of a Web Mercator x and y (metres).</summary>
    public static (double Lon, double Lat) ToWgs84(double x, double y) => ToWgs84Transform.Transform(x, y);

    /// <summary>
    /// A new geometry in Web Mercator (SRID 3857) from one in WGS 84 (x = lon, y = lat, degrees); the input is
    /// not modified and its SRID is not checked.
    /// </summary>
    public static Geometry FromWgs84(Geometry wgs84) => GeometryTransform.Apply<FromWgs84Operation>(wgs84, Srid);

    /// <summary>
    /// A new geometry in Web Mercator (SRID 3857) from one in British National Grid metres, through WGS 84 with
    /// the datum shift of <see cref="BritishNationalGrid.ToWgs84(double, double)"/>; the input is not modified
    /// and its SRID is not checked.
    /// </summary>
    public static Geometry FromBng(Geometry bng) => GeometryTransform.Apply<FromBngOperation>(bng, Srid);

    private readonly struct FromWgs84Operation : ICoordinateTransform
    {
        public static (double X, double Y) Apply(double x, double y) => FromWgs84(x, y);
    }

    private readonly struct FromBngOperation : ICoordinateTransform
    {
        public static (double X, double Y) Apply(double x, double y)
        {
            var (lon, lat) = BritishNationalGrid.ToWgs84(x, y);
            return FromWgs84(lon, lat);
        }
    }
}
