namespace Geo.Core.Trends;

/// <summary>
/// One period's summed counts for one area: the input to <see cref="PeriodPooling"/>. Immutable; the band
/// lists are read, never changed, so one instance may be shared between threads.
/// </summary>
/// <param name="Period">The period's label as published (e.g. "2021/22").</param>
/// <param name="Count">The numerator (events, or cases of a proportion).</param>
/// <param name="Denominator">The denominator (population, person-years or sample size).</param>
/// <param name="BandCounts">Age-specific numerators, one per band; null when the indicator is not age-banded.</param>
/// <param name="BandDenominators">Age-specific denominators, same length as <paramref name="BandCounts"/>; null with it.</param>
public sealed record PeriodCounts(
    string Period,
    double Count,
    double Denominator,
    IReadOnlyList<double>? BandCounts = null,
    IReadOnlyList<double>? BandDenominators = null);
