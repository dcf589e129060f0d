using Geo.Core.Statistics;

namespace Geo.Core.Trends;

/// <summary>
/// The "recent trend" marker of OHID Fingertips: is an area's indicator increasing or decreasing
/// significantly over its most recent five periods? Pure functions; thread-safe.
/// </summary>
/// <remarks>
/// <para>The method is OHID's "Fingertips trend markers" (Public health technical guidance) as implemented by
/// PHEindicatormethods' <c>assign_trend_markers</c>. It uses the five most recent points. Proportions are
/// tested by the chi-squared test for linear trend on their counts and denominators (Cochran 1954, Armitage
/// 1955); the direction is the sign of the least-squares gradient of logit(p) on time. Every other value type
/// (crude and standardised rates, ratios) is tested by weighted least squares of the value on time, each point
/// weighted by 1/SE² with SE = (upper - lower) / (2 × 1.96) from its 95% limits; χ² = β² / Var(β). The trend
/// is significant when χ² (1 degree of freedom) exceeds 9.5495, its 99.8% point, the level of Fingertips'
/// other comparisons. A significant trend is still reported as no significant change when leaving out any one
/// of the five points reverses the sign of the gradient (Fingertips' outlier check).</para>
/// <para>Fingertips applies the test only to annual, non-overlapping periods with no break in the series:
/// do not pass rolling pools. Time is in years, so a missing year is honoured as a gap.</para>
/// </remarks>
public static class RecentTrend
{
    /// <summary>The number of most recent periods the test uses.</summary>
    public const int PointsUsed = 5;

    /// <summary>The significance level of the test (two-sided, 0.1% in each tail).</summary>
    public const double SignificanceLevel = 0.998;

    /// <summary>The 99.8% point of χ² with one degree of freedom, 9.5495 (= 3.0902², the square of the 99.9% normal quantile).</summary>
    public static readonly double CriticalValue = GammaFunctions.ChiSquaredQuantile(SignificanceLevel, 1);

    private static readonly double Z95 = ConfidenceLevel.Percent95.Z;

    /// <summary>
    /// The marker for a proportion from each period's count (cases) and denominator (sample), by the chi-squared
    /// test for linear trend. The order of <paramref name="points"/> does not matter; times must differ.
    /// </summary>
    /// <exception cref="ArgumentException">Two points have the same time.</exception>
    public static RecentTrendResult ForProportion(IReadOnlyList<TrendPoint> points)
    {
        var recent = MostRecent(points, p => p.Time, p => p.Period);
        var periods = recent.Select(p => p.Period).ToArray();
        const TrendTest Test = TrendTest.ChiSquaredForLinearTrend;
        if (recent.Length < PointsUsed)
        {
            return NotCalculated(TrendReason.NotEnoughPoints, Test, []);
        }

        if (recent.Any(p => !double.IsFinite(p.Count) || !double.IsFinite(p.Denominator) || p.Count < 0 || p.Denominator <= 0 || p.Count > p.Denominator))
        {
            return NotCalculated(TrendReason.MissingValues, Test, periods);
        }

        if (recent.Any(p => p.Count == 0 || p.Count == p.Denominator))
        {
            return NotCalculated(TrendReason.ProportionAtZeroOrOne, Test, periods);
        }

        // Centring time changes neither statistic nor gradient, and avoids cancelling squares of years.
        var mid = recent.Average(p => p.Time);
        double d = 0, o = 0, ot = 0, dt = 0, dtt = 0;
        foreach (var p in recent)
        {
            var t = p.Time - mid;
            d += p.Denominator;
            o += p.Count;
            ot += p.Count * t;
            dt += p.Denominator * t;
            dtt += p.Denominator * t * t;
        }

        var score = (d * ot) - (o * dt);
        var chiSquared = d * score * score / (o * (d - o) * ((d * dtt) - (dt * dt)));
        var logits = recent.Select(p => Math.Log(p.Count / (p.Denominator - p.Count))).ToArray();
        var times = recent.Select(p => p.Time - mid).ToArray();
        var ones = Enumerable.Repeat(1.0, recent.Length).ToArray();
        return Decide(Test, chiSquared, times, logits, ones, periods);
    }

