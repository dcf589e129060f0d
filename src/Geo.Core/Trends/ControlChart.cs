using Geo.Core.Statistics;

namespace Geo.Core.Trends;

/// <summary>
/// Statistical process control charts as NHS England's "Making Data Count" teaches them: XmR, p- and u-charts
/// with the special-cause rules marked on each point. Pure functions; thread-safe.
/// </summary>
/// <remarks>
/// <para><b>XmR</b> (Wheeler and Chambers 1992; Making Data Count): centre = mean of the values; moving range = |xᵢ - xᵢ₋₁|;
/// limits = mean ± 2.66 × mean moving range (2.66 = 3 / d₂, d₂ = 1.128 for ranges of two); the 2-sigma lines
/// are mean ± (2/3) × 2.66 × mean moving range.</para>
/// <para><b>p-chart</b>: p̄ = ΣO / ΣN; limits p̄ ± 3 √(p̄(1 - p̄) / nᵢ), kept within 0 and 1. <b>u-chart</b>:
/// ū = ΣO / ΣN; limits ū ± 3 √(ū / nᵢ), kept at 0 or above. Both use 2 sigma for the near lines and report
/// values, centre and limits × the multiplier (100 for a percentage, 100,000 for a rate per 100,000).</para>
/// <para><b>p′- and u′-charts</b> (Laney 2002, "Improved control charts for attributes", Quality Engineering 14(4):531-537):
/// with σᵢ the p- or u-chart's sigma at nᵢ, zᵢ = (pᵢ - p̄) / σᵢ, σ_z = mean |zᵢ - zᵢ₋₁| / 1.128, and limits
/// p̄ ± 3 σᵢ σ_z (2 for the near lines), kept within 0 and 1 (0 and up for u′). σ_z measures the points' spread beyond
/// the binomial's or Poisson's: above 1 the limits widen (overdispersion, e.g. large denominators), below 1 they narrow.
/// With equal denominators the p′-chart is the XmR chart of the proportions.</para>
/// <para>The rules, the order in which they decide a point's colour (outside the limits, then a trend, then
/// two in three, then a shift) and the variation and assurance classes follow NHSRplotthedots
/// (ptd_calculate_point_type, ptd_calculate_assurance_type); see docs/methods.md. The limits are computed
/// from all the points given: there is no baseline or rebasing here.</para>
/// </remarks>
public static class ControlChart
{
    /// <summary>3 / d₂ for moving ranges of two points (d₂ = 1.128).</summary>
    public const double XmRLimitFactor = 2.66;

    /// <summary>Moving ranges this many times the mean moving range or more are screened out when asked (3.267 = D₄, the range chart's upper limit).</summary>
    public const double MovingRangeScreenFactor = 3.267;

    /// <summary>d₂ for moving ranges of two points: σ ≈ mean moving range / d₂ (Laney's σ_z).</summary>
    public const double D2 = 1.128;

    /// <summary>The individuals (XmR) chart of values in time order.</summary>
    /// <exception cref="ArgumentException">Fewer than two values, or a value that is not a finite number.</exception>
    public static SpcChart XmR(IReadOnlyList<SpcObservation> values, SpcOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        options ??= SpcOptions.Default;
        Validate(options);
        if (values.Count < 2)
        {
            throw new ArgumentException("An XmR chart needs at least two values.", nameof(values));
        }

        var y = new double[values.Count];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = values[i].Value;
            if (!double.IsFinite(y[i]))
            {
                throw new ArgumentException($"Period {values[i].Period} has value {y[i]}.", nameof(values));
            }
        }

        var mean = y.Average();
        var ranges = new double[y.Length - 1];
        for (var i = 1; i < y.Length; i++)
        {
            ranges[i - 1] = Math.Abs(y[i] - y[i - 1]);
        }

        var meanRange = ranges.Average();
        if (options.ScreenMovingRanges)
        {
            var cut = MovingRangeScreenFactor * meanRange;
            var kept = ranges.Where(r => r < cut).ToArray();
            meanRange = kept.Length > 0 ? kept.Average() : meanRange;
        }

