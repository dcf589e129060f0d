using System.Text.Json;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Trends;
using Geo.Query;

namespace Geo.Api.Tests.Queries;

/// <summary>
/// <see cref="DatasetQueries.Trend"/> on hand-made data. Every expected figure is worked here from the counts with plain
/// arithmetic (the formulas of docs/methods.md), never with the code under test.
/// </summary>
public class TrendQueryTests
{
    // Place D1 = N1 + N2, 2,000 people a year: 180, 190, ..., 230 cases, then 300.
    private static readonly double[] D1Cases = [180, 190, 200, 210, 220, 230, 300];

    private static DatasetQueries RisingProportion() => TrendFixture.Queries(IndicatorValueType.Proportion, 100,
        D1Cases.SelectMany((c, p) => new[] { ("N1", p, Math.Floor(c / 2), 1000.0), ("N2", p, c - Math.Floor(c / 2), 1000.0) })
            .Concat(TrendFixture.Flat(100, 1000, "N3", "N4", "N5")));

    [Fact]
    public void Trend_Proportion_PChartCentreAndLimitsAreTheBinomialOnesOfThePublishedCounts()
    {
        var answer = RisingProportion().Trend("test", null, "D1", null);

        Assert.Equal(SpcChartType.P, answer.ChartType);
        Assert.Equal(TrendFixture.Periods, answer.Periods.Select(p => p.Period));
        Assert.Equal([2015.0, 2016, 2017, 2018, 2019, 2020, 2021], answer.Periods.Select(p => p.Time));
        var chart = answer.Chart!;
        // p̄ = 1,530 / 14,000; limits p̄ ± 3 √(p̄ (1 − p̄) / 2,000), as percentages.
        var pBar = 1530.0 / 14000;
        var sigma = Math.Sqrt(pBar * (1 - pBar) / 2000);
        Assert.Equal(pBar * 100, chart.Centre, 9);
        Assert.All(chart.Points, p =>
        {
            Assert.Equal((pBar + (3 * sigma)) * 100, p.UpperLimit, 9);
            Assert.Equal((pBar - (3 * sigma)) * 100, p.LowerLimit, 9);
        });
        Assert.Equal(D1Cases.Select(c => c / 2000 * 100), chart.Points.Select(p => Math.Round(p.Value, 9)));

        // 300 / 2,000 = 15% is above p̄ + 3σ = 13.02%; 9% is above p̄ − 3σ = 8.84%: one point outside.
        Assert.Equal([false, false, false, false, false, false, true], chart.Points.Select(p => p.Rules.HasFlag(SpcRule.AboveUpperLimit)));
        Assert.DoesNotContain(chart.Points, p => p.Rules.HasFlag(SpcRule.BelowLowerLimit));
        // Seven points each higher than the one before: a trend, all seven marked; higher is worse, so concern.
        Assert.All(chart.Points, p => Assert.True(p.Rules.HasFlag(SpcRule.TrendIncreasing)));
        Assert.All(chart.Points, p => Assert.Equal(SpcVariation.SpecialCauseConcern, p.Variation));
    }

