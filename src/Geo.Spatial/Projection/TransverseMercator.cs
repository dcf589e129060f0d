namespace Geo.Spatial.Projection;

/// <summary>
/// The transverse Mercator projection on an ellipsoid, by Krüger's series to sixth order in n as given by
/// C. F. F. Karney, "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy 85 (2011):
/// the conformal latitude, the alpha/beta series and Newton's method for the inverse conformal latitude.
/// Immutable, so safe to share between threads.
/// </summary>
/// <remarks>
/// The OS guide's Redfearn-type series would also do for England (it differs from PROJ's tmerc by 0.3 mm on
/// Scilly); Krüger's is used because it stays at the micrometre level well beyond Great Britain, its forward
/// and inverse agree to nanometres, and its inverse needs no iteration on the meridian arc. PROJ's default
/// tmerc uses the same series.
/// </remarks>
internal sealed class TransverseMercator
{
    private const int Order = 6;

    private readonly Ellipsoid _ellipsoid;
    private readonly double _scaledRectifyingRadius;
    private readonly double _falseEasting;
    private readonly double _falseNorthing;
    private readonly double _originXi;
    private readonly double[] _alpha;
    private readonly double[] _beta;

    /// <param name="ellipsoid">The ellipsoid.</param>
    /// <param name="latitudeOfOrigin">Latitude of natural origin, degrees.</param>
    /// <param name="centralMeridian">Longitude of natural origin, degrees.</param>
    /// <param name="scaleFactor">Scale factor on the central meridian.</param>
    /// <param name="falseEasting">False easting, metres.</param>
    /// <param name="falseNorthing">False northing, metres.</param>
    public TransverseMercator(
        Ellipsoid ellipsoid,
        double latitudeOfOrigin,
        double centralMeridian,
        double scaleFactor,
        double falseEasting,
        double falseNorthing)
    {
        _ellipsoid = ellipsoid;
        _falseEasting = falseEasting;
        _falseNorthing = falseNorthing;
        CentralMeridian = centralMeridian;
        var lon0 = double.DegreesToRadians(centralMeridian);
        SinCentralMeridian = Math.Sin(lon0);
        CosCentralMeridian = Math.Cos(lon0);

        var n = ellipsoid.Flattening / (2.0 - ellipsoid.Flattening);
        double n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
        var rectifyingRadius = ellipsoid.SemiMajorAxis / (1.0 + n) * (1.0 + (n2 / 4.0) + (n4 / 64.0) + (n6 / 256.0));
        _scaledRectifyingRadius = scaleFactor * rectifyingRadius;

        // Conformal to rectifying sphere (forward).
        _alpha =
        [
            0.0,
            (n / 2.0) - (2.0 / 3.0 * n2) + (5.0 / 16.0 * n3) + (41.0 / 180.0 * n4) - (127.0 / 288.0 * n5) + (7891.0 / 37800.0 * n6),
            (13.0 / 48.0 * n2) - (3.0 / 5.0 * n3) + (557.0 / 1440.0 * n4) + (281.0 / 630.0 * n5) - (1983433.0 / 1935360.0 * n6),
            (61.0 / 240.0 * n3) - (103.0 / 140.0 * n4) + (15061.0 / 26880.0 * n5) + (167603.0 / 181440.0 * n6),
            (49561.0 / 161280.0 * n4) - (179.0 / 168.0 * n5) + (6601661.0 / 7257600.0 * n6),
            (34729.0 / 80640.0 * n5) - (3418889.0 / 1995840.0 * n6),
            212378941.0 / 319334400.0 * n6,
        ];

        // Rectifying to conformal sphere (inverse).
        _beta =
        [
            0.0,
            (n / 2.0) - (2.0 / 3.0 * n2) + (37.0 / 96.0 * n3) - (1.0 / 360.0 * n4) - (81.0 / 512.0 * n5) + (96199.0 / 604800.0 * n6),
            (1.0 / 48.0 * n2) + (1.0 / 15.0 * n3) - (437.0 / 1440.0 * n4) + (46.0 / 105.0 * n5) - (1118711.0 / 3870720.0 * n6),
            (17.0 / 480.0 * n3) - (37.0 / 840.0 * n4) - (209.0 / 4480.0 * n5) + (5569.0 / 90720.0 * n6),
            (4397.0 / 161280.0 * n4) - (11.0 / 504.0 * n5) - (830251.0 / 7257600.0 * n6),
            (4583.0 / 161280.0 * n5) - (108847.0 / 3991680.0 * n6),
            20648693.0 / 638668800.0 * n6,
        ];

        // The origin's northing: the forward series on the central meridian (eta' = 0) at the latitude of origin.
        var conformalOrigin = Math.Atan(ConformalTan(Math.Tan(double.DegreesToRadians(latitudeOfOrigin))));
        (_originXi, _) = Series(_alpha, conformalOrigin, 0.0, +1.0);
    }

