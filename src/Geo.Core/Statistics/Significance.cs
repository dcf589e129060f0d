namespace Geo.Core.Statistics;

/// <summary>
/// Compares an area with a benchmark (its parent, England) by confidence interval, and reads the result
/// through the indicator's polarity. Pure; thread-safe.
/// </summary>
/// <remarks>
/// OHID's method ("Public health indicator technical guidance", comparisons with a benchmark; Fingertips):
/// an area is significantly higher when the benchmark lies below its lower confidence limit, significantly
/// lower when the benchmark lies above its upper limit, and similar otherwise (a benchmark on a limit is
/// similar). Apply it at 95% and at 99.8% by passing the interval at that level. The benchmark is taken as
/// a fixed value (its own uncertainty is ignored, as OHID does when the benchmark is England).
/// </remarks>
public static class Significance
{
    /// <summary>Higher, lower or similar: where the benchmark lies relative to the area's interval.</summary>
    public static Comparison Compare(ConfidenceInterval interval, double benchmark)
    {
        if (double.IsNaN(benchmark) || double.IsInfinity(benchmark) || double.IsNaN(interval.Lower) || double.IsNaN(interval.Upper))
        {
            return Comparison.NotCompared;
        }

        if (interval.Lower > benchmark)
        {
            return Comparison.Higher;
        }

        return interval.Upper < benchmark ? Comparison.Lower : Comparison.Similar;
    }

    /// <summary>As <see cref="Compare(ConfidenceInterval, double)"/> for an estimate; <see cref="Comparison.NotCompared"/> when there is none (e.g. a DSR not calculated).</summary>
    public static Comparison Compare(Estimate? estimate, double benchmark) =>
        estimate is null ? Comparison.NotCompared : Compare(estimate.Interval, benchmark);

    /// <summary>Better, worse or similar for the indicator's polarity; <see cref="Judgement.NotJudged"/> for a significant difference on an indicator without polarity.</summary>
    public static Judgement Judge(Comparison comparison, Polarity polarity) => (comparison, polarity) switch
    {
        (Comparison.NotCompared, _) => Judgement.NotCompared,
        (Comparison.Similar, _) => Judgement.Similar,
        (_, Polarity.NoJudgement) => Judgement.NotJudged,
        (Comparison.Higher, Polarity.HigherIsWorse) or (Comparison.Lower, Polarity.HigherIsBetter) => Judgement.Worse,
        (Comparison.Higher, Polarity.HigherIsBetter) or (Comparison.Lower, Polarity.HigherIsWorse) => Judgement.Better,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), $"Unknown comparison {comparison} or polarity {polarity}."),
    };
}
