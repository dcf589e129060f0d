using Geo.Core.Statistics;

namespace Geo.Core.Inequality;

/// <summary>
/// How <see cref="SlopeIndex.Calculate"/> fits and simulates (PHEindicatormethods' <c>phe_sii</c> arguments).
/// Immutable; <see cref="Default"/> gives 95% and 99.8% limits from 100,000 seeded repetitions.
/// </summary>
public sealed record SlopeIndexOptions
{
    /// <summary>95% and 99.8% limits, 100,000 repetitions, seed 1, value scale, multiplier 1.</summary>
    public static SlopeIndexOptions Default { get; } = new();

    /// <summary>The kind of value; decides the scale of the standard errors and of the simulation.</summary>
    public IndicatorScale Scale { get; init; } = IndicatorScale.Normal;

    /// <summary>
    /// Fit the line to ln(rate) or logit(proportion) instead of the value itself, and report the
    /// back-transformed ends (<c>transform = TRUE</c>). Ignored for <see cref="IndicatorScale.Normal"/>.
    /// </summary>
    public bool FitTransformed { get; init; }

    /// <summary>
    /// Multiplies the SII and its limits (e.g. 100 for percentages). When negative the polarity is reversed:
    /// the SII limits swap and the RII and its limits are inverted.
    /// </summary>
    public double Multiplier { get; init; } = 1;

    /// <summary>Monte Carlo repetitions for the limits; the reference uses 100,000 (at least 1,000).</summary>
    public int Repetitions { get; init; } = 100_000;

    /// <summary>Seed of the pseudo-random draws: the same seed and inputs give the same limits.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The confidence levels of the simulated limits.</summary>
    public IReadOnlyList<ConfidenceLevel> Levels { get; init; } = [ConfidenceLevel.Percent95, ConfidenceLevel.Percent99Point8];
}
