namespace Geo.Spatial.Projection;

/// <summary>
/// A reference ellipsoid and the conversions between geodetic latitude/longitude (on its surface, height 0)
/// and earth-centred cartesian coordinates. Immutable, so safe to share between threads.
/// </summary>
/// <remarks>
/// Angles cross this type as tan(latitude) and the sine and cosine of the longitude rather than as radians:
/// the transverse Mercator series and the cartesian conversions both want those, so no atan/sin/cos pair is
/// spent going back and forth between them.
/// </remarks>
internal sealed class Ellipsoid
{
    /// <summary>Airy 1830, the ellipsoid of OSGB36 (EPSG:7001; a and 1/f as EPSG and PROJ give them).</summary>
    public static readonly Ellipsoid Airy1830 = new(6377563.396, 299.3249646);

    /// <summary>WGS 84 (EPSG:7030).</summary>
    public static readonly Ellipsoid Wgs84 = new(6378137.0, 298.257223563);

    public Ellipsoid(double semiMajorAxis, double inverseFlattening)
    {
        SemiMajorAxis = semiMajorAxis;
        Flattening = 1.0 / inverseFlattening;
        SemiMinorAxis = semiMajorAxis * (1.0 - Flattening);
        EccentricitySquared = Flattening * (2.0 - Flattening);
        Eccentricity = Math.Sqrt(EccentricitySquared);
        SecondEccentricitySquared = EccentricitySquared / (1.0 - EccentricitySquared);
    }

    public double SemiMajorAxis { get; }

    public double SemiMinorAxis { get; }

    public double Flattening { get; }

    public double EccentricitySquared { get; }

    public double Eccentricity { get; }

    public double SecondEccentricitySquared { get; }

    /// <summary>Cartesian X, Y, Z (metres) of the point at ellipsoidal height 0.</summary>
    public (double X, double Y, double Z) ToCartesian(double tanLat, double sinLon, double cosLon)
    {
        var cosLat = 1.0 / Math.Sqrt(1.0 + (tanLat * tanLat));
        var sinLat = tanLat * cosLat;
        var nu = SemiMajorAxis / Math.Sqrt(1.0 - (EccentricitySquared * sinLat * sinLat));
        var r = nu * cosLat;
        return (r * cosLon, r * sinLon, nu * (1.0 - EccentricitySquared) * sinLat);
    }

    /// <summary>
    /// tan(latitude) of a cartesian point; its longitude is atan2(y, x). The height is not needed, as in PROJ's
    /// pipelines for EPSG:27700, which carry the input height over unchanged.
    /// </summary>
    /// <remarks>
    /// Bowring's (1976) closed form with one more pass through the parametric latitude: the first pass is good
    /// to about 1e-10 rad near the surface, the second reaches rounding level.
    /// </remarks>
    public double TanLatitude(double x, double y, double z)
    {
        var p = Math.Sqrt((x * x) + (y * y));
        var a = SemiMajorAxis;
        var b = SemiMinorAxis;
        var tanBeta = a * z / (b * p);
        var tanLat = 0.0;
        for (var pass = 0; pass < 2; pass++)
        {
            var cosBeta = 1.0 / Math.Sqrt(1.0 + (tanBeta * tanBeta));
            var sinBeta = tanBeta * cosBeta;
            tanLat = (z + (SecondEccentricitySquared * b * sinBeta * sinBeta * sinBeta))
                / (p - (EccentricitySquared * a * cosBeta * cosBeta * cosBeta));
            tanBeta = (1.0 - Flattening) * tanLat;
        }

        return tanLat;
    }

    /// <summary>Ellipsoidal height (metres) of a cartesian point whose tan(latitude) is known.</summary>
    public double Height(double x, double y, double z, double tanLat)
    {
        var cosLat = 1.0 / Math.Sqrt(1.0 + (tanLat * tanLat));
        var sinLat = tanLat * cosLat;
        var p = Math.Sqrt((x * x) + (y * y));
        return (p * cosLat) + (z * sinLat) - (SemiMajorAxis * Math.Sqrt(1.0 - (EccentricitySquared * sinLat * sinLat)));
    }
}
