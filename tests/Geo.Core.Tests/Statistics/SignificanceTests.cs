using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

public class SignificanceTests
{
    [Theory]
    [InlineData(110, 130, 100, Comparison.Higher)]
    [InlineData(80, 95, 100, Comparison.Lower)]
    [InlineData(90, 110, 100, Comparison.Similar)]
    [InlineData(100, 110, 100, Comparison.Similar)] // touching the benchmark is not a difference
    [InlineData(90, 100, 100, Comparison.Similar)]
    public void Compare_BenchmarkOutsideInterval_IsSignificant(double lower, double upper, double benchmark, Comparison expected) =>
        Assert.Equal(expected, Significance.Compare(new ConfidenceInterval(lower, upper), benchmark));

    [Fact]
    public void Compare_MissingFigures_AreNotCompared()
    {
        Assert.Equal(Comparison.NotCompared, Significance.Compare(new ConfidenceInterval(1, 2), double.NaN));
        Assert.Equal(Comparison.NotCompared, Significance.Compare(new ConfidenceInterval(double.NaN, 2), 1.5));
        Assert.Equal(Comparison.NotCompared, Significance.Compare((Estimate?)null, 1.5));
    }

    [Fact]
    public void Compare_Estimate_UsesItsInterval()
    {
        var rate = CrudeRate.Calculate(100, 50_000, 100_000, ConfidenceLevel.Percent95); // 200 (162.7 to 243.3)

        Assert.Equal(Comparison.Higher, Significance.Compare(rate, 150));
        Assert.Equal(Comparison.Similar, Significance.Compare(rate, 200));
        Assert.Equal(Comparison.Lower, Significance.Compare(rate, 250));
    }

    [Theory]
    [InlineData(Comparison.Higher, Polarity.HigherIsWorse, Judgement.Worse)]
    [InlineData(Comparison.Lower, Polarity.HigherIsWorse, Judgement.Better)]
    [InlineData(Comparison.Higher, Polarity.HigherIsBetter, Judgement.Better)]
    [InlineData(Comparison.Lower, Polarity.HigherIsBetter, Judgement.Worse)]
    [InlineData(Comparison.Similar, Polarity.HigherIsWorse, Judgement.Similar)]
    [InlineData(Comparison.Similar, Polarity.NoJudgement, Judgement.Similar)]
    [InlineData(Comparison.Higher, Polarity.NoJudgement, Judgement.NotJudged)]
    [InlineData(Comparison.Lower, Polarity.NoJudgement, Judgement.NotJudged)]
    [InlineData(Comparison.NotCompared, Polarity.HigherIsWorse, Judgement.NotCompared)]
    [InlineData(Comparison.NotCompared, Polarity.NoJudgement, Judgement.NotCompared)]
    public void Judge_MapsComparisonByPolarity(Comparison comparison, Polarity polarity, Judgement expected) =>
        Assert.Equal(expected, Significance.Judge(comparison, polarity));
}
