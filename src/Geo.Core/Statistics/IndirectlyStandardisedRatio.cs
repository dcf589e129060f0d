using System.Globalization;

namespace Geo.Core.Statistics;

/// <summary>
/// Indirectly standardised ratios (SMR, SAR: observed / expected) and indirectly standardised rates, with
/// Poisson confidence limits. Pure; thread-safe.
/// </summary>
/// <remarks>
/// <para>Expected events E = Σ nᵢ rᵢ: the area's population in each age band times the reference
/// (e.g. England) rate for that band, rᵢ = reference countᵢ / reference populationᵢ.</para>
/// <para>Ratio = O / E × multiplier (1 for a plain ratio, 100 for an SMR/SAR where 100 is "as expected").
/// Limits are the Poisson limits of O divided by E: [L/E, U/E] × multiplier, with L and U exact below 10
/// events and Byar's from 10 (<see cref="PoissonInterval.Calculate"/>); E is treated as fixed.</para>
/// <para>Indirectly standardised rate = O / E × the reference's crude rate (Σ reference counts / Σ reference
/// populations, per 100,000 say), limits likewise.</para>
/// <para>References: OHID "Public health indicator technical guidance" (ISR chapter); Breslow and Day
/// (1987); PHEindicatormethods <c>calculate_ISRatio</c> and <c>calculate_ISRate</c>.</para>
/// </remarks>
public static class IndirectlyStandardisedRatio
{
    /// <summary>Expected events Σ populationᵢ × referenceRateᵢ.</summary>
    /// <param name="populations">The area's population in each age band (zero or more).</param>
    /// <param name="referenceRates">The reference rate per person in each band (zero or more), e.g. England's count / population.</param>
    /// <exception cref="ArgumentException">The lists differ in length, or a figure is negative or not finite.</exception>
    public static double CalculateExpected(IReadOnlyList<double> populations, IReadOnlyList<double> referenceRates)
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(referenceRates);
        if (populations.Count != referenceRates.Count)
        {
            throw new ArgumentException(
                $"Populations and reference rates must have the same number of age bands (got {populations.Count} and {referenceRates.Count}).",
                nameof(referenceRates));
        }

        var expected = 0.0;
        for (var i = 0; i < populations.Count; i++)
        {
            if (!(populations[i] >= 0) || double.IsInfinity(populations[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Age band {i + 1} has a population of {populations[i]}: populations must be zero or more."),
                    nameof(populations));
            }

            if (!(referenceRates[i] >= 0) || double.IsInfinity(referenceRates[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Age band {i + 1} has a reference rate of {referenceRates[i]}: rates must be zero or more."),
                    nameof(referenceRates));
            }

            expected += populations[i] * referenceRates[i];
        }

        return expected;
    }

    /// <summary>The ratio O / E × <paramref name="multiplier"/> and its limits.</summary>
    /// <param name="multiplier">1 for a ratio, 100 for an SMR/SAR.</param>
    /// <exception cref="ArgumentOutOfRangeException">Observed is negative, expected not positive, or either not finite.</exception>
    public static Estimate Calculate(double observed, double expected, ConfidenceLevel level, double multiplier = 1)
    {
        CrudeRate.ValidatePositive(multiplier, nameof(multiplier));
        return Scaled(observed, expected, multiplier, level);
    }

    /// <summary>The indirectly standardised rate O / E × <paramref name="referenceRate"/> and its limits.</summary>
    /// <param name="referenceRate">The reference population's crude rate, in the units wanted (e.g. 9,349.9 per 100,000).</param>
    /// <exception cref="ArgumentOutOfRangeException">Observed is negative, expected or the reference rate not positive, or not finite.</exception>
    public static Estimate CalculateRate(double observed, double expected, double referenceRate, ConfidenceLevel level)
    {
        CrudeRate.ValidatePositive(referenceRate, nameof(referenceRate));
        return Scaled(observed, expected, referenceRate, level);
    }

    private static Estimate Scaled(double observed, double expected, double factor, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        PoissonInterval.ValidateCount(observed, nameof(observed));
        CrudeRate.ValidatePositive(expected, nameof(expected));
        var poisson = PoissonInterval.Calculate(observed, level);
        var scale = factor / expected;
        return new Estimate(observed * scale, poisson.Lower * scale, poisson.Upper * scale, level, poisson.Method);
    }
}
