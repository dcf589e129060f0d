namespace Geo.Core.Inequality;

/// <summary>
/// Global empirical Bayes smoothing of rates (Marshall 1991): steadies the rates of small populations by
/// shrinking each toward the overall rate, the more the smaller its population. Pure; thread-safe.
/// </summary>
/// <remarks>
/// With crude rates rᵢ = Oᵢ/Nᵢ over k areas: B = ΣO/ΣN, N̄ = ΣN/k, s² = Σ Nᵢ(rᵢ − B)² / ΣN and the
/// method-of-moments prior variance A = s² − B/N̄ (set to 0 if negative). Each area's weight is
/// Cᵢ = A/(A + B/Nᵢ) and its smoothed rate θᵢ = B + Cᵢ(rᵢ − B). When A = 0 every rate becomes B.
/// Reference: Marshall RJ (1991). Mapping disease and mortality rates using empirical Bayes estimators.
/// <i>Applied Statistics</i> 40:283–294.
/// </remarks>
public static class EmpiricalBayes
{
    /// <summary>Smooths the rates of areas with event counts <paramref name="counts"/> and populations <paramref name="populations"/>.</summary>
    /// <exception cref="ArgumentException">Counts and populations differ in length, there are none, a count is negative, a population is not positive, or there are no events.</exception>
    public static EmpiricalBayesResult SmoothGlobal(IReadOnlyList<double> counts, IReadOnlyList<double> populations)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(populations);
        var k = counts.Count;
        if (k == 0 || populations.Count != k)
        {
            throw new ArgumentException($"{counts.Count} counts for {populations.Count} populations.", nameof(populations));
        }

        double events = 0, people = 0;
        for (var i = 0; i < k; i++)
        {
            if (!(counts[i] >= 0) || !double.IsFinite(counts[i]))
            {
                throw new ArgumentException($"Area {i} has count {counts[i]}.", nameof(counts));
            }

            if (!(populations[i] > 0) || !double.IsFinite(populations[i]))
            {
                throw new ArgumentException($"Area {i} has population {populations[i]}; populations must be positive.", nameof(populations));
            }

            events += counts[i];
            people += populations[i];
        }

        if (events == 0)
        {
            throw new ArgumentException("There are no events to smooth toward.", nameof(counts));
        }

        var b = events / people;
        var spread = 0.0;
        for (var i = 0; i < k; i++)
        {
            var d = (counts[i] / populations[i]) - b;
            spread += populations[i] * d * d;
        }

        var a = Math.Max(0, (spread / people) - (b / (people / k)));
        var rates = new double[k];
        var weights = new double[k];
        for (var i = 0; i < k; i++)
        {
            weights[i] = a > 0 ? a / (a + (b / populations[i])) : 0;
            rates[i] = b + (weights[i] * ((counts[i] / populations[i]) - b));
        }

        return new EmpiricalBayesResult(rates, weights, b, a);
    }
}
