namespace Geo.Core.Indicators;

/// <summary>
/// One input figure after import: an area's numerator (or, for a score, its score) in one period and,
/// where the data are age-specific, one age band. Sexes are summed on import.
/// </summary>
/// <param name="Area">Code of a neighbourhood, or of a place for data published only at that level.</param>
/// <param name="Band">Index into <see cref="IndicatorSource.Bands"/>, or -1 for all ages.</param>
/// <param name="Numerator">Event count (or numerator of a proportion); the score itself for score indicators.</param>
/// <param name="Denominator">The population at risk; null to use the dataset's population for the area and band.</param>
/// <param name="Line">1-based line of the source file, for messages.</param>
public readonly record struct IndicatorRecord(string Area, string Period, int Band, double Numerator, double? Denominator, long Line);