        var sigma = XmRLimitFactor * meanRange / 3;
        var lower = Enumerable.Repeat(mean - (3 * sigma), y.Length).ToArray();
        var upper = Enumerable.Repeat(mean + (3 * sigma), y.Length).ToArray();
        var nearLower = Enumerable.Repeat(mean - (2 * sigma), y.Length).ToArray();
        var nearUpper = Enumerable.Repeat(mean + (2 * sigma), y.Length).ToArray();
        var periods = values.Select(v => v.Period).ToArray();
        return Build(SpcChartType.XmR, periods, y, mean, meanRange, lower, upper, nearLower, nearUpper, options);
    }

    /// <summary>
    /// The p-chart of a proportion from each period's count and denominator, in time order; values and limits
    /// × <paramref name="multiplier"/> (100 for a percentage).
    /// </summary>
    /// <exception cref="ArgumentException">No points, or a count that is negative, above its denominator or not a number, or a denominator that is not positive.</exception>
    public static SpcChart PChart(IReadOnlyList<TrendPoint> points, double multiplier = 1, SpcOptions? options = null) =>
        Attribute(SpcChartType.P, points, multiplier, options);

    /// <summary>
    /// The u-chart of a rate from each period's count and denominator, in time order; values and limits
    /// × <paramref name="multiplier"/> (e.g. 100,000).
    /// </summary>
    /// <exception cref="ArgumentException">No points, or a count that is negative or not a number, or a denominator that is not positive.</exception>
    public static SpcChart UChart(IReadOnlyList<TrendPoint> points, double multiplier = 1, SpcOptions? options = null) =>
        Attribute(SpcChartType.U, points, multiplier, options);

    /// <summary>
    /// Laney's p′-chart of a proportion from each period's count and denominator, in time order: the p-chart's sigma at
    /// each denominator × σ_z, the spread of the points' z-scores (mean moving range / 1.128); values and limits ×
    /// <paramref name="multiplier"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two points, or a point the p-chart refuses.</exception>
    public static SpcChart LaneyPChart(IReadOnlyList<TrendPoint> points, double multiplier = 1, SpcOptions? options = null) =>
        Attribute(SpcChartType.PPrime, points, multiplier, options);

    /// <summary>Laney's u′-chart of a rate: the u-chart's sigma at each denominator × σ_z (see <see cref="LaneyPChart"/>).</summary>
    /// <exception cref="ArgumentException">Fewer than two points, or a point the u-chart refuses.</exception>
    public static SpcChart LaneyUChart(IReadOnlyList<TrendPoint> points, double multiplier = 1, SpcOptions? options = null) =>
        Attribute(SpcChartType.UPrime, points, multiplier, options);

    private static SpcChart Attribute(SpcChartType type, IReadOnlyList<TrendPoint> points, double multiplier, SpcOptions? options)
    {
        ArgumentNullException.ThrowIfNull(points);
        options ??= SpcOptions.Default;
        Validate(options);
        if (!(multiplier > 0) || double.IsInfinity(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be a positive number.");
        }

        var laney = type is SpcChartType.PPrime or SpcChartType.UPrime;
        var proportion = type is SpcChartType.P or SpcChartType.PPrime;
        if (points.Count == 0 || (laney && points.Count < 2))
        {
            throw new ArgumentException(laney ? "A Laney chart needs at least two points (a moving range)." : "A control chart needs at least one point.",
                nameof(points));
        }

        double count = 0, denominator = 0;
        foreach (var p in points)
        {
            if (!(p.Count >= 0) || double.IsInfinity(p.Count) || !(p.Denominator > 0) || double.IsInfinity(p.Denominator)
                || (proportion && p.Count > p.Denominator))
            {
                throw new ArgumentException($"Period {p.Period} has count {p.Count} and denominator {p.Denominator}.", nameof(points));
            }

            count += p.Count;
            denominator += p.Denominator;
        }

        var centre = count / denominator;
        var n = points.Count;
        double[] y = new double[n], lower = new double[n], upper = new double[n], nearLower = new double[n], nearUpper = new double[n];
        var ceiling = proportion ? 1 : double.PositiveInfinity;
        var sigmas = new double[n];
        for (var i = 0; i < n; i++)
        {
            var p = points[i];
            sigmas[i] = proportion ? Math.Sqrt(centre * (1 - centre) / p.Denominator) : Math.Sqrt(centre / p.Denominator);
        }

        var meanRange = double.NaN;
        if (laney)
        {
            (meanRange, var sigmaZ) = LaneySigmaZ(points, centre, sigmas);
            for (var i = 0; i < n; i++)
            {
                sigmas[i] *= sigmaZ;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var p = points[i];
            var sigma = sigmas[i];
            y[i] = p.Count / p.Denominator * multiplier;
            lower[i] = Math.Max(0, centre - (3 * sigma)) * multiplier;
            upper[i] = Math.Min(ceiling, centre + (3 * sigma)) * multiplier;
            nearLower[i] = Math.Max(0, centre - (2 * sigma)) * multiplier;
            nearUpper[i] = Math.Min(ceiling, centre + (2 * sigma)) * multiplier;
        }

        var periods = points.Select(p => p.Period).ToArray();
        return Build(type, periods, y, centre * multiplier, meanRange, lower, upper, nearLower, nearUpper, options);
    }

    /// <summary>
    /// Laney's z-scores zᵢ = (pᵢ - p̄) / σᵢ, their mean moving range and σ_z = it / d₂. With no binomial or Poisson spread
    /// (p̄ of 0 or 1) every z is 0, and so σ_z.
    /// </summary>
    private static (double MeanRange, double SigmaZ) LaneySigmaZ(IReadOnlyList<TrendPoint> points, double centre, double[] sigmas)
    {
        var z = new double[points.Count];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = sigmas[i] > 0 ? ((points[i].Count / points[i].Denominator) - centre) / sigmas[i] : 0;
        }

        var sum = 0.0;
        for (var i = 1; i < z.Length; i++)
        {
            sum += Math.Abs(z[i] - z[i - 1]);
        }

        var meanRange = sum / (z.Length - 1);
        return (meanRange, meanRange / D2);
    }

    private static SpcChart Build(SpcChartType type, string[] periods, double[] y, double centre, double meanRange,
        double[] lower, double[] upper, double[] nearLower, double[] nearUpper, SpcOptions options)
    {
        var (rules, trend) = SpecialCauseRules.Evaluate(y, centre, lower, upper, nearLower, nearUpper, options.RunLength, options.TrendLength);
        var points = new SpcPoint[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            var variation = SpecialCauseRules.Classify(rules[i], trend[i], options.Polarity);
            points[i] = new SpcPoint(periods[i], y[i], centre, lower[i], upper[i], nearLower[i], nearUpper[i], rules[i], variation);
        }

        var last = points[^1];
        return new SpcChart(type, centre, meanRange, points, last.Variation, Assure(last, options));
    }

    /// <summary>Making Data Count's assurance: a target beyond the limits is always passed or always failed.</summary>
    private static SpcAssurance Assure(SpcPoint last, SpcOptions options)
    {
        if (options.Target is not { } target || options.Polarity == Polarity.NoJudgement)
        {
            return SpcAssurance.NotAssessed;
        }

        var higherIsBetter = options.Polarity == Polarity.HigherIsBetter;
        if (target > last.UpperLimit)
        {
            return higherIsBetter ? SpcAssurance.ConsistentlyFails : SpcAssurance.ConsistentlyPasses;
        }

        if (target < last.LowerLimit)
        {
            return higherIsBetter ? SpcAssurance.ConsistentlyPasses : SpcAssurance.ConsistentlyFails;
        }

        return SpcAssurance.Inconsistent;
    }

    private static void Validate(SpcOptions options)
    {
        if (options.RunLength < 2 || options.TrendLength < 2)
        {
            throw new ArgumentException("Runs and trends must be at least 2 points long.", nameof(options));
        }

        if (options.Target is { } t && !double.IsFinite(t))
        {
            throw new ArgumentException("The target must be a finite number.", nameof(options));
        }
    }
}
