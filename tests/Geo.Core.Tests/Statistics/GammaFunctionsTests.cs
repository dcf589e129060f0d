using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

public class GammaFunctionsTests
{
    [Theory]
    [InlineData(0.5, 0.57236494292470008)] // ln √π
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(10, 12.801827480081469)] // ln 9!
    [InlineData(3.7, 1.4280723266653883)]
    [InlineData(100.5, 361.4355404677776)]
    [InlineData(1e-8, 18.42068073818021)]
    [InlineData(1e7 + 0.5, 151180957.42852172)]
    public void LogGamma_KnownValues(double x, double expected) =>
        Assert.Equal(expected, GammaFunctions.LogGamma(x), 2e-14 * Math.Max(1, Math.Abs(expected)));

    // Closed forms: P(1,x) = 1 - e^-x; P(2,x) = 1 - e^-x (1 + x); Q(½, y²) = erfc(y);
    // Q(n, x) for whole n is the Poisson probability of at most n - 1 events with mean x.
    [Theory]
    [InlineData(1, 0.7, 0.5034146962085905)]
    [InlineData(2, 3, 0.8008517265285442)]
    [InlineData(0.5, 9, 1 - 2.209049699858544e-05)]
    [InlineData(0.5, 0.01, 1 - 0.8875370839817152)]
    [InlineData(10, 5, 1 - 0.9681719426937944)]
    [InlineData(30, 10, 2.5099512015279213e-07)] // Σ_{k≥30} e^-10 10^k / k!
    public void LowerRegularized_ClosedForms(double a, double x, double expected) =>
        Assert.True(
            ReferenceComparison.RelativeError(expected, GammaFunctions.LowerRegularized(a, x)) < 1e-12,
            $"P({a},{x}) = {GammaFunctions.LowerRegularized(a, x):R}, want {expected:R}");

    [Theory]
    [InlineData(0.5, 9, 2.209049699858544e-05)]
    [InlineData(10, 5, 0.9681719426937944)]
    [InlineData(30, 10, 0.999999749004885)]
    [InlineData(1000, 1000, 0.495794755819712)]
    [InlineData(1000, 1100, 0.0010593232539296386)]
    public void UpperRegularized_PoissonSums(double a, double x, double expected) =>
        Assert.True(
            ReferenceComparison.RelativeError(expected, GammaFunctions.UpperRegularized(a, x)) < 1e-11,
            $"Q({a},{x}) = {GammaFunctions.UpperRegularized(a, x):R}, want {expected:R}");

    [Fact]
    public void UpperRegularized_MillionShape_MatchesPoissonSum()
    {
        // Poisson sum of a million terms; the reference's own log-gamma carries ~2e-9 of error.
        var q = GammaFunctions.UpperRegularized(1e6, 1e6 + 1000);
        Assert.True(ReferenceComparison.RelativeError(0.15865521375810474, q) < 1e-8, q.ToString("R"));
    }

    [Theory]
    [InlineData(0.3, 0.2)]
    [InlineData(1, 5)]
    [InlineData(7.5, 3)]
    [InlineData(50, 60)]
    [InlineData(12345.6, 12000)]
    public void LowerAndUpper_SumToOne(double a, double x) =>
        Assert.Equal(1, GammaFunctions.LowerRegularized(a, x) + GammaFunctions.UpperRegularized(a, x), 1e-14);

    [Fact]
    public void ChiSquaredQuantile_OneDegree_IsSquareOfNormalQuantile() =>
        Assert.Equal(3.841458820694124, GammaFunctions.ChiSquaredQuantile(0.95, 1), 1e-13);

    [Fact]
    public void ChiSquaredQuantile_TwoDegrees_IsMinusTwiceLogTail() =>
        Assert.Equal(-2 * Math.Log(0.025), GammaFunctions.ChiSquaredQuantile(0.975, 2), 1e-13);

    [Theory]
    [InlineData(0.5, 0.025)]
    [InlineData(1, 0.975)]
    [InlineData(5, 0.001)]
    [InlineData(6, 0.999)]
    [InlineData(123.4, 0.3)]
    [InlineData(7776457, 0.975)]
    [InlineData(0.01, 0.5)]
    public void InverseLowerRegularized_RoundTrips(double a, double p)
    {
        var x = GammaFunctions.InverseLowerRegularized(a, p);
        var back = p <= 0.5 ? GammaFunctions.LowerRegularized(a, x) : 1 - GammaFunctions.UpperRegularized(a, x);
        Assert.True(ReferenceComparison.RelativeError(p, back) < 1e-12, $"P({a}, {x:R}) = {back:R}, want {p}");
    }

    [Fact]
    public void InverseLowerRegularized_Ends()
    {
        Assert.Equal(0, GammaFunctions.InverseLowerRegularized(3, 0));
        Assert.Equal(double.PositiveInfinity, GammaFunctions.InverseLowerRegularized(3, 1));
    }

    [Fact]
    public void Functions_RejectBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GammaFunctions.LowerRegularized(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GammaFunctions.UpperRegularized(1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GammaFunctions.InverseLowerRegularized(1, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => GammaFunctions.LogGamma(-1));
    }
}
