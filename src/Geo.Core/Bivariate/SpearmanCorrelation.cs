using Geo.Core.Statistics;

namespace Geo.Core.Bivariate;

/// <summary>
/// Spearman's rank correlation ρ with a Fisher-z confidence interval using the Bonett–Wright standard error.
/// Pure; thread-safe.
/// </summary>
/// <remarks>
/// ρ is Pearson's correlation of the mid-ranks (ties averaged), so ties need no correction term. The interval is
/// tanh(atanh ρ ± z·se) with se = √((1 + ρ²/2)/(n − 3)) (Bonett DG, Wright TA (2000). Sample size requirements for
/// estimating Pearson, Kendall and Spearman correlations. <i>Psychometrika</i> 65:23–28). The standard error has
/// n − 3 in its denominator, so the interval exists only for n ≥ 4; ρ itself needs n ≥ 2 and some spread in both
/// variables (all values tied leaves no ranking to correlate). With |ρ| = 1 the interval collapses to ρ.
/// </remarks>
public static class SpearmanCorrelation
{
    /// <summary>The smallest number of pairs with an interval.</summary>
    public const int MinimumPairsForInterval = 4;

    /// <summary>ρ of the pairs (x[i], y[i]) with its interval at <paramref name="level"/> (95% by default).</summary>
    /// <exception cref="ArgumentException">x and y differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public static SpearmanResult Compute(IReadOnlyList<double> x, IReadOnlyList<double> y, ConfidenceLevel? level = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values and y has {y.Count}; Spearman's ρ needs pairs.", nameof(y));
        }

        level ??= ConfidenceLevel.Percent95;
        var n = x.Count;
        if (n < 2)
        {
            return new SpearmanResult(n, null, null, null, level.Level, $"{n} pair(s): a correlation needs at least 2, its interval at least {MinimumPairsForInterval}.");
        }

        var rx = MidRanks.Of(x);
        var ry = MidRanks.Of(y);
        var mean = (n + 1) / 2.0; // mid-ranks always sum to n(n + 1)/2
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = rx[i] - mean;
            var dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx == 0 || syy == 0)
        {
            var which = sxx == 0 ? "x" : "y";
            return new SpearmanResult(n, null, null, null, level.Level, $"All {n} values of {which} are equal: there is no ranking to correlate.");
        }

        var rho = Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
        if (n < MinimumPairsForInterval)
        {
            return new SpearmanResult(n, rho, null, null, level.Level, $"{n} pairs: the interval's standard error √((1 + ρ²/2)/(n − 3)) needs at least {MinimumPairsForInterval}.");
        }

        if (Math.Abs(rho) == 1)
        {
            return new SpearmanResult(n, rho, rho, rho, level.Level, null);
        }

        var z = Math.Atanh(rho);
        var se = Math.Sqrt((1 + (rho * rho / 2)) / (n - 3));
        return new SpearmanResult(n, rho, Math.Tanh(z - (level.Z * se)), Math.Tanh(z + (level.Z * se)), level.Level, null);
    }
}
