namespace Geo.Demo;

/// <summary>
/// <c>exp</c> and <c>log</c> from additions, multiplications and divisions only, so that the synthetic
/// demo comes out bit for bit the same on every machine: <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/>
/// call the platform's C library, whose last bits differ between Windows, glibc and macOS. Square roots
/// need nothing of the sort, since IEEE 754 rounds them exactly. Accurate to a few units in the last
/// place, which is all the demo asks. Stateless and thread-safe.
/// </summary>
internal static class DemoMath
{
    // ln 2 split so that k * Ln2Hi is exact for the k that occur (fdlibm's constants).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.4426950408889634;
    private const double Sqrt2 = 1.4142135623730951;

    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x > 709.7)
        {
            return double.PositiveInfinity;
        }

        if (x < -745.1)
        {
            return 0;
        }

        // x = k ln2 + r with |r| <= ln2 / 2, then exp(r) by its Taylor series: 14 terms leave an error
        // under 1e-17 on that interval.
        var k = Math.Floor(x * InvLn2 + 0.5);
        var r = x - k * Ln2Hi - k * Ln2Lo;
        var p = 1.0;
        for (var n = 14; n >= 1; n--)
        {
            p = 1.0 + p * r / n;
        }

        return Math.ScaleB(p, (int)k);
    }

    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.NegativeInfinity;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        // x = m 2^e with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172,
        // whose odd series converges fast enough that 12 terms reach double precision.
        var e = Math.ILogB(x);
        var m = Math.ScaleB(x, -e);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }

        var s = (m - 1) / (m + 1);
        var s2 = s * s;
        var sum = 0.0;
        for (var n = 23; n >= 1; n -= 2)
        {
            sum = 1.0 / n + s2 * sum;
        }

        return e * Ln2Hi + (e * Ln2Lo + 2 * s * sum);
    }

    /// <summary>a^b for a &gt; 0.</summary>
    public static double Pow(double a, double b) => Exp(b * Log(a));

    public static double Clamp01(double x) => x < 0 ? 0 : x > 1 ? 1 : x;
}
