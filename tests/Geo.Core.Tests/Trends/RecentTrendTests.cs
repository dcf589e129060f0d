using Geo.Core.Trends;

namespace Geo.Core.Tests.Trends;

/// <summary>
/// Expected figures come from PHEindicatormethods' published trend-marker test data
/// (tests/testthat/testdata_trend_markers.xlsx, OHID, GPL-3; its "Significance" and "Gradient" columns,
/// printed to 4 decimals) or are worked by hand in the comments.
/// </summary>
public class RecentTrendTests
{
    [Fact]
    public void ForProportion_PheTestData_IsDecreasingWithPublishedStatistic()
    {
        // testdata_prop_trends: denominators are Count / Value × 100 as stored in the workbook.
        TrendPoint[] points =
        [
            new("2019", 2019, 318, 468.33578792341672),
            new("2020", 2020, 314, 472.89156626506019),
            new("2021", 2021, 318, 500.78740157480314),
            new("2022", 2022, 291, 480.19801980198019),
            new("2023", 2023, 292, 499.14529914529913),
        ];

        var result = RecentTrend.ForProportion(points);

        Assert.Equal(TrendDirection.Decreasing, result.Direction);
        Assert.Equal(TrendReason.SignificantTrend, result.Reason);
        Assert.Equal(TrendTest.ChiSquaredForLinearTrend, result.Test);
        Assert.Equal(12.5688, result.ChiSquared, 4);
        Assert.Equal(-0.1062, result.Gradient, 4);
        Assert.Equal(["2019", "2020", "2021", "2022", "2023"], result.Periods);
    }

    [Fact]
    public void ForProportion_PheGroupedTestData_MatchesPublishedStatistics()
    {
        // testdata_prop_grouped, "Asian or Asian British": 144.3957, gradient -0.5245, Decreasing.
        TrendPoint[] asian =
        [
            new("2019", 2019, 90, 264.70588235294116),
            new("2020", 2020, 58, 89.230769230769241),
            new("2021", 2021, 29, 44.61538461538462),
            new("2022", 2022, 49, 233.33333333333334),
            new("2023", 2023, 67, 744.44444444444446),
        ];

        // "Other ethnic group", 10/125, 17/141.67, 27/117.39, 49/204.17, 67/171.79: published as 47.3463,
        // gradient 0.4830, Increasing, figures that treat the five as equally spaced (t = 1 … 5).
        double[] cases = [10, 17, 27, 49, 67];
        double[] samples = [125, 141.66666666666669, 117.39130434782609, 204.16666666666666, 171.7948717948718];
        TrendPoint[] other = [.. cases.Select((o, i) => new TrendPoint($"{i + 1}", i + 1, o, samples[i]))];

        var a = RecentTrend.ForProportion(asian);
        var o = RecentTrend.ForProportion(other);

        Assert.Equal(TrendDirection.Decreasing, a.Direction);
        Assert.Equal(144.3957, a.ChiSquared, 4);
        Assert.Equal(-0.5245, a.Gradient, 4);
        Assert.Equal(TrendDirection.Increasing, o.Direction);
        Assert.Equal(47.3463, o.ChiSquared, 4);
        Assert.Equal(0.4830, o.Gradient, 4);
    }

    [Fact]
    public void ForProportion_MissingYear_IsAGapInTime()
    {
        // The same "Other ethnic group" counts in their real years 2012, 2013, 2014, 2016, 2017 (no 2015).
        // Worked independently (a few lines of Python on the formula in the method notes):
        // χ² = 44.736823 (against 47.3463 when equally spaced), gradient of logit p = 0.3562245 a year; still increasing.
        double[] years = [2012, 2013, 2014, 2016, 2017];
        double[] cases = [10, 17, 27, 49, 67];
        double[] samples = [125, 141.66666666666669, 117.39130434782609, 204.16666666666666, 171.7948717948718];

        var result = RecentTrend.ForProportion([.. years.Select((y, i) => new TrendPoint($"{y}", y, cases[i], samples[i]))]);

        Assert.Equal(TrendDirection.Increasing, result.Direction);
        Assert.Equal(44.736823, result.ChiSquared, 6);
        Assert.Equal(0.3562245, result.Gradient, 7);
    }