    /// <summary>Longitude of the central meridian, degrees.</summary>
    public double CentralMeridian { get; }

    public double SinCentralMeridian { get; }

    public double CosCentralMeridian { get; }

    /// <summary>Easting and northing (metres) from tan(latitude) and the longitude difference from the central meridian.</summary>
    public (double Easting, double Northing) Forward(double tanLat, double sinDeltaLon, double cosDeltaLon)
    {
        var tanConformal = ConformalTan(tanLat);
        var xiPrime = Math.Atan2(tanConformal, cosDeltaLon);
        var etaPrime = Math.Asinh(sinDeltaLon / Math.Sqrt((tanConformal * tanConformal) + (cosDeltaLon * cosDeltaLon)));
        var (xi, eta) = Series(_alpha, xiPrime, etaPrime, +1.0);
        return (
            _falseEasting + (_scaledRectifyingRadius * eta),
            _falseNorthing + (_scaledRectifyingRadius * (xi - _originXi)));
    }

    /// <summary>tan(latitude) and the longitude difference from the central meridian, from easting and northing (metres).</summary>
    public (double TanLat, double SinDeltaLon, double CosDeltaLon) Inverse(double easting, double northing)
    {
        var xi = ((northing - _falseNorthing) / _scaledRectifyingRadius) + _originXi;
        var eta = (easting - _falseEasting) / _scaledRectifyingRadius;
        var (xiPrime, etaPrime) = Series(_beta, xi, eta, -1.0);
        var sinhEta = Math.Sinh(etaPrime);
        var (sinXi, cosXi) = Math.SinCos(xiPrime);
        var r = Math.Sqrt((sinhEta * sinhEta) + (cosXi * cosXi));
        return (GeodeticTan(sinXi / r), sinhEta / r, cosXi / r);
    }

    /// <summary>(xi, eta) plus sign times the sum of c[j]·sin(2j(xi + i·eta)), by multiple-angle recurrences.</summary>
    private static (double Xi, double Eta) Series(double[] c, double xi, double eta, double sign)
    {
        var (s2, c2) = Math.SinCos(2.0 * xi);
        var sh2 = Math.Sinh(2.0 * eta);
        var ch2 = Math.Cosh(2.0 * eta);
        double sinK = s2, cosK = c2, sinhK = sh2, coshK = ch2;
        double sumXi = 0.0, sumEta = 0.0;
        for (var j = 1; j <= Order; j++)
        {
            sumXi += c[j] * sinK * coshK;
            sumEta += c[j] * cosK * sinhK;
            var nextSin = (sinK * c2) + (cosK * s2);
            cosK = (cosK * c2) - (sinK * s2);
            sinK = nextSin;
            var nextSinh = (sinhK * ch2) + (coshK * sh2);
            coshK = (coshK * ch2) + (sinhK * sh2);
            sinhK = nextSinh;
        }

        return (xi + (sign * sumXi), eta + (sign * sumEta));
    }

    /// <summary>tan of the conformal latitude from tan of the geodetic latitude.</summary>
    private double ConformalTan(double tanLat)
    {
        var e = _ellipsoid.Eccentricity;
        var secLat = Math.Sqrt(1.0 + (tanLat * tanLat));
        var sigma = Math.Sinh(e * Math.Atanh(e * tanLat / secLat));
        return (tanLat * Math.Sqrt(1.0 + (sigma * sigma))) - (sigma * secLat);
    }

    /// <summary>tan of the geodetic latitude from tan of the conformal latitude, by Newton's method.</summary>
    private double GeodeticTan(double tanConformal)
    {
        var e2 = _ellipsoid.EccentricitySquared;
        var oneMinusE2 = 1.0 - e2;
        var tan = tanConformal / oneMinusE2;
        for (var i = 0; i < 5; i++)
        {
            var trial = ConformalTan(tan);
            var step = (tanConformal - trial) * (1.0 + (oneMinusE2 * tan * tan))
                / (oneMinusE2 * Math.Sqrt(1.0 + (trial * trial)) * Math.Sqrt(1.0 + (tan * tan)));
            tan += step;
            if (Math.Abs(step) <= 1e-14 * Math.Max(1.0, Math.Abs(tan)))
            {
                break;
            }
        }

        return tan;
    }
}
