using Geo.Core.Bivariate;

namespace Geo.Core.Tests.Bivariate;

public sealed class SpearmanCorrelationTests
{
    [Fact]
    public void Compute_WikipediaIqAndTelevision_MatchesPublishedRho()
    {
        // Wikipedia, "Spearman's rank correlation coefficient", example: IQ against hours of television a week.
        // Ranks IQ 7,4,1,5,3,6,2,10,9,8 and TV 3,7,1,10,8,9,6,4,2,5; d² = 16,9,0,25,25,9,16,36,49,9, Σd² = 194;
        // no ties, so ρ = 1 − 6·194/(10·(10² − 1)) = −29/165 = −0.175757…
        double[] iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
        double[] tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];

        var result = SpearmanCorrelation.Compute(iq, tv);

        Assert.Equal(-29.0 / 165, result.Rho!.Value, 12);
        // z = atanh(−29/165) = −0.1776016, se = √((1 + ρ²/2)/7) = 0.3808722, 1.959964·se = 0.7464965:
        // tanh(−0.9240981) = −0.7278300, tanh(0.5688949) = 0.5145467
        Assert.Equal(-0.727830028239407, result.Lower!.Value, 9);
        Assert.Equal(0.5145466616329559, result.Upper!.Value, 9);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Compute_NoTies_EqualsTheSumOfSquaredRankDifferences()
    {
        // ranks x 1..5, y 2,1,4,3,5: d = −1,1,−1,1,0, Σd² = 4, ρ = 1 − 6·4/(5·24) = 0.8
        // z = atanh 0.8 = ½ ln 9 = 1.0986123; se = √((1 + 0.32)/2) = 0.8124038; 1.959964·se = 1.5922823
        // lower tanh(−0.4936700) = −0.4571244, upper tanh(2.6908946) = 0.9908429
        var result = SpearmanCorrelation.Compute([1.0, 2, 3, 4, 5], [20.0, 10, 40, 30, 50]);

        Assert.Equal(0.8, result.Rho!.Value, 12);
        Assert.Equal(-0.45712438880529616, result.Lower!.Value, 9);
        Assert.Equal(0.9908429478778042, result.Upper!.Value, 9);
        Assert.Equal(0.95, result.Level);
    }

    [Fact]
    public void Compute_Ties_PearsonOfMidRanks()
    {
        // x = 1,2,2,3 → ranks 1, 2.5, 2.5, 4; y ranks 1,2,3,4; both means 2.5.
        // deviations x −1.5,0,0,1.5 and y −1.5,−0.5,0.5,1.5: Sxy = 4.5, Sxx = 4.5, Syy = 5,
        // ρ = 4.5/√22.5 = 3/√10 = 0.9486833 (the no-ties formula would give 1 − 6·0.5/60 = 0.95)
        var result = SpearmanCorrelation.Compute([1.0, 2, 2, 3], [1.0, 2, 3, 4]);

        Assert.Equal(3 / Math.Sqrt(10), result.Rho!.Value, 12);
        // n = 4: se = √((1 + 0.45)/1) = 1.2041595; tanh(1.8184465 ∓ 2.3601100) = −0.4942455, 0.9995307
        Assert.Equal(-0.49424554429978584, result.Lower!.Value, 9);
        Assert.Equal(0.9995306673519048, result.Upper!.Value, 9);
    }

    [Fact]
    public void Compute_ReversedOrder_NegatesRhoAndMirrorsTheInterval()
    {
        var up = SpearmanCorrelation.Compute([1.0, 2, 3, 4, 5], [20.0, 10, 40, 30, 50]);
        var down = SpearmanCorrelation.Compute([1.0, 2, 3, 4, 5], [-20.0, -10, -40, -30, -50]);

        Assert.Equal(-0.8, down.Rho!.Value, 12);
        Assert.Equal(-up.Upper!.Value, down.Lower!.Value, 12);
        Assert.Equal(-up.Lower!.Value, down.Upper!.Value, 12);
    }

    [Fact]
    public void Compute_ThreePairs_RhoWithoutIntervalAndSaysWhy()
    {
        // n − 3 = 0: the Bonett–Wright standard error is undefined
        var result = SpearmanCorrelation.Compute([1.0, 2, 3], [1.0, 3, 2]);

        // ranks 1,2,3 and 1,3,2: d = 0,−1,1, ρ = 1 − 6·2/24 = 0.5
        Assert.Equal(0.5, result.Rho!.Value, 12);
        Assert.Null(result.Lower);
        Assert.Null(result.Upper);
        Assert.Contains("at least 4", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OneVariableConstant_NoRhoAndSaysWhich()
    {
        var result = SpearmanCorrelation.Compute([1.0, 2, 3, 4], [5.0, 5, 5, 5]);

        Assert.Null(result.Rho);
        Assert.Contains("of y are equal", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PerfectAgreement_IntervalCollapsesToOne()
    {
        var result = SpearmanCorrelation.Compute([1.0, 2, 3, 4, 5], [2.0, 4, 8, 16, 32]);

        Assert.Equal(1.0, result.Rho);
        Assert.Equal(1.0, result.Lower);
        Assert.Equal(1.0, result.Upper);
    }

    [Fact]
    public void Compute_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => SpearmanCorrelation.Compute([1.0, 2], [1.0]));
    }
}