    [Fact]
    public void ForProportion_HandWorkedExample_IsNotSignificant()
    {
        // 10, 12, 14, 16, 18 cases of 100 at t = -2 … 2. With D = ΣN = 500, O = ΣO = 70,
        // ΣOt = -20 - 12 + 0 + 16 + 36 = 20, ΣNt = 0, ΣNt² = 100 × 10 = 1,000:
        // χ² = D (D ΣOt - O ΣNt)² / (O (D - O) (D ΣNt² - (ΣNt)²)) = 500 × 10,000² / (70 × 430 × 500,000)
        //    = 5e10 / 1.505e10 = 3.322259; p = erfc(√(χ²/2)) = 0.068348, well short of 9.5495.
        // Gradient of logit p: logits -2.19722, -1.99243, -1.81529, -1.65823, -1.51635;
        // Σ t·logit / Σ t² = 1.695956 / 10 = 0.1695956.
        TrendPoint[] points = [.. new[] { 10, 12, 14, 16, 18 }.Select((o, i) => new TrendPoint($"Y{i}", i - 2, o, 100))];

        var result = RecentTrend.ForProportion(points);

        Assert.Equal(TrendDirection.NoSignificantChange, result.Direction);
        Assert.Equal(TrendReason.NoSignificantTrend, result.Reason);
        Assert.Equal(3.322259, result.ChiSquared, 6);
        Assert.Equal(0.068348, result.PValue, 6);
        Assert.Equal(0.1695956, result.Gradient, 7);
    }

    [Fact]
    public void ForValues_PheTestData_IsDecreasingWithPublishedStatistic()
    {
        // testdata_other_trends: 46.7636, gradient -1.7516, Decreasing.
        TrendValuePoint[] points =
        [
            new("1", 1, 30.6, 28.98, 32.25),
            new("2", 2, 30.2, 28.63, 31.9),
            new("3", 3, 28, 26.44, 29.64),
            new("4", 4, 24.6, 23.15, 26.19),
            new("5", 5, 24.67, 23.16, 26.25),
        ];

        var result = RecentTrend.ForValues(points);

        Assert.Equal(TrendDirection.Decreasing, result.Direction);
        Assert.Equal(TrendTest.WeightedRegression, result.Test);
        Assert.Equal(46.7636, result.ChiSquared, 4);
        Assert.Equal(-1.7516, result.Gradient, 4);
    }

    [Fact]
    public void ForValues_PheIncreasingTestData_IsIncreasing()
    {
        // testdata_other_grouped, "Black, Black British, Caribbean or African": 95.2196, gradient 2.7335.
        TrendValuePoint[] points =
        [
            new("1", 1, 20.2, 18.3, 21.9),
            new("2", 2, 23, 21.44, 25.64),
            new("3", 3, 24.6, 23.15, 26.19),
            new("4", 4, 28.67, 26.16, 29.25),
            new("5", 5, 30.9, 28.98, 32.25),
        ];

        var result = RecentTrend.ForValues(points);

        Assert.Equal(TrendDirection.Increasing, result.Direction);
        Assert.Equal(95.2196, result.ChiSquared, 4);
        Assert.Equal(2.7335, result.Gradient, 4);
    }

    [Fact]
    public void ForValues_SixPeriods_UsesTheMostRecentFive()
    {
        // testdata_other_6: the last five give 0.7433, gradient -0.2256: no significant change.
        TrendValuePoint[] points =
        [
            new("6", 6, 30.9, 28.98, 32.25), // order of input does not matter
            new("1", 1, 30.6, 28.98, 32.25),
            new("2", 2, 30.2, 28.63, 31.9),
            new("3", 3, 28, 26.44, 29.64),
            new("4", 4, 24.6, 23.15, 26.19),
            new("5", 5, 24.67, 23.16, 26.25),
        ];

        var result = RecentTrend.ForValues(points);

        Assert.Equal(TrendDirection.NoSignificantChange, result.Direction);
        Assert.Equal(TrendReason.NoSignificantTrend, result.Reason);
        Assert.Equal(0.7433, result.ChiSquared, 4);
        Assert.Equal(-0.2256, result.Gradient, 4);
        Assert.Equal(["2", "3", "4", "5", "6"], result.Periods);
    }

