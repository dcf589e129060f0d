namespace Geo.Core.Statistics;

/// <summary>
/// The log-gamma function, the regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x),
/// the inverse of P in x, and the chi-squared quantile built on it. Relative accuracy about 1e-13 or
/// better for the shapes and probabilities the indicator methods use. Pure functions; thread-safe.
/// </summary>
/// <remarks>
/// <para>ln Γ uses Stirling's series (Bernoulli-number coefficients to x⁻¹³) for x ≥ 10, and the
/// recurrence Γ(x) = Γ(x + n) / (x (x+1) … (x+n-1)) below that.</para>
/// <para>P(a, x) is summed from its power series when x &lt; a + 1, and Q(a, x) from its continued
/// fraction (evaluated by the modified Lentz method) otherwise; the other follows by subtraction from 1
/// only where it is the larger of the two, so the smaller tail keeps its relative precision
/// (Abramowitz and Stegun 6.5.29 and 6.5.31; Press et al., Numerical Recipes §6.2).</para>
/// <para>The common factor xᵃ e⁻ˣ / Γ(a + 1) is formed for large a as
/// exp(-a (t - ln(1 + t)) - ½ ln(2πa) - S(a)), t = (x - a)/a and S the Stirling remainder, so that no
/// large logarithms cancel (Loader 2000, "Fast and accurate computation of binomial probabilities").</para>
/// <para>The inverse solves P(a, x) = p by Halley's method with a bisection safeguard, from the
/// Wilson–Hilferty starting value a (1 - 1/(9a) + z/(3√a))³ (the cube-root transformation behind
/// Byar's approximation).</para>
/// </remarks>
public static class GammaFunctions
{
    private const double Epsilon = 1e-16;
    private const int MaxIterations = 10_000_000;
    private static readonly double HalfLog2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is not positive.</exception>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ(x) is defined here for x > 0.");
        }

        if (double.IsPositiveInfinity(x))
        {
            return double.PositiveInfinity;
        }

        if (x >= 10)
        {
            return ((x - 0.5) * Math.Log(x)) - x + HalfLog2Pi + StirlingRemainder(x);
        }

        // Γ(x) = Γ(x + n) / (x (x+1) … (x+n-1)) with x + n ≥ 10.
        var product = 1.0;
        var shifted = x;
        while (shifted < 10)
        {
            product *= shifted;
            shifted += 1;
        }

        return LogGamma(shifted) - Math.Log(product);
    }

    /// <summary>
    /// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a): the probability that a
    /// gamma variable of shape <paramref name="a"/> and scale 1 is at most <paramref name="x"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> ≤ 0 or <paramref name="x"/> &lt; 0.</exception>
    public static double LowerRegularized(double a, double x)
    {
        Validate(a, x);
        if (x == 0)
        {
            return 0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 1;
        }

        return x < a + 1 ? LowerSeries(a, x) : 1 - UpperContinuedFraction(a, x);
    }

    /// <summary>
    /// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 - P(a, x). For whole
    /// a = n it is the probability of at most n - 1 events from a Poisson distribution with mean x.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> ≤ 0 or <paramref name="x"/> &lt; 0.</exception>
    public static double UpperRegularized(double a, double x)
    {
        Validate(a, x);
        if (x == 0)
        {
            return 1;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }

        return x < a + 1 ? 1 - LowerSeries(a, x) : UpperContinuedFraction(a, x);
    }

    /// <summary>
    /// The x with P(a, x) = <paramref name="p"/>: the <paramref name="p"/> quantile of a gamma
    /// distribution of shape <paramref name="a"/> and scale 1. 0 for p = 0 and +∞ for p = 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> ≤ 0 or <paramref name="p"/> not in [0, 1].</exception>
    public static double InverseLowerRegularized(double a, double p)
    {
        if (!(a > 0) || double.IsInfinity(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "The gamma shape must be positive and finite.");
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must be between 0 and 1.");
        }

        if (p == 0)
        {
            return 0;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        // Work on whichever tail is smaller, so that its relative precision is what we solve to.
        var lowerTail = p <= 0.5;
        var target = lowerTail ? p : 1 - p;
        var x = StartingValue(a, p);
        double lo = 0, hi = double.PositiveInfinity;
        for (var i = 0; i < 500; i++)
        {
            // g(x) = P(a, x) - p, written through the smaller tail; g increases with x.
            var g = lowerTail ? LowerRegularized(a, x) - target : target - UpperRegularized(a, x);
            if (g == 0)
            {
                return x;
            }

            if (g < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            // Halley: the density f = xᵃ⁻¹ e⁻ˣ / Γ(a) and f'/f = (a - 1)/x - 1.
            var density = Math.Exp(LogFrontFactor(a, x)) * a / x;
            var r = g / density;
            var denominator = 1 - (0.5 * r * (((a - 1) / x) - 1));
            var step = denominator > 0.5 ? r / denominator : r;
            var next = x - step;
            if (!(next > lo && next < hi) || !double.IsFinite(next))
            {
                next = double.IsPositiveInfinity(hi) ? Math.Max(2 * x, x + 1) : 0.5 * (lo + hi);
            }

            if (Math.Abs(next - x) <= 4 * Epsilon * next || (double.IsFinite(hi) && hi - lo <= 4 * Epsilon * hi))
            {
                return next;
            }

            x = next;
        }

        return x;
    }

    /// <summary>
    /// The <paramref name="p"/> quantile of the chi-squared distribution with
    /// <paramref name="degreesOfFreedom"/> degrees of freedom: χ²ₚ(ν) = 2 P⁻¹(ν/2, p).
    /// </summary>
    public static double ChiSquaredQuantile(double p, double degreesOfFreedom) =>
        2 * InverseLowerRegularized(0.5 * degreesOfFreedom, p);

    /// <summary>ln(xᵃ e⁻ˣ / Γ(a + 1)), the factor in front of both the series and the continued fraction.</summary>
    internal static double LogFrontFactor(double a, double x)
    {
        if (a < 10)
        {
            return (a * Math.Log(x)) - x - LogGamma(a + 1);
        }

        // a ln x - x - ln Γ(a+1) = -a (t - ln(1+t)) - ½ ln(2πa) - S(a), with t = (x - a)/a.
        var t = (x - a) / a;
        return (-a * LogOnePlusMinus(t)) - (0.5 * Math.Log(2 * Math.PI * a)) - StirlingRemainder(a);
    }

    /// <summary>t - ln(1 + t), accurate when t is small (where the two terms nearly cancel).</summary>
    private static double LogOnePlusMinus(double t)
    {
        if (Math.Abs(t) >= 0.5)
        {
            return t - Math.Log(1 + t);
        }

        // Σ_{k≥2} (-t)ᵏ / k
        double sum = 0, power = t * t;
        for (var k = 2; k < 200; k++)
        {
            var term = power / k;
            sum += term;
            if (Math.Abs(term) <= Epsilon * Math.Abs(sum))
            {
                break;
            }

            power *= -t;
        }

        return sum;
    }

    /// <summary>S(x) = ln Γ(x) - [(x - ½) ln x - x + ½ ln 2π], Stirling's series for x ≥ 10.</summary>
    private static double StirlingRemainder(double x)
    {
        var inverse = 1 / x;
        var inverseSquare = inverse * inverse;

        // B₂ₖ / (2k (2k-1) x²ᵏ⁻¹) for k = 1 … 7
        return inverse * ((1.0 / 12) - (inverseSquare * ((1.0 / 360) - (inverseSquare * ((1.0 / 1260)
            - (inverseSquare * ((1.0 / 1680) - (inverseSquare * ((1.0 / 1188) - (inverseSquare * ((691.0 / 360360)
            - (inverseSquare / 156))))))))))));
    }

    /// <summary>P(a, x) = xᵃ e⁻ˣ / Γ(a+1) × Σₙ xⁿ / ((a+1) … (a+n)), for x &lt; a + 1.</summary>
    private static double LowerSeries(double a, double x)
    {
        double sum = 1, term = 1, denominator = a;
        for (var n = 1; n < MaxIterations; n++)
        {
            denominator += 1;
            term *= x / denominator;
            sum += term;
            if (term <= Epsilon * sum)
            {
                break;
            }
        }

        return Math.Exp(LogFrontFactor(a, x)) * sum;
    }

    /// <summary>
    /// Q(a, x) = xᵃ e⁻ˣ / Γ(a) × 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- …))), for x ≥ a + 1, by the
    /// modified Lentz method.
    /// </summary>
    private static double UpperContinuedFraction(double a, double x)
    {
        const double Tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) <= Epsilon)
            {
                break;
            }
        }

        // xᵃ e⁻ˣ / Γ(a) = a × xᵃ e⁻ˣ / Γ(a + 1)
        return Math.Exp(LogFrontFactor(a, x) + Math.Log(a)) * h;
    }

    private static double StartingValue(double a, double p)
    {
        if (a >= 1)
        {
            // Wilson–Hilferty: (X/a)^(1/3) is nearly normal with mean 1 - 1/(9a) and variance 1/(9a).
            var z = NormalDistribution.InverseCdf(p);
            var w = 1 - (1 / (9 * a)) + (z / (3 * Math.Sqrt(a)));
            if (w > 0)
            {
                return Math.Max(a * w * w * w, 1e-3 * a);
            }
        }

        // Small x: P(a, x) ≈ xᵃ / Γ(a + 1).
        var guess = Math.Exp((Math.Log(p) + LogGamma(a + 1)) / a);
        return guess > 0 && double.IsFinite(guess) ? Math.Min(guess, a + 1) : a;
    }

    private static void Validate(double a, double x)
    {
        if (!(a > 0) || double.IsInfinity(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "The gamma shape must be positive and finite.");
        }

        if (!(x >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must be zero or more.");
        }
    }
}
