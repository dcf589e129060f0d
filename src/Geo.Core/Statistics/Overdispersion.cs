namespace Geo.Core.Statistics;

/// <summary>How a funnel plot's limits allow for variation beyond chance (overdispersion).</summary>
public enum FunnelAdjustment
{
    /// <summary>No adjustment: Poisson/binomial limits, θ ± z s.</summary>
    Poisson,

    /// <summary>Multiplicative: θ ± z s √φ, applied only when φ &gt; 1.</summary>
    Phi,

    /// <summary>Additive random effects: θ ± z √(s² + τ²), τ² by DerSimonian and Laird.</summary>
    RandomEffects,
}

/// <summary>One unit (area) of a funnel plot: its value on the indicator's scale and the standard error of
/// that value under the benchmark (the funnel's s at the unit's size).</summary>
public readonly record struct OverdispersionUnit(double Value, double StandardError);

/// <summary>
/// How much the units of a funnel plot vary beyond chance, after Spiegelhalter (2005, Stat Med 24:1185-1202,
/// "Funnel plots for comparing institutional performance", sections 3.4 and 3.5). Immutable value.
/// </summary>
/// <param name="Count">Number of units, n.</param>
/// <param name="WinsorLower">The 10th percentile of the z-scores, where lower z-scores were set.</param>
/// <param name="WinsorUpper">The 90th percentile of the z-scores, where higher z-scores were set.</param>
/// <param name="Phi">φ̂ = (1/n) Σ z², on the winsorised z-scores.</param>
/// <param name="TestStatistic">n φ̂, χ²(n - 1) when there is no overdispersion.</param>
/// <param name="PValue">P(χ²(n - 1) ≥ n φ̂).</param>
/// <param name="TauSquared">DerSimonian-Laird τ̂² = max(0, (n φ̂ - (n - 1)) / (Σw - Σw²/Σw)), w = 1/s².</param>
public readonly record struct OverdispersionEstimate(
    int Count, double WinsorLower, double WinsorUpper, double Phi, double TestStatistic, double PValue, double TauSquared)
{
    /// <summary>Random effects when the test finds overdispersion (p &lt; 0.05), otherwise Poisson.</summary>
    public FunnelAdjustment DefaultAdjustment =>
        PValue < Overdispersion.TestSignificance ? FunnelAdjustment.RandomEffects : FunnelAdjustment.Poisson;

    /// <summary>
    /// Limits θ ± z s (Poisson), θ ± z s √φ̂ (φ, only when φ̂ &gt; 1) or θ ± z √(s² + τ̂²) (random effects)
    /// for a unit with standard error <paramref name="standardError"/>. Not clamped: the caller keeps them
    /// within the indicator's range.
    /// </summary>
    public ControlLimits Limits(double target, double standardError, ConfidenceLevel level, FunnelAdjustment adjustment)
    {
        ArgumentNullException.ThrowIfNull(level);
        var spread = adjustment switch
        {
            FunnelAdjustment.Poisson => standardError,
            FunnelAdjustment.Phi => standardError * Math.Sqrt(Math.Max(1, Phi)),
            FunnelAdjustment.RandomEffects => Math.Sqrt((standardError * standardError) + TauSquared),
            _ => throw new ArgumentOutOfRangeException(nameof(adjustment), adjustment, "Unknown funnel adjustment."),
        };
        return new ControlLimits(target - (level.Z * spread), target + (level.Z * spread));
    }
}

/// <summary>
/// Estimates overdispersion among a funnel plot's units (Spiegelhalter 2005): z-scores z = (y - θ)/s,
/// winsorised at their 10th and 90th percentiles, φ̂ = (1/n) Σ z², the test n φ̂ against χ²(n - 1) and
/// the additive DerSimonian-Laird τ̂². Pure; thread-safe.
/// </summary>
/// <remarks>Percentiles are R's default (type 7) linear interpolation, h = (n - 1) p, as DescTools
/// <c>Winsorize</c> and so FunnelPlotR use them.</remarks>
public static class Overdispersion
{
    /// <summary>The share of z-scores winsorised at each end.</summary>
    public const double WinsorisedFraction = 0.1;

    /// <summary>The test's level below which random effects become the default.</summary>
    public const double TestSignificance = 0.05;

    /// <summary>The words of <see cref="FunnelAdjustment"/>, in order.</summary>
    public static IReadOnlyList<string> Words { get; } = ["poisson", "phi", "random-effects"];

    /// <summary>The adjustment's word: poisson, phi or random-effects.</summary>
    public static string Word(this FunnelAdjustment adjustment) => Words[(int)adjustment];

    /// <summary>Estimates φ̂, τ̂² and the test for <paramref name="units"/> around <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 units, or a unit whose value is not finite or whose
    /// standard error is not positive and finite (the message names its index).</exception>
    public static OverdispersionEstimate Estimate(IReadOnlyList<OverdispersionUnit> units, double target)
    {
        ArgumentNullException.ThrowIfNull(units);
        var n = units.Count;
        if (n < 2)
        {
            throw new ArgumentException($"Overdispersion needs at least 2 units; got {n}.", nameof(units));
        }

        if (!double.IsFinite(target))
        {
            throw new ArgumentException($"The target must be finite; got {target}.", nameof(target));
        }

        var z = new double[n];
        double sumW = 0, sumW2 = 0;
        for (var i = 0; i < n; i++)
        {
            var (value, s) = (units[i].Value, units[i].StandardError);
            if (!double.IsFinite(value) || !(s > 0) || !double.IsFinite(s))
            {
                throw new ArgumentException(
                    $"Overdispersion: unit {i} has value {value} and standard error {s}; the value must be finite and the standard error positive and finite.",
                    nameof(units));
            }

            z[i] = (value - target) / s;
            var w = 1 / (s * s);
            sumW += w;
            sumW2 += w * w;
        }

        var sorted = (double[])z.Clone();
        Array.Sort(sorted);
        var lower = Percentile(sorted, WinsorisedFraction);
        var upper = Percentile(sorted, 1 - WinsorisedFraction);
        double sumZ2 = 0;
        foreach (var zi in z)
        {
            var winsorised = Math.Clamp(zi, lower, upper);
            sumZ2 += winsorised * winsorised;
        }

        var phi = sumZ2 / n;
        var statistic = n * phi;
        var p = GammaFunctions.UpperRegularized(0.5 * (n - 1), 0.5 * statistic);
        var tau2 = Math.Max(0, (statistic - (n - 1)) / (sumW - (sumW2 / sumW)));
        return new OverdispersionEstimate(n, lower, upper, phi, statistic, p, tau2);
    }

    /// <summary>The <paramref name="p"/> quantile of ascending <paramref name="sorted"/>, R type 7.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }
}
