namespace Geo.Core.Inequality;

/// <summary>
/// The slope and relative indices of inequality of one area, with simulated limits. Immutable.
/// </summary>
/// <param name="Sii">
/// Slope index: fitted value at rank 1 (least deprived end) minus fitted value at rank 0 (most deprived end),
/// times the multiplier. Positive when the value rises as deprivation falls (e.g. life expectancy).
/// </param>
/// <param name="Rii">Relative index: fitted value at rank 1 divided by fitted value at rank 0 (inverted for a negative multiplier).</param>
/// <param name="Intercept">The fitted value at rank 0, the most deprived end, on the value's own scale (no multiplier).</param>
/// <param name="WeightedMean">The population-weighted mean of the quantile values (no multiplier).</param>
/// <param name="Intervals">Simulated limits, one per requested level, in the order asked.</param>
/// <param name="Repetitions">Monte Carlo repetitions behind the limits.</param>
/// <param name="Method">How the limits were made, for metadata (e.g. "simulation, 100000 repetitions, seed 1").</param>
public sealed record SlopeIndexResult(
    double Sii,
    double Rii,
    double Intercept,
    double WeightedMean,
    IReadOnlyList<SlopeIndexInterval> Intervals,
    int Repetitions,
    string Method);
