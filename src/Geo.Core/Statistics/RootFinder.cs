namespace Geo.Core.Statistics;

/// <summary>
/// Brent's method for a root of a continuous function bracketed by a sign change: inverse quadratic
/// interpolation or secant steps where they behave, bisection where they do not, so it never does
/// worse than bisection (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4). Pure.
/// </summary>
internal static class RootFinder
{
    /// <summary>A root of <paramref name="f"/> between <paramref name="a"/> and <paramref name="b"/>, where f changes sign.</summary>
    /// <param name="relativeTolerance">Stop when the bracket is this small relative to the root.</param>
    public static double Brent(Func<double, double> f, double a, double b, double relativeTolerance)
    {
        double fa = f(a), fb = f(b);
        if (fa == 0)
        {
            return a;
        }

        if (fb == 0)
        {
            return b;
        }

        if (Math.Sign(fa) == Math.Sign(fb))
        {
            throw new ArgumentException($"The root is not bracketed: f({a}) = {fa}, f({b}) = {fb}.");
        }

        // b is the best estimate, a the previous one, c the point that brackets the root with b.
        double c = a, fc = fa, d = b - a, e = d;
        for (var iteration = 0; iteration < 500; iteration++)
        {
            if (Math.Sign(fb) == Math.Sign(fc))
            {
                c = a;
                fc = fa;
                d = e = b - a;
            }

            if (Math.Abs(fc) < Math.Abs(fb))
            {
                (a, b, c) = (b, c, b);
                (fa, fb, fc) = (fb, fc, fb);
            }

            var tolerance = (2 * double.Epsilon) + (0.5 * relativeTolerance * Math.Abs(b));
            var middle = 0.5 * (c - b);
            if (Math.Abs(middle) <= tolerance || fb == 0)
            {
                return b;
            }

            if (Math.Abs(e) >= tolerance && Math.Abs(fa) > Math.Abs(fb))
            {
                double p, q;
                var s = fb / fa;
                if (a == c)
                {
                    // secant
                    p = 2 * middle * s;
                    q = 1 - s;
                }
                else
                {
                    // inverse quadratic interpolation through a, b and c
                    var qa = fa / fc;
                    var r = fb / fc;
                    p = s * ((2 * middle * qa * (qa - r)) - ((b - a) * (r - 1)));
                    q = (qa - 1) * (r - 1) * (s - 1);
                }

                if (p > 0)
                {
                    q = -q;
                }
                else
                {
                    p = -p;
                }

                if (2 * p < Math.Min((3 * middle * q) - Math.Abs(tolerance * q), Math.Abs(e * q)))
                {
                    e = d;
                    d = p / q;
                }
                else
                {
                    d = e = middle;
                }
            }
            else
            {
                d = e = middle;
            }

            a = b;
            fa = fb;
            b += Math.Abs(d) > tolerance ? d : (middle > 0 ? tolerance : -tolerance);
            fb = f(b);
        }

        return b;
    }
}
