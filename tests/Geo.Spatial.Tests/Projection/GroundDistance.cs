namespace Geo.Spatial.Tests.Projection;

/// <summary>Short distances in metres between WGS 84 positions, for error budgets of millimetres to metres.</summary>
internal static class GroundDistance
{
    private const double A = 6378137.0;
    private const double E2 = 0.00669437999014;

    /// <summary>
    /// Metres between two nearby points (degrees), from the meridian and prime-vertical radii of curvature:
    /// good to 0.01% for separations under a few kilometres, which is all an error needs.
    /// </summary>
    public static double Metres(double lon1, double lat1, double lon2, double lat2)
    {
        var phi = double.DegreesToRadians((lat1 + lat2) / 2.0);
        var w = 1.0 - (E2 * Math.Sin(phi) * Math.Sin(phi));
        var meridian = A * (1.0 - E2) / (w * Math.Sqrt(w));
        var primeVertical = A / Math.Sqrt(w);
        var north = double.DegreesToRadians(lat1 - lat2) * meridian;
        var east = double.DegreesToRadians(lon1 - lon2) * primeVertical * Math.Cos(phi);
        return Math.Sqrt((north * north) + (east * east));
    }

    public static double Planar(double x1, double y1, double x2, double y2) =>
        Math.Sqrt(((x1 - x2) * (x1 - x2)) + ((y1 - y2) * (y1 - y2)));
}
