using System.Globalization;

namespace Geo.Core.Statistics;

/// <summary>
/// Directly age-standardised rates (DSR) with confidence limits by Dobson's method, from counts and
/// populations by age band and a standard population (e.g. the 2013 European Standard Population).
/// Pure; thread-safe.
/// </summary>
/// <remarks>
/// <para>For bands i with count Oᵢ, population nᵢ and standard population wᵢ, O = Σ Oᵢ and W = Σ wᵢ:</para>
/// <para>DSR = Σ (Oᵢ wᵢ / nᵢ) / W × multiplier, the rate the area would have with the standard's age mix;
/// var(DSR) = Σ Oᵢ (wᵢ / nᵢ)² / W² (before the multiplier).</para>
/// <para>Dobson et al. (1991), "Confidence intervals for weighted sums of Poisson parameters", Stat Med 10:457-62:
/// the limits move the DSR as far as the Poisson limits move O, scaled by the standard error per event,
/// limit = DSR + √(var/O) × (O_limit - O) × multiplier, where O_limit is Byar's lower or upper limit of O
/// (<see cref="PoissonInterval.CalculateByars"/>). This is OHID's method (technical guidance, DSR chapter)
/// and PHEindicatormethods <c>calculate_dsr</c>.</para>
/// <para>Small numbers: OHID does not publish a DSR when the total count is below 10; the result then
/// carries the reason instead of a value.</para>
/// <para>Non-independent events (one person admitted several times): give the people by number of events;
/// events are Σ f × people_f and the variance becomes Σ_f f² var_f, where var_f is the Dobson variance of
/// the people with f events (OHID technical guidance; <c>calculate_dsr(independent_events = FALSE)</c>).</para>
/// </remarks>
public static class DirectlyStandardisedRate
{
    /// <summary>No DSR is calculated when the total count is below this (OHID).</summary>
    public const double MinimumTotalCount = 10;

    /// <summary>The DSR of events assumed independent (each person counted once per event).</summary>
    /// <param name="counts">Events in each age band (zero or more).</param>
    /// <param name="populations">Population in each age band (greater than zero).</param>
    /// <param name="standardPopulations">Standard population of each age band (zero or more), e.g. ESP2013's 19 bands.</param>
    /// <param name="multiplier">Scale of the result, e.g. 100,000 for a DSR per 100,000.</param>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or a figure is out of range; the message names the band.</exception>
    public static DsrResult Calculate(
        IReadOnlyList<double> counts,
        IReadOnlyList<double> populations,
        IReadOnlyList<double> standardPopulations,
        double multiplier,
        ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Validate(populations, standardPopulations, counts.Count, multiplier, level);
        ValidateCounts(counts, nameof(counts), i => $"Age band {i + 1} has a count of");
        var weightTotal = standardPopulations.Sum();
        var variance = 0.0;
        for (var i = 0; i < counts.Count; i++)
        {
            var weight = standardPopulations[i] / populations[i];
            variance += counts[i] * weight * weight;
        }

        return Build(counts, populations, standardPopulations, variance / (weightTotal * weightTotal), multiplier, level, IntervalMethod.Dobson);
    }

