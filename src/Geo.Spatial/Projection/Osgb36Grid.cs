using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Geo.Spatial.Projection;

/// <summary>
/// The transverse Mercator projection of British National Grid between OSGB36 longitude and latitude (degrees,
/// on the Airy 1830 ellipsoid) and eastings and northings (metres), done by ProjNet; no datum shift.
/// </summary>
/// <remarks>
/// ProjNet's forward and inverse series are not exact inverses of each other (about 0.2 mm apart over Great
/// Britain), so <see cref="Forward"/> takes ProjNet's forward projection as a first guess and then corrects
/// it against ProjNet's inverse until the two agree to nanometres: a National Grid point then survives a trip
/// through longitude and latitude unchanged. ProjNet does not document thread-safety; its transverse Mercator
/// and unit steps keep no per-call state (checked by a test that projects from many threads at once). ProjNet
/// throws on NaN ("No convergence"), so NaN and infinities give NaN here without reaching it.
/// </remarks>
internal static class Osgb36Grid
{
    /// <summary>EPSG:27700 without its TOWGS84: the datum shift is <see cref="HelmertTransformation"/>'s.</summary>
    private const string Wkt =
        """PROJCS["OSGB36 / British National Grid",GEOGCS["OSGB36",DATUM["Ordnance_Survey_of_Great_Britain_1936",SPHEROID["Airy 1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["metre",1]]""";

    private const double ScaleFactor = 0.9996012717;

    private static readonly MathTransform ToGrid;
    private static readonly MathTransform FromGrid;

#pragma warning disable CA1810 // both transforms come from one parsed CRS
    static Osgb36Grid()
#pragma warning restore CA1810
    {
        var grid = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Wkt);
        var factory = new CoordinateTransformationFactory();
        ToGrid = factory.CreateFromCoordinateSystems(grid.GeographicCoordinateSystem, grid).MathTransform;
        FromGrid = factory.CreateFromCoordinateSystems(grid, grid.GeographicCoordinateSystem).MathTransform;
    }

    /// <summary>OSGB36 longitude and latitude (degrees) of a National Grid easting and northing (metres).</summary>
    public static (double Lon, double Lat) Inverse(double easting, double northing) =>
        double.IsFinite(easting) && double.IsFinite(northing) ? FromGrid.Transform(easting, northing) : (double.NaN, double.NaN);

    /// <summary>
    /// The National Grid easting and northing (metres) whose <see cref="Inverse"/> is the given OSGB36 longitude
    /// and latitude (degrees).
    /// </summary>
    public static (double Easting, double Northing) Forward(double lon, double lat)
    {
        if (!double.IsFinite(lon) || !double.IsFinite(lat))
        {
            return (double.NaN, double.NaN);
        }

        var (easting, northing) = ToGrid.Transform(lon, lat);

        // Metres per radian of latitude and of longitude near the point; the grid's rotation against the
        // meridians (up to 3° in Britain) makes each step a little off, so a few steps are taken.
        var (sinLat, cosLat) = Math.SinCos(double.DegreesToRadians(lat));
        var a = Ellipsoid.Airy1830.SemiMajorAxis;
        var e2 = Ellipsoid.Airy1830.EccentricitySquared;
        var w = 1.0 - (e2 * sinLat * sinLat);
        var primeVertical = ScaleFactor * a / Math.Sqrt(w);
        var meridian = primeVertical * (1.0 - e2) / w;
        for (var i = 0; i < 6; i++)
        {
            var (backLon, backLat) = Inverse(easting, northing);
            var stepEast = double.DegreesToRadians(lon - backLon) * primeVertical * cosLat;
            var stepNorth = double.DegreesToRadians(lat - backLat) * meridian;
            easting += stepEast;
            northing += stepNorth;
            if (!(Math.Abs(stepEast) + Math.Abs(stepNorth) > 1e-10))
            {
                break;
            }
        }

        return (easting, northing);
    }
}
