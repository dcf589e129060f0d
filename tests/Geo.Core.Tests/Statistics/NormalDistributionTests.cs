using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

public class NormalDistributionTests
{
    // Quantiles to 16 figures as tabulated (and as Python's statistics.NormalDist, Wichura's AS241, gives).
    [Theory]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.999, 3.090232306167813)]
    [InlineData(0.025, -1.9599639845400538)]
    [InlineData(0.8413447460685429, 1.0)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(1e-300, -37.0470962993612)]
    public void InverseCdf_KnownProbabilities_GivesTabulatedQuantile(double p, double z) =>
        Assert.Equal(z, NormalDistribution.InverseCdf(p), 1e-13 * Math.Max(1, Math.Abs(z)));

    [Fact]
    public void InverseCdf_Half_IsZero() => Assert.Equal(0, NormalDistribution.InverseCdf(0.5), 1e-15);

    [Fact]
    public void InverseCdf_Ends_AreInfinite()
    {
        Assert.Equal(double.NegativeInfinity, NormalDistribution.InverseCdf(0));
        Assert.Equal(double.PositiveInfinity, NormalDistribution.InverseCdf(1));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void InverseCdf_OutsideZeroToOne_Throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.InverseCdf(p));

    // Φ(x) = erfc(-x/√2)/2; values from the error function to full precision.
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(-1, 0.15865525393145707)]
    [InlineData(3, 0.9986501019683699)]
    [InlineData(1.9599639845400536, 0.975)]
    [InlineData(-8, 6.220960574271819e-16)]
    [InlineData(-30, 4.906713927148764e-198)]
    public void Cdf_KnownPoints_MatchesErrorFunction(double x, double p) =>
        Assert.True(ReferenceComparison.RelativeError(p, NormalDistribution.Cdf(x)) < 1e-13, $"Φ({x}) = {NormalDistribution.Cdf(x):R}, want {p:R}");

    [Theory]
    [InlineData(1e-12)]
    [InlineData(0.001)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.77)]
    [InlineData(0.999999)]
    public void InverseCdf_RoundTripsThroughCdf(double p) =>
        Assert.True(ReferenceComparison.RelativeError(p, NormalDistribution.Cdf(NormalDistribution.InverseCdf(p))) < 1e-13);
}