    /// <summary>
    /// The marker for any value with 95% confidence limits (crude or standardised rate, ratio), by weighted
    /// regression. The order of <paramref name="points"/> does not matter; times must differ.
    /// </summary>
    /// <exception cref="ArgumentException">Two points have the same time.</exception>
    public static RecentTrendResult ForValues(IReadOnlyList<TrendValuePoint> points)
    {
        var recent = MostRecent(points, p => p.Time, p => p.Period);
        var periods = recent.Select(p => p.Period).ToArray();
        const TrendTest Test = TrendTest.WeightedRegression;
        if (recent.Length < PointsUsed)
        {
            return NotCalculated(TrendReason.NotEnoughPoints, Test, []);
        }

        if (recent.Any(p => !double.IsFinite(p.Value) || !double.IsFinite(p.Lower) || !double.IsFinite(p.Upper) || !(p.Upper > p.Lower)))
        {
            return NotCalculated(TrendReason.MissingValues, Test, periods);
        }

        var mid = recent.Average(p => p.Time);
        var times = recent.Select(p => p.Time - mid).ToArray();
        var values = recent.Select(p => p.Value).ToArray();
        var weights = recent.Select(p =>
        {
            var se = (p.Upper - p.Lower) / (2 * Z95);
            return 1 / (se * se);
        }).ToArray();

        var (beta, variance) = WeightedSlope(times, values, weights);
        return Decide(Test, beta * beta / variance, times, values, weights, periods);
    }

    /// <summary>
    /// The marker for a crude rate from counts and denominators: each period's rate and 95% limits (exact
    /// Poisson below 10 events, Byar's from 10, as <see cref="CrudeRate"/>) go to <see cref="ForValues"/>.
    /// The gradient is per <paramref name="multiplier"/> (e.g. per 100,000) per year.
    /// </summary>
    /// <exception cref="ArgumentException">Two points have the same time.</exception>
    public static RecentTrendResult ForCrudeRate(IReadOnlyList<TrendPoint> points, double multiplier)
    {
        ArgumentNullException.ThrowIfNull(points);
        var values = points.Select(p =>
        {
            if (!double.IsFinite(p.Count) || !double.IsFinite(p.Denominator) || p.Count < 0 || p.Denominator <= 0)
            {
                return new TrendValuePoint(p.Period, p.Time, double.NaN, double.NaN, double.NaN);
            }

            var rate = CrudeRate.Calculate(p.Count, p.Denominator, multiplier, ConfidenceLevel.Percent95);
            return new TrendValuePoint(p.Period, p.Time, rate.Value, rate.Lower, rate.Upper);
        }).ToArray();
        return ForValues(values);
    }

    private static RecentTrendResult Decide(TrendTest test, double chiSquared, double[] times, double[] y, double[] weights, string[] periods)
    {
        var pValue = GammaFunctions.UpperRegularized(0.5, chiSquared / 2);
        var gradient = WeightedSlope(times, y, weights).Slope;
        if (!(chiSquared > CriticalValue))
        {
            return new RecentTrendResult(TrendDirection.NoSignificantChange, TrendReason.NoSignificantTrend, test, chiSquared, pValue, gradient, periods);
        }

        for (var left = 0; left < times.Length; left++)
        {
            var keep = Enumerable.Range(0, times.Length).Where(i => i != left).ToArray();
            var slope = WeightedSlope(keep.Select(i => times[i]).ToArray(), keep.Select(i => y[i]).ToArray(), keep.Select(i => weights[i]).ToArray()).Slope;
            if (Math.Sign(slope) != Math.Sign(gradient))
            {
                return new RecentTrendResult(TrendDirection.NoSignificantChange, TrendReason.OutlierFound, test, chiSquared, pValue, gradient, periods);
            }
        }

        var direction = gradient < 0 ? TrendDirection.Decreasing : TrendDirection.Increasing;
        return new RecentTrendResult(direction, TrendReason.SignificantTrend, test, chiSquared, pValue, gradient, periods);
    }

    /// <summary>The weighted least-squares slope of y on t and its variance Σw / (Σw Σwt² - (Σwt)²).</summary>
    private static (double Slope, double Variance) WeightedSlope(double[] t, double[] y, double[] w)
    {
        double s = 0, st = 0, sy = 0, sty = 0, stt = 0;
        for (var i = 0; i < t.Length; i++)
        {
            s += w[i];
            st += w[i] * t[i];
            sy += w[i] * y[i];
            sty += w[i] * t[i] * y[i];
            stt += w[i] * t[i] * t[i];
        }

        var determinant = (s * stt) - (st * st);
        return (((s * sty) - (st * sy)) / determinant, s / determinant);
    }

    private static T[] MostRecent<T>(IReadOnlyList<T> points, Func<T, double> time, Func<T, string> period)
    {
        ArgumentNullException.ThrowIfNull(points);
        var ordered = points.OrderBy(time).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (time(ordered[i]) == time(ordered[i - 1]))
            {
                throw new ArgumentException($"Periods {period(ordered[i - 1])} and {period(ordered[i])} have the same time {time(ordered[i])}.", nameof(points));
            }
        }

        return ordered.Length <= PointsUsed ? ordered : ordered[^PointsUsed..];
    }

    private static RecentTrendResult NotCalculated(TrendReason reason, TrendTest test, string[] periods) =>
        new(TrendDirection.CannotBeCalculated, reason, test, double.NaN, double.NaN, double.NaN, periods);
}