    /// <summary>The DSR of events that may recur in the same person, from people counted by how many events they had.</summary>
    /// <param name="peopleByEventFrequency">For each age band, the number of people with 1, 2, 3 … events
    /// (element k is people with k + 1 events).</param>
    /// <param name="populations">Population in each age band (greater than zero).</param>
    /// <param name="standardPopulations">Standard population of each age band (zero or more).</param>
    /// <param name="multiplier">Scale of the result, e.g. 100,000.</param>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or a figure is out of range; the message names the band.</exception>
    public static DsrResult CalculateNonIndependent(
        IReadOnlyList<IReadOnlyList<double>> peopleByEventFrequency,
        IReadOnlyList<double> populations,
        IReadOnlyList<double> standardPopulations,
        double multiplier,
        ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(peopleByEventFrequency);
        Validate(populations, standardPopulations, peopleByEventFrequency.Count, multiplier, level);
        var events = new double[peopleByEventFrequency.Count];
        var weightTotal = standardPopulations.Sum();
        var variance = 0.0;
        for (var i = 0; i < events.Length; i++)
        {
            var people = peopleByEventFrequency[i] ?? throw new ArgumentException($"Age band {i + 1} has no list of people by event frequency.", nameof(peopleByEventFrequency));
            var band = i + 1;
            ValidateCounts(people, nameof(peopleByEventFrequency), k => $"Age band {band} has a count of people with {k + 1} events of");
            var weight = standardPopulations[i] / populations[i];
            for (var k = 0; k < people.Count; k++)
            {
                var frequency = k + 1;
                events[i] += frequency * people[k];
                variance += frequency * frequency * people[k] * weight * weight;
            }
        }

        return Build(events, populations, standardPopulations, variance / (weightTotal * weightTotal), multiplier, level, IntervalMethod.DobsonNonIndependent);
    }

    private static DsrResult Build(
        IReadOnlyList<double> counts,
        IReadOnlyList<double> populations,
        IReadOnlyList<double> standardPopulations,
        double variance,
        double multiplier,
        ConfidenceLevel level,
        IntervalMethod method)
    {
        var totalCount = counts.Sum();
        var totalPopulation = populations.Sum();
        if (totalCount < MinimumTotalCount)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"DSR not calculated: {totalCount:0.###} events, fewer than {MinimumTotalCount} (OHID does not publish DSRs below 10 events).");
            return new DsrResult(totalCount, totalPopulation, null, reason);
        }

        var weighted = 0.0;
        for (var i = 0; i < counts.Count; i++)
        {
            weighted += counts[i] * standardPopulations[i] / populations[i];
        }

        var value = weighted / standardPopulations.Sum() * multiplier;
        var perEvent = Math.Sqrt(variance / totalCount) * multiplier;
        var byars = PoissonInterval.CalculateByars(totalCount, level);
        var estimate = new Estimate(
            value,
            value + (perEvent * (byars.Lower - totalCount)),
            value + (perEvent * (byars.Upper - totalCount)),
            level,
            method);
        return new DsrResult(totalCount, totalPopulation, estimate, null);
    }

    private static void Validate(
        IReadOnlyList<double> populations, IReadOnlyList<double> standardPopulations, int bands, double multiplier, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(standardPopulations);
        ArgumentNullException.ThrowIfNull(level);
        CrudeRate.ValidatePositive(multiplier, nameof(multiplier));
        if (populations.Count != bands || standardPopulations.Count != bands)
        {
            throw new ArgumentException(
                $"Counts, populations and standard populations must have the same number of age bands (got {bands}, {populations.Count} and {standardPopulations.Count}).",
                nameof(populations));
        }

        if (bands == 0)
        {
            throw new ArgumentException("At least one age band is needed.", nameof(populations));
        }

        for (var i = 0; i < bands; i++)
        {
            if (!(populations[i] > 0) || double.IsInfinity(populations[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Age band {i + 1} has a population of {populations[i]}: every band's population must be greater than zero (a DSR divides each band's count by it)."),
                    nameof(populations));
            }

            if (!(standardPopulations[i] >= 0) || double.IsInfinity(standardPopulations[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Age band {i + 1} has a standard population of {standardPopulations[i]}: standard populations must be zero or more."),
                    nameof(standardPopulations));
            }
        }

        if (!(standardPopulations.Sum() > 0))
        {
            throw new ArgumentException("The standard populations add up to zero: at least one band needs a weight.", nameof(standardPopulations));
        }
    }

    private static void ValidateCounts(IReadOnlyList<double> counts, string parameter, Func<int, string> describe)
    {
        for (var i = 0; i < counts.Count; i++)
        {
            if (!(counts[i] >= 0) || double.IsInfinity(counts[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{describe(i)} {counts[i]}: counts must be zero or more and finite."),
                    parameter);
            }
        }
    }
}
