namespace Geo.Spatial.Projection;

/// <summary>
/// A 7-parameter Helmert transformation between earth-centred cartesian frames, in the position vector
/// convention of EPSG method 9606 and WKT's TOWGS84. Immutable, so safe to share between threads.
/// </summary>
/// <remarks>
/// X' = T + (1 + s)·R·X with the small-angle rotation R = [[1, -rz, ry], [rz, 1, -rx], [-ry, rx, 1]]
/// (OS, "A guide to coordinate systems in Great Britain", with the signs of the position vector convention).
/// The reverse direction inverts that matrix exactly rather than negating the seven parameters (which is only
/// good to about a centimetre), so the two directions are true inverses of each other.
/// </remarks>
internal sealed class HelmertTransformation
{
    private const double ArcSecondsToRadians = Math.PI / (180.0 * 3600.0);

    private readonly double _tx;
    private readonly double _ty;
    private readonly double _tz;
    private readonly double[] _forward;
    private readonly double[] _inverse;

    /// <param name="tx">Translation along X, metres.</param>
    /// <param name="ty">Translation along Y, metres.</param>
    /// <param name="tz">Translation along Z, metres.</param>
    /// <param name="rx">Rotation about X, arc-seconds (position vector convention).</param>
    /// <param name="ry">Rotation about Y, arc-seconds.</param>
    /// <param name="rz">Rotation about Z, arc-seconds.</param>
    /// <param name="scalePpm">Scale change, parts per million.</param>
    public HelmertTransformation(double tx, double ty, double tz, double rx, double ry, double rz, double scalePpm)
    {
        _tx = tx;
        _ty = ty;
        _tz = tz;
        var m = 1.0 + (scalePpm * 1e-6);
        var x = rx * ArcSecondsToRadians;
        var y = ry * ArcSecondsToRadians;
        var z = rz * ArcSecondsToRadians;
        _forward = [m, -z * m, y * m, z * m, m, -x * m, -y * m, x * m, m];
        _inverse = Invert(_forward);
    }

    /// <summary>
    /// OSGB36 to WGS 84, EPSG:1314 ("OSGB36 to WGS 84 (6)", about 2 m): the TOWGS84 of EPSG:27700 and the
    /// transformation PROJ chooses when no OSTN15 grid is installed.
    /// </summary>
    public static HelmertTransformation Osgb36ToWgs84 { get; } =
        new(446.448, -125.157, 542.06, 0.15, 0.247, 0.842, -20.489);

    public (double X, double Y, double Z) Forward(double x, double y, double z)
    {
        var f = _forward;
        return (
            _tx + (f[0] * x) + (f[1] * y) + (f[2] * z),
            _ty + (f[3] * x) + (f[4] * y) + (f[5] * z),
            _tz + (f[6] * x) + (f[7] * y) + (f[8] * z));
    }

    public (double X, double Y, double Z) Inverse(double x, double y, double z) =>
        InverseDirection(x - _tx, y - _ty, z - _tz);

    /// <summary>The inverse without the translation: for directions (e.g. a surface normal) rather than points.</summary>
    public (double X, double Y, double Z) InverseDirection(double x, double y, double z)
    {
        var i = _inverse;
        return (
            (i[0] * x) + (i[1] * y) + (i[2] * z),
            (i[3] * x) + (i[4] * y) + (i[5] * z),
            (i[6] * x) + (i[7] * y) + (i[8] * z));
    }

    private static double[] Invert(double[] m)
    {
        // Adjugate over determinant of a row-major 3x3 matrix.
        var c00 = (m[4] * m[8]) - (m[5] * m[7]);
        var c01 = (m[5] * m[6]) - (m[3] * m[8]);
        var c02 = (m[3] * m[7]) - (m[4] * m[6]);
        var det = (m[0] * c00) + (m[1] * c01) + (m[2] * c02);
        return
        [
            c00 / det,
            ((m[2] * m[7]) - (m[1] * m[8])) / det,
            ((m[1] * m[5]) - (m[2] * m[4])) / det,
            c01 / det,
            ((m[0] * m[8]) - (m[2] * m[6])) / det,
            ((m[2] * m[3]) - (m[0] * m[5])) / det,
            c02 / det,
            ((m[1] * m[6]) - (m[0] * m[7])) / det,
            ((m[0] * m[4]) - (m[1] * m[3])) / det,
        ];
    }
}
