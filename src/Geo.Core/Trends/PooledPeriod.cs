namespace Geo.Core.Trends;

/// <summary>
/// Counts summed over k consecutive periods, from <see cref="PeriodPooling.Rolling"/>. Immutable and
/// thread-safe. The band lists are null when the input periods had no age bands.
/// </summary>
/// <param name="Label">The pool's label: first and last period joined by " - " (e.g. "2019/20 - 2021/22"); the period itself when k = 1.</param>
/// <param name="Periods">The periods pooled, oldest first.</param>
/// <param name="Count">Sum of the periods' numerators.</param>
/// <param name="Denominator">Sum of the periods' denominators (person-years when each is a year's population).</param>
/// <param name="BandCounts">Band-by-band sums of the numerators, or null.</param>
/// <param name="BandDenominators">Band-by-band sums of the denominators, or null.</param>
public sealed record PooledPeriod(
    string Label,
    IReadOnlyList<string> Periods,
    double Count,
    double Denominator,
    IReadOnlyList<double>? BandCounts,
    IReadOnlyList<double>? BandDenominators)
{
    /// <summary>The oldest period in the pool.</summary>
    public string FirstPeriod => Periods[0];

    /// <summary>The most recent period in the pool.</summary>
    public string LastPeriod => Periods[^1];
}
