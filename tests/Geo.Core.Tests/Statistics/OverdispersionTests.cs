using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

public class OverdispersionTests
{
    private const double Target = 10;
    private const double Z95 = 1.959963984540054;

    // Ten units around θ = 10 with z-scores -3, -1, -1, 0, 0, 1, 1, 2, 2, 4 and standard errors 1 or 2
    // (value y = θ + z s), worked by hand:
    // Winsorising (R's default quantile, type 7: h = (n - 1) p): the 10th percentile at h = 0.9 is
    // -3 + 0.9 (-1 - -3) = -1.2, the 90th at h = 8.1 is 2 + 0.1 (4 - 2) = 2.2, so -3 → -1.2 and 4 → 2.2.
    // Σ z² = 1.44 + 1 + 1 + 0 + 0 + 1 + 1 + 4 + 4 + 4.84 = 18.28; φ = 18.28 / 10 = 1.828.
    // Test: n φ = 18.28 against χ²(9). For odd ν the upper tail has a closed form,
    // Q = erfc(√(x/2)) + √(2x/π) e^(-x/2) (1 + x/3 + x²/15 + x³/105) = 0.0320605547 (below 0.05: overdispersed).
    // DerSimonian-Laird: w = 1 (s = 1, five units) or 0.25 (s = 2, five units): Σw = 6.25, Σw² = 5.3125,
    // Σw - Σw²/Σw = 6.25 - 0.85 = 5.4; τ² = (18.28 - 9) / 5.4 = 1.718518518...
    private static readonly (double Z, double S)[] Overdispersed =
    [
        (-3, 1), (-1, 2), (-1, 1), (0, 2), (0, 1), (1, 2), (1, 1), (2, 2), (2, 1), (4, 2),
    ];

    private static OverdispersionUnit[] Units((double Z, double S)[] zs) =>
        [.. zs.Select(u => new OverdispersionUnit(Target + (u.Z * u.S), u.S))];

    [Fact]
    public void Estimate_HandWorkedTenUnits_WinsorisedPhiTauSquaredAndTest()
    {
        var estimate = Overdispersion.Estimate(Units(Overdispersed), Target);

        Assert.Equal(10, estimate.Count);
        Assert.Equal(-1.2, estimate.WinsorLower, 1e-12);
        Assert.Equal(2.2, estimate.WinsorUpper, 1e-12);
        Assert.Equal(1.828, estimate.Phi, 1e-12);
        Assert.Equal(18.28, estimate.TestStatistic, 1e-11);
        Assert.Equal(0.03206055472110357, estimate.PValue, 1e-10);
        Assert.Equal(9.28 / 5.4, estimate.TauSquared, 1e-12);
        Assert.Equal(FunnelAdjustment.RandomEffects, estimate.DefaultAdjustment);
    }

    // s = 2 at 95%: φ limits 10 ± 1.959964 × 2 × √1.828 = 4.700118 to 15.299882;
    // random effects 10 ± 1.959964 × √(4 + 1.7185185) = 5.313055 to 14.686945; Poisson 10 ± 1.959964 × 2.
    [Fact]
    public void Limits_HandWorkedTenUnits_PhiAndRandomEffectsWiden()
    {
        var estimate = Overdispersion.Estimate(Units(Overdispersed), Target);

        var phi = estimate.Limits(Target, 2, ConfidenceLevel.Percent95, FunnelAdjustment.Phi);
        var random = estimate.Limits(Target, 2, ConfidenceLevel.Percent95, FunnelAdjustment.RandomEffects);
        var poisson = estimate.Limits(Target, 2, ConfidenceLevel.Percent95, FunnelAdjustment.Poisson);

        Assert.Equal(4.700118218590584, phi.Lower, 1e-9);
        Assert.Equal(15.299881781409416, phi.Upper, 1e-9);
        Assert.Equal(5.313055003068025, random.Lower, 1e-9);
        Assert.Equal(14.686944996931974, random.Upper, 1e-9);
        Assert.Equal(Target - (Z95 * 2), poisson.Lower, 1e-9);
        Assert.Equal(Target + (Z95 * 2), poisson.Upper, 1e-9);
    }

    // Five units, s = 1, z = -1, -0.5, 0, 0.5, 1. Percentiles: h = 0.4 → -1 + 0.4 × 0.5 = -0.8;
    // h = 3.6 → 0.5 + 0.6 × 0.5 = 0.8. Σ z² = 0.64 + 0.25 + 0 + 0.25 + 0.64 = 1.78, φ = 0.356.
    // χ²(4) upper tail at 1.78 (even ν): e^(-0.89) (1 + 0.89) = 0.776139. τ² = max(0, 1.78 - 4) / … = 0.
    [Fact]
    public void Estimate_UnderdispersedUnits_PoissonDefaultAndLimitsUnchanged()
    {
        var estimate = Overdispersion.Estimate(Units([(-1, 1), (-0.5, 1), (0, 1), (0.5, 1), (1, 1)]), Target);

        Assert.Equal(0.356, estimate.Phi, 1e-12);
        Assert.Equal(0.776139372701933, estimate.PValue, 1e-10);
        Assert.Equal(0, estimate.TauSquared);
        Assert.Equal(FunnelAdjustment.Poisson, estimate.DefaultAdjustment);
        var phi = estimate.Limits(Target, 1, ConfidenceLevel.Percent99Point8, FunnelAdjustment.Phi);
        Assert.Equal(Target - 3.090232306167813, phi.Lower, 1e-9);
        Assert.Equal(Target + 3.090232306167813, phi.Upper, 1e-9);
    }

    [Fact]
    public void Estimate_OrderOfUnits_DoesNotMatter()
    {
        var forward = Overdispersion.Estimate(Units(Overdispersed), Target);
        var backward = Overdispersion.Estimate([.. Units(Overdispersed).Reverse()], Target);

        Assert.Equal(forward.Phi, backward.Phi, 1e-15);
        Assert.Equal(forward.TauSquared, backward.TauSquared, 1e-15);
    }

    [Fact]
    public void Estimate_OneUnit_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Overdispersion.Estimate([new OverdispersionUnit(1, 1)], Target));
        Assert.Contains("at least 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_ZeroStandardError_ThrowsNamingTheUnit()
    {
        var units = new[] { new OverdispersionUnit(1, 1), new OverdispersionUnit(2, 0) };

        var ex = Assert.Throws<ArgumentException>(() => Overdispersion.Estimate(units, Target));
        Assert.Contains("unit 1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("poisson", FunnelAdjustment.Poisson)]
    [InlineData("phi", FunnelAdjustment.Phi)]
    [InlineData("random-effects", FunnelAdjustment.RandomEffects)]
    public void FunnelAdjustmentName_RoundTrips(string word, FunnelAdjustment adjustment) =>
        Assert.Equal(word, adjustment.Word());
}