    [Fact]
    public void Trend_Proportion_MarkerIsTheChiSquaredTestForLinearTrendOnTheLatestFive()
    {
        var answer = RisingProportion().Trend("test", null, "D1", null);

        var marker = answer.Marker!;
        Assert.Equal(TrendTest.ChiSquaredForLinearTrend, marker.Test);
        Assert.Equal(TrendFixture.Periods[2..], marker.Periods);
        Assert.Equal([false, false, true, true, true, true, true], answer.Periods.Select(p => p.InTrendTest));

        // Armitage's statistic on the five: D (D ΣOt − O ΣNt)² / (O (D − O) (D ΣNt² − (ΣNt)²)), t centred on 2019.
        double[] o = [200, 210, 220, 230, 300];
        double[] t = [-2, -1, 0, 1, 2];
        const double n = 2000;
        double d = 5 * n, sumO = o.Sum(), ot = 0, nt = 0, ntt = 0;
        for (var i = 0; i < 5; i++)
        {
            ot += o[i] * t[i];
            nt += n * t[i];
            ntt += n * t[i] * t[i];
        }

        var chiSquared = d * Math.Pow((d * ot) - (sumO * nt), 2) / (sumO * (d - sumO) * ((d * ntt) - (nt * nt)));
        Assert.Equal(chiSquared, marker.ChiSquared, 9);
        Assert.True(chiSquared > 9.5495);
        Assert.Equal(TrendDirection.Increasing, marker.Direction);
        Assert.StartsWith("Increasing and getting worse (chi-squared test for linear trend, 99.8% over 2017/18 to 2021/22", answer.MarkerWords,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_UpToAnEarlierPeriod_EndsThere()
    {
        var answer = RisingProportion().Trend("test", "2019/20", "D1", null);

        Assert.Equal(TrendFixture.Periods[..5], answer.Periods.Select(p => p.Period));
        Assert.Equal("2019/20", answer.Area.Period);
        Assert.Equal(TrendFixture.Periods[..5], answer.Marker!.Periods);
    }

    [Fact]
    public void Trend_ChartWords_ChooseAndRefuse()
    {
        var queries = RisingProportion();

        Assert.Equal(SpcChartType.XmR, queries.Trend("test", null, "D1", "xmr").ChartType);
        var wrong = Assert.Throws<QueryException>(() => queries.Trend("test", null, "D1", "u"));
        Assert.Equal("chart", wrong.Parameter);
        Assert.Equal("A u-chart does not fit a proportion; use p-chart or xmr.", wrong.Message);
        Assert.Equal("The chart must be xmr, p, u, pprime or uprime, not 'c'.", Assert.Throws<QueryException>(() => queries.Trend("test", null, "D1", "c")).Message);
        Assert.Equal(SpcChartType.PPrime, queries.Trend("test", null, "D1", "pprime").ChartType);
        Assert.Equal("A Laney u′-chart does not fit a proportion; use p-chart or xmr.",
            Assert.Throws<QueryException>(() => queries.Trend("test", null, "D1", "uprime")).Message);
    }

    // N1: 10,000 people a year; 3 and 5 events (small, hidden) in 2016/17 and 2019/20.
    private static DatasetQueries CrudeWithHidden(double firstHidden, double secondHidden) => TrendFixture.Queries(IndicatorValueType.CrudeRate, 100_000,
        new[] { 20, firstHidden, 25, 22, secondHidden, 30, 28 }.Select((c, p) => ("N1", p, c, 10_000.0))
            .Concat(TrendFixture.Flat(40, 10_000, "N2", "N3", "N4", "N5")));

    [Fact]
    public void Trend_SuppressedPeriods_HaveNoValueAndAreLeftOutOfTheChartAndTheTest()
    {
        var answer = CrudeWithHidden(3, 5).Trend("test", null, "N1", null);

        Assert.Equal(SpcChartType.U, answer.ChartType);
        Assert.Equal([null, SuppressionReason.Primary, null, null, SuppressionReason.Primary, null, null],
            answer.Periods.Select(p => p.Row.Suppression == SuppressionReason.None ? (SuppressionReason?)null : p.Row.Suppression));
        Assert.All(answer.Periods.Where(p => p.Row.Suppression != SuppressionReason.None), p =>
        {
            Assert.Null(p.Row.Value);
            Assert.Null(p.Row.Count);
            Assert.False(p.OnChart);
            Assert.False(p.InTrendTest);
        });

        // ū from the five published periods only: 125 events in 50,000 person-years = 250 per 100,000 (all seven would give 190).
        var chart = answer.Chart!;
        Assert.Equal(["2015/16", "2017/18", "2018/19", "2020/21", "2021/22"], chart.Points.Select(p => p.Period));
        Assert.Equal(250, chart.Centre, 9);
        Assert.All(chart.Points, p => Assert.Equal((0.0025 + (3 * Math.Sqrt(0.0025 / 10_000))) * 100_000, p.UpperLimit, 9));
        Assert.Equal(["2015/16", "2017/18", "2018/19", "2020/21", "2021/22"], answer.Marker!.Periods);
        Assert.Contains("2 of 7 periods not charted", answer.ChartNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_HiddenCounts_DoNotChangeAnythingShown()
    {
        // A differencing check: the same area with other hidden counts gives the same answer to the last digit, so
        // nothing in it (centre, limits, marker statistic) can be solved for a hidden count.
        var low = Shown(CrudeWithHidden(1, 1).Trend("test", null, "N1", null));
        var high = Shown(CrudeWithHidden(7, 6).Trend("test", null, "N1", null));

        Assert.Equal(low, high);
    }

    [Fact]
    public void Trend_Score_HasAnXmRChartAndNoMarker()
    {
        var queries = TrendFixture.Queries(IndicatorValueType.Score, 1,
            TrendFixture.Neighbourhoods.SelectMany(n => TrendFixture.Periods.Select((_, p) => (n, p, 10.0 + p, 1000.0))));

        var answer = queries.Trend("test", null, "D1", null);

        Assert.Equal(SpcChartType.XmR, answer.ChartType);
        Assert.Null(answer.Marker);
        Assert.StartsWith("Cannot be calculated: a score", answer.MarkerWords, StringComparison.Ordinal);
        // 10, 11, ..., 16: mean 13, every moving range 1, limits 13 ± 2.66.
        Assert.Equal(13, answer.Chart!.Centre, 9);
        Assert.Equal(15.66, answer.Chart.Points[0].UpperLimit, 9);
    }

    private static string Shown(TrendAnswer answer) => JsonSerializer.Serialize(new
    {
        Periods = answer.Periods.Select(p => new { p.Period, p.Row.Value, p.Row.Lower95, p.Row.Upper95, p.Row.Count, p.Row.Denominator, p.OnChart }),
        answer.MarkerWords,
        answer.Marker?.ChiSquared,
        answer.Marker?.Gradient,
        Chart = answer.Chart!.Points.Select(p => new { p.Period, p.Value, p.Centre, p.LowerLimit, p.UpperLimit, p.Rules }),
        answer.ChartNote,
    });
}
