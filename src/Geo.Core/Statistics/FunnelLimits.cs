namespace Geo.Core.Statistics;

/// <summary>
/// Funnel-plot control limits around a benchmark as a function of an area's denominator (population or
/// expected count), for proportions, ratios (SMR/ISR) and rates, and where a value lies against them.
/// Pure; thread-safe.
/// </summary>
/// <remarks>
/// <para>Spiegelhalter (2005), "Funnel plots for comparing institutional performance", Stat Med 24:1185-1202;
/// PHE "Calculating funnel plot control limits" (Fingertips technical guidance) and PHEindicatormethods
/// <c>calculate_funnel_limits</c>. The 95% limits are the "2 s.d." or 0.025 limits and the 99.8% ones the
/// "3 s.d." or 0.001 limits: z = 1.959964 and 3.090232. Limits do not adjust for overdispersion.</para>
/// <para><b>Proportions</b>: benchmark P ± z √(P(1 - P)/n), held within [0, 1] (× multiplier). This is the
/// closed form of PHE's published quadratic (its <c>sigma_adjustment</c>), which simplifies to exactly this.</para>
/// <para><b>Ratios</b> against expected count E: exact Poisson limits inverted. The lower limit is O/E for the
/// (continuous) count O whose exact upper limit χ²(1-α/2; 2O+2)/2 equals E; the upper limit is O/E for
/// the O whose exact lower limit χ²(α/2; 2O)/2 equals E. Solved for O through the gamma function, so the
/// curve passes exactly through PHE's points (it tabulates E at whole O) and is smooth between them.
/// The lower limit is 0 where even no events would not be low (E &lt; -ln(α/2), 3.69 at 95%).</para>
/// <para><b>Rates</b> (crude or directly standardised) with benchmark rate R per multiplier m: E = N R / m
/// and the limits are the ratio limits × R. For a DSR PHE uses the derived denominator N = m O / DSR.
/// Divide N by the number of years if the benchmark is annual.</para>
/// </remarks>
public static class FunnelLimits
{
    /// <summary>Limits for a proportion with <paramref name="denominator"/> cases, around <paramref name="benchmark"/>.</summary>
    /// <param name="benchmark">The benchmark in the units of the result: a proportion of 1, or a percentage with multiplier 100.</param>
    /// <param name="multiplier">1 for proportions of 1, 100 for percentages.</param>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is not positive or the benchmark not within [0, multiplier].</exception>
    public static ControlLimits CalculateForProportion(double denominator, double benchmark, ConfidenceLevel level, double multiplier = 1)
    {
        ArgumentNullException.ThrowIfNull(level);
        CrudeRate.ValidatePositive(denominator, nameof(denominator));
        CrudeRate.ValidatePositive(multiplier, nameof(multiplier));
        var p = benchmark / multiplier;
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(benchmark), benchmark, $"A proportion's benchmark must be between 0 and {multiplier}.");
        }

        var spread = level.Z * Math.Sqrt(p * (1 - p) / denominator);
        return new ControlLimits(Math.Max(0, p - spread) * multiplier, Math.Min(1, p + spread) * multiplier);
    }

    /// <summary>Limits for an observed/expected ratio with <paramref name="expected"/> expected events, around 1 × multiplier.</summary>
    /// <param name="multiplier">1 for a ratio, 100 for an SMR/SAR.</param>
    /// <exception cref="ArgumentOutOfRangeException">The expected count is not positive and finite.</exception>
    public static ControlLimits CalculateForRatio(double expected, ConfidenceLevel level, double multiplier = 1)
    {
        ArgumentNullException.ThrowIfNull(level);
        CrudeRate.ValidatePositive(expected, nameof(expected));
        CrudeRate.ValidatePositive(multiplier, nameof(multiplier));
        var lowerCount = CountWithExactUpperLimit(expected, level.TailProbability);
        var upperCount = CountWithExactLowerLimit(expected, level.TailProbability);
        return new ControlLimits(lowerCount / expected * multiplier, upperCount / expected * multiplier);
    }

    /// <summary>Limits for a rate with <paramref name="denominator"/> people (or person-years), around <paramref name="benchmark"/>.</summary>
    /// <param name="benchmark">The benchmark rate per <paramref name="multiplier"/>, e.g. 200 per 100,000.</param>
    /// <param name="multiplier">The rate's scale, e.g. 100,000.</param>
    /// <exception cref="ArgumentOutOfRangeException">The denominator, benchmark or multiplier is not positive and finite.</exception>
    public static ControlLimits CalculateForRate(double denominator, double benchmark, ConfidenceLevel level, double multiplier)
    {
        CrudeRate.ValidatePositive(denominator, nameof(denominator));
        CrudeRate.ValidatePositive(benchmark, nameof(benchmark));
        CrudeRate.ValidatePositive(multiplier, nameof(multiplier));
        var ratio = CalculateForRatio(denominator * benchmark / multiplier, level);
        return new ControlLimits(ratio.Lower * benchmark, ratio.Upper * benchmark);
    }

    /// <summary>
    /// Where <paramref name="value"/> lies against the 95% and 99.8% limits for its denominator; on a limit
    /// counts as within (PHE compares strictly).
    /// </summary>
    public static FunnelPosition Classify(double value, ControlLimits limits95, ControlLimits limits998)
    {
        if (value < limits998.Lower)
        {
            return FunnelPosition.Below998;
        }

        if (value < limits95.Lower)
        {
            return FunnelPosition.Below95;
        }

        if (value > limits998.Upper)
        {
            return FunnelPosition.Above998;
        }

        return value > limits95.Upper ? FunnelPosition.Above95 : FunnelPosition.WithinLimits;
    }

    /// <summary>The count O ≥ 0 whose exact upper limit is <paramref name="expected"/>: P(O + 1, E) = 1 - α/2.</summary>
    private static double CountWithExactUpperLimit(double expected, double tail)
    {
        // P(a, E) falls as a rises; at a = 1 it is 1 - e^-E. If that is already below 1 - α/2 the
        // solution has O < 0: no count is significantly low.
        double F(double a) => tail - GammaFunctions.UpperRegularized(a, expected);
        if (F(1) <= 0)
        {
            return 0;
        }

        var hi = UpperBracket(expected, F);
        return RootFinder.Brent(F, 1, hi, 1e-15) - 1;
    }

    /// <summary>The count O whose exact lower limit is <paramref name="expected"/>: P(O, E) = α/2.</summary>
    private static double CountWithExactLowerLimit(double expected, double tail)
    {
        double F(double a) => GammaFunctions.LowerRegularized(a, expected) - tail;
        var lo = 1.0;
        while (F(lo) <= 0)
        {
            lo /= 2; // P(a, E) → 1 as a → 0, so this ends
        }

        var hi = UpperBracket(expected, F);
        return RootFinder.Brent(F, lo, hi, 1e-15);
    }

    /// <summary>A shape a above the root of the decreasing function <paramref name="f"/> (where it is negative).</summary>
    private static double UpperBracket(double expected, Func<double, double> f)
    {
        var hi = expected + (10 * Math.Sqrt(expected)) + 10;
        while (f(hi) > 0)
        {
            hi *= 2;
        }

        return hi;
    }
}
