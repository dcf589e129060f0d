using Geo.Core.Inequality;

namespace Geo.Core.Tests.Inequality;

public sealed class EmpiricalBayesTests
{
    [Fact]
    public void SmoothGlobal_HandExample_ShrinksSmallPopulationsMost()
    {
        // O = 2, 10, 30, 3 and N = 100, 1000, 2000, 50: crude rates 0.02, 0.01, 0.015, 0.06.
        // B = 45/3150 = 1/70; N̄ = 3150/4 = 787.5;
        // s² = Σ N(r − B)²/ΣN = 4.0362812e-5; A = s² − B/N̄ = 4.0362812e-5 − 1.8140590e-5 = 1/45000.
        // C = A/(A + B/N): N = 100 → (1/45000)/(1/45000 + 1/7000) = 7/52 = 0.134615; N = 50 → 7/97.
        // θ = B + C(r − B): 1/70 + (7/52)(0.02 − 1/70) = 0.0150549…; 1/70 + (7/97)(0.06 − 1/70) = 0.0175847…
        var result = EmpiricalBayes.SmoothGlobal([2, 10, 30, 3], [100, 1000, 2000, 50]);

        Assert.Equal(1.0 / 70, result.PriorMean, 15);
        Assert.Equal(1.0 / 45000, result.PriorVariance, 15);
        Assert.Equal(7.0 / 52, result.Weights[0], 12);
        Assert.Equal(7.0 / 97, result.Weights[3], 12);
        Assert.Equal((1.0 / 70) + (7.0 / 52 * (0.02 - (1.0 / 70))), result.Rates[0], 12);
        Assert.Equal((1.0 / 70) + (7.0 / 97 * (0.06 - (1.0 / 70))), result.Rates[3], 12);
        Assert.Equal(0.0116770186, result.Rates[1], 9);
        Assert.Equal(0.0148262548, result.Rates[2], 9);
    }

    [Fact]
    public void SmoothGlobal_NoExtraVariation_AllRatesBecomeOverallRate()
    {
        // rates differ by less than Poisson chance would make them: A = max(0, s² − B/N̄) = 0
        var result = EmpiricalBayes.SmoothGlobal([10, 11, 9], [1000, 1000, 1000]);

        Assert.Equal(0, result.PriorVariance);
        Assert.All(result.Rates, r => Assert.Equal(0.01, r, 15));
    }

    [Fact]
    public void SmoothGlobal_ZeroPopulation_Throws() =>
        Assert.Throws<ArgumentException>(() => EmpiricalBayes.SmoothGlobal([1, 2], [100, 0]));
}