    [Fact]
    public void ForValues_SteadyRise_IsIncreasingWithHandWorkedStatistic()
    {
        // 10, 11, 12, 13, 14 at t = 1 … 5, each SE 0.5 (limits ± 1.959964 × 0.5): equal weights,
        // β = Σ(t - 3)(y - 12) / Σ(t - 3)² = 10 / 10 = 1, Var β = SE² / Σ(t - 3)² = 0.25 / 10 = 0.025,
        // χ² = 1 / 0.025 = 40, p = erfc(√20) = 2.5396e-10.
        var result = RecentTrend.ForValues(Series([10, 11, 12, 13, 14], 0.5));

        Assert.Equal(TrendDirection.Increasing, result.Direction);
        Assert.Equal(TrendReason.SignificantTrend, result.Reason);
        Assert.Equal(40, result.ChiSquared, 9);
        Assert.Equal(1, result.Gradient, 12);
        Assert.Equal(2.5396e-10, result.PValue, 14);
    }

    [Fact]
    public void ForValues_OnePointMakesTheTrend_IsNoSignificantChangeWithOutlier()
    {
        // 10, 10, 10, 10, 20 with SE 0.1: β = (−2·−2 −1·−2 + 0 + 1·−2 + 2·8) / 10 = 2, Var β = 0.01 / 10,
        // χ² = 4 / 0.001 = 4,000: significant, but without the last point the gradient is 0, not positive.
        var result = RecentTrend.ForValues(Series([10, 10, 10, 10, 20], 0.1));

        Assert.Equal(TrendDirection.NoSignificantChange, result.Direction);
        Assert.Equal(TrendReason.OutlierFound, result.Reason);
        Assert.Equal(4_000, result.ChiSquared, 6);
    }

    [Fact]
    public void ForCrudeRate_RisingCounts_IsIncreasingOverTheLastFiveYears()
    {
        // 100, 100 then 120 … 180 events per 100,000 a year: rates 100 … 180 with Byar's limits about ±20;
        // the last five rise by 15 a year, far beyond chance.
        TrendPoint[] points = [.. new[] { 100, 100, 120, 135, 150, 165, 180 }.Select((o, i) => new TrendPoint($"{2017 + i}", 2017 + i, o, 100_000))];

        var result = RecentTrend.ForCrudeRate(points, 100_000);

        Assert.Equal(TrendDirection.Increasing, result.Direction);
        Assert.Equal(["2019", "2020", "2021", "2022", "2023"], result.Periods);
        Assert.InRange(result.Gradient, 14, 16);
    }

    [Fact]
    public void ForProportion_FourPeriods_CannotBeCalculated()
    {
        var result = RecentTrend.ForProportion([.. Enumerable.Range(0, 4).Select(i => new TrendPoint($"{i}", i, 5, 50))]);

        Assert.Equal(TrendDirection.CannotBeCalculated, result.Direction);
        Assert.Equal(TrendReason.NotEnoughPoints, result.Reason);
        Assert.True(double.IsNaN(result.ChiSquared));
        Assert.Empty(result.Periods);
    }

    [Fact]
    public void ForProportion_ZeroCases_CannotBeCalculated()
    {
        var result = RecentTrend.ForProportion([.. new[] { 0, 1, 2, 3, 4 }.Select(o => new TrendPoint($"{o}", o, o, 50))]);

        Assert.Equal(TrendDirection.CannotBeCalculated, result.Direction);
        Assert.Equal(TrendReason.ProportionAtZeroOrOne, result.Reason);
    }

    [Fact]
    public void ForValues_MissingLimit_CannotBeCalculated()
    {
        var points = Series([10, 11, 12, 13, 14], 0.5);
        points[2] = points[2] with { Lower = double.NaN };

        var result = RecentTrend.ForValues(points);

        Assert.Equal(TrendDirection.CannotBeCalculated, result.Direction);
        Assert.Equal(TrendReason.MissingValues, result.Reason);
    }

    [Fact]
    public void ForProportion_TwoPeriodsAtTheSameTime_AreRejected() =>
        Assert.Throws<ArgumentException>(() => RecentTrend.ForProportion(
            [new("a", 1, 1, 10), new("b", 2, 1, 10), new("c", 2, 1, 10), new("d", 3, 1, 10), new("e", 4, 1, 10)]));

    [Fact]
    public void CriticalValue_IsTheNinetyNinePointEightPercentPointOfChiSquaredOnOneDegree() =>
        Assert.Equal(9.5495, RecentTrend.CriticalValue, 4); // 3.090232² = 9.549536 (PHEindicatormethods uses 9.5495)

    private static TrendValuePoint[] Series(double[] values, double standardError)
    {
        const double Z = 1.959963984540054;
        return [.. values.Select((v, i) => new TrendValuePoint($"{i + 1}", i + 1, v, v - (Z * standardError), v + (Z * standardError)))];
    }
}
