namespace Geo.Core.Statistics;

/// <summary>
/// Confidence limits for a Poisson count O (events observed): exact, Byar's approximation, or chosen by
/// OHID's rule. Limits are in events; divide by a denominator for a rate. Pure functions; thread-safe.
/// </summary>
/// <remarks>
/// <para><b>Exact</b> (Garwood 1936): lower L = χ²(α/2; 2O) / 2 and upper U = χ²(1 - α/2; 2O + 2) / 2,
/// i.e. gamma quantiles L = P⁻¹(O, α/2), U = P⁻¹(O + 1, 1 - α/2); L = 0 when O = 0. They are the means at
/// which seeing at least O (for L) or at most O (for U) events has probability α/2.</para>
/// <para><b>Byar's</b> approximation (Breslow and Day 1987, vol. II, p. 69):
/// L = O (1 - 1/(9O) - z/(3√O))³ and U = (O+1) (1 - 1/(9(O+1)) + z/(3√(O+1)))³, with z = Φ⁻¹(1 - α/2).</para>
/// <para><b>Rule</b> (OHID "Public health indicator technical guidance"; PHEindicatormethods
/// <c>phe_rate</c>, <c>calculate_ISRatio</c>): exact limits for O &lt; 10, Byar's from 10 up. The reference
/// vectors follow it: 1 and 5 events are "Exact", 10, 20 and more are "Byars".</para>
/// </remarks>
public static class PoissonInterval
{
    /// <summary>Counts below this get exact limits; from it up, Byar's approximation.</summary>
    public const double ExactBelow = 10;

    /// <summary>Limits for <paramref name="observed"/> events by the OHID rule (exact below 10, Byar's from 10).</summary>
    /// <returns>The count itself as the value, its limits and the method used.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or not finite.</exception>
    public static Estimate Calculate(double observed, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        ValidateCount(observed);
        var method = observed < ExactBelow ? IntervalMethod.Exact : IntervalMethod.Byars;
        var interval = method == IntervalMethod.Exact ? CalculateExact(observed, level) : CalculateByars(observed, level);
        return new Estimate(observed, interval.Lower, interval.Upper, level, method);
    }

    /// <summary>Exact Poisson limits from the chi-squared (gamma) distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or not finite.</exception>
    public static ConfidenceInterval CalculateExact(double observed, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        ValidateCount(observed);
        var lower = observed == 0 ? 0 : GammaFunctions.InverseLowerRegularized(observed, level.TailProbability);
        var upper = GammaFunctions.InverseLowerRegularized(observed + 1, 1 - level.TailProbability);
        return new ConfidenceInterval(lower, upper);
    }

    /// <summary>
    /// Byar's approximation to the exact limits. The lower limit is 0 for no events, and is held at 0
    /// where the formula turns negative (one event at 99.8%).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or not finite.</exception>
    public static ConfidenceInterval CalculateByars(double observed, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        ValidateCount(observed);
        var z = level.Z;
        var lower = 0.0;
        if (observed > 0)
        {
            var root = 1 - (1 / (9 * observed)) - (z / (3 * Math.Sqrt(observed)));
            lower = Math.Max(0, observed * root * root * root);
        }

        var next = observed + 1;
        var upperRoot = 1 - (1 / (9 * next)) + (z / (3 * Math.Sqrt(next)));
        return new ConfidenceInterval(lower, next * upperRoot * upperRoot * upperRoot);
    }

    internal static void ValidateCount(double observed, string name = "observed")
    {
        if (!(observed >= 0) || double.IsInfinity(observed))
        {
            throw new ArgumentOutOfRangeException(name, observed, "A count of events must be zero or more and finite.");
        }
    }
}
