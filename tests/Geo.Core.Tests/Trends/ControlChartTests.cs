using Geo.Core.Statistics;
using Geo.Core.Trends;

namespace Geo.Core.Tests.Trends;

public class ControlChartTests
{
    // NHSRplotthedots' vignette "Deviations from Excel defaults" (v0.2), with its published limits:
    // screened UPL 4.6, mean 1.94, LPL -0.72; Excel (unscreened) UPL 6.95, mean 1.94, LPL -3.06.
    private static readonly double[] VignetteData = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

    [Fact]
    public void XmR_VignetteExample_MatchesMakingDataCountExcelLimits()
    {
        // By hand: Σx = 35 over 18 points, mean 1.944444. Moving ranges 1, 1, 1, 8, 9 and twelve 1s:
        // Σ = 32 over 17, mean moving range 1.882353; limits 1.944444 ± 2.66 × 1.882353 = 1.944444 ± 5.007059.
        var chart = ControlChart.XmR(Observations(VignetteData));

        Assert.Equal(SpcChartType.XmR, chart.ChartType);
        Assert.Equal(1.944444, chart.Centre, 6);
        Assert.Equal(1.882353, chart.MeanMovingRange, 6);
        Assert.Equal(6.95, chart.Points[0].UpperLimit, 2);
        Assert.Equal(-3.06, chart.Points[0].LowerLimit, 2);
        Assert.Equal(6.951503, chart.Points[0].UpperLimit, 6);
        Assert.Equal(-3.062614, chart.Points[0].LowerLimit, 6);
    }

    [Fact]
    public void XmR_ScreeningMovingRanges_MatchesNhsrPlotTheDotsDefaultLimits()
    {
        // 3.267 × 1.882353 = 6.149647: the ranges 8 and 9 go, leaving fifteen 1s, mean moving range 1;
        // limits 1.944444 ± 2.66 = 4.604444 and -0.715556 (published 4.6 and -0.72). The mean keeps every point.
        var chart = ControlChart.XmR(Observations(VignetteData), new SpcOptions(ScreenMovingRanges: true));

        Assert.Equal(1, chart.MeanMovingRange, 12);
        Assert.Equal(1.944444, chart.Centre, 6);
        Assert.Equal(4.604444, chart.Points[0].UpperLimit, 6);
        Assert.Equal(-0.715556, chart.Points[0].LowerLimit, 6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void XmR_VignetteExample_OnlyTheFifthPointIsSpecialCause(bool screen)
    {
        // As the vignette's charts show: four common-cause points, one special-cause improvement, twelve more
        // common-cause points (improvement direction "increase").
        var chart = ControlChart.XmR(Observations(VignetteData), new SpcOptions(Polarity.HigherIsBetter, ScreenMovingRanges: screen));

        Assert.Equal(SpcRule.AboveUpperLimit, chart.Points[4].Rules);
        Assert.Equal(SpcVariation.SpecialCauseImprovement, chart.Points[4].Variation);
        Assert.All(chart.Points.Where((_, i) => i != 4), p => Assert.Equal(SpcRule.None, p.Rules));
        Assert.Equal(SpcVariation.CommonCause, chart.Variation);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, SpcVariation.SpecialCauseImprovement)]
    [InlineData(Polarity.HigherIsWorse, SpcVariation.SpecialCauseConcern)]
    [InlineData(Polarity.NoJudgement, SpcVariation.SpecialCauseNeutralHigh)]
    public void XmR_PointAboveTheLimit_IsReadThroughPolarity(Polarity polarity, SpcVariation expected) =>
        Assert.Equal(expected, ControlChart.XmR(Observations(VignetteData), new SpcOptions(polarity)).Points[4].Variation);

    [Fact]
    public void XmR_SevenPointsAboveTheMean_AreAShift()
    {
        // 1, 5, 1, 5, 1, 5, 1, then seven 4s. Σx = 4 + 15 + 28 = 47, mean 3.357143.
        // Moving ranges: six 4s, one 3, six 0s: 27 / 13 = 2.076923; limits 3.357143 ± 5.524615
        // (-2.167473 to 8.881758), 2-sigma lines ± 3.683077 (-0.325934 to 7.040220): nothing near or outside.
        // The 5s are above the mean but never more than one in a row; the seven 4s are a run above it.
        double[] y = [1, 5, 1, 5, 1, 5, 1, 4, 4, 4, 4, 4, 4, 4];

        var chart = ControlChart.XmR(Observations(y), new SpcOptions(Polarity.HigherIsBetter));

        Assert.Equal(8.881758, chart.Points[0].UpperLimit, 6);
        Assert.All(chart.Points.Take(7), p => Assert.Equal(SpcRule.None, p.Rules));
        Assert.All(chart.Points.Skip(7), p => Assert.Equal(SpcRule.RunAboveMean, p.Rules));
        Assert.All(chart.Points.Skip(7), p => Assert.Equal(SpcVariation.SpecialCauseImprovement, p.Variation));
        Assert.Equal(SpcVariation.SpecialCauseImprovement, chart.Variation);
    }

    [Fact]
    public void XmR_SevenPointsAboveTheMean_AreNotAShiftWhenEightAreAsked()
    {
        double[] y = [1, 5, 1, 5, 1, 5, 1, 4, 4, 4, 4, 4, 4, 4];

        var chart = ControlChart.XmR(Observations(y), new SpcOptions(RunLength: 8));

        Assert.All(chart.Points, p => Assert.Equal(SpcRule.None, p.Rules));
    }

    [Fact]
    public void XmR_SevenRisingPoints_AreATrend()
    {
        // 5, 3, 5, 3, then 1 … 7 rising, then 3, 5, 3. Σx = 16 + 28 + 11 = 55, mean 3.928571.
        // Moving ranges 2, 2, 2, 2, 1 ×6, 4, 2, 2: 22 / 13 = 1.692308; limits 3.928571 ± 4.501538 (-0.572967 to
        // 8.430110); upper 2-sigma line 3.928571 + 3.001026 = 6.929597, so the 7 is near the limit but alone.
        // Sides of the mean: + - + - - - - + + + + - + -: no run of seven.
        double[] y = [5, 3, 5, 3, 1, 2, 3, 4, 5, 6, 7, 3, 5, 3];

        var chart = ControlChart.XmR(Observations(y), new SpcOptions(Polarity.HigherIsWorse));

        Assert.Equal(8.430110, chart.Points[0].UpperLimit, 6);
        Assert.Equal(6.929597, chart.Points[0].UpperNearLimit, 6);
        Assert.Equal([.. Enumerable.Range(4, 7)], chart.Points.Select((p, i) => (p, i)).Where(x => x.p.Rules != SpcRule.None).Select(x => x.i));
        Assert.All(chart.Points.Skip(4).Take(7), p => Assert.Equal(SpcRule.TrendIncreasing, p.Rules));
        Assert.All(chart.Points.Skip(4).Take(7), p => Assert.Equal(SpcVariation.SpecialCauseConcern, p.Variation));
        Assert.Equal(SpcVariation.CommonCause, chart.Variation);
    }

    [Fact]
    public void XmR_SixRisingPoints_AreNotATrend()
    {
        // 1 … 6: mean 3.5, moving ranges all 1, limits 3.5 ± 2.66 (0.84 to 6.16): all inside; three below the
        // mean then three above; only the end points pass the 2-sigma lines (1.7267, 5.2733), never two of three.
        var chart = ControlChart.XmR(Observations([1, 2, 3, 4, 5, 6]));

        Assert.All(chart.Points, p => Assert.Equal(SpcRule.None, p.Rules));
    }

    [Fact]
    public void XmR_RepeatedValue_BreaksATrend()
    {
        // 1, 2, 3, 3, 4, 5, 6: the repeated 3 stops the run at 3 and 4 points.
        var chart = ControlChart.XmR(Observations([1, 2, 3, 3, 4, 5, 6]), new SpcOptions(TrendLength: 4));

        Assert.All(chart.Points.Take(3), p => Assert.False(p.Rules.HasFlag(SpcRule.TrendIncreasing)));
        Assert.All(chart.Points.Skip(3), p => Assert.True(p.Rules.HasFlag(SpcRule.TrendIncreasing)));
    }

    [Fact]
    public void Rules_TurningPoint_TakesTheTrendItStarts()
    {
        // 1 … 7 … 1 with limits far away: the 7 ends the rise and starts the fall.
        double[] y = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
        var wide = Enumerable.Repeat(100.0, y.Length).ToArray();
        var (rules, trend) = SpecialCauseRules.Evaluate(y, 4, [.. wide.Select(w => -w)], wide, [.. wide.Select(w => -w)], wide, 7, 7);

        Assert.Equal(SpcRule.TrendIncreasing | SpcRule.TrendDecreasing, rules[6] & (SpcRule.TrendIncreasing | SpcRule.TrendDecreasing));
        Assert.Equal(-1, trend[6]);
        Assert.Equal(SpcVariation.SpecialCauseImprovement, SpecialCauseRules.Classify(rules[6], trend[6], Polarity.HigherIsWorse));
        Assert.Equal(1, trend[5]);
    }

    [Fact]
    public void UChart_TwoOfThreeNearTheUpperLimit_AreSpecialCause()
    {
        // Ten periods of 10,000 with 1,000 events in all: ū = 0.01, σ = √(0.01 / 10,000) = 0.001, so per 10,000
        // (the count itself) the limits are 100 ± 30 and the 2-sigma lines 100 ± 20.
        // Periods 6-8 (125, 101, 124) are all above the mean and two are between 120 and 130: those two are flagged.
        // The two 80s sit exactly on the lower 2-sigma line, which is not beyond it.
        double[] counts = [96, 104, 96, 104, 90, 125, 101, 124, 80, 80];

        var chart = ControlChart.UChart(Points(counts, 10_000), 10_000, new SpcOptions(Polarity.HigherIsWorse));

        Assert.Equal(100, chart.Centre, 10);
        Assert.Equal(130, chart.Points[0].UpperLimit, 10);
        Assert.Equal(70, chart.Points[0].LowerLimit, 10);
        Assert.Equal(120, chart.Points[0].UpperNearLimit, 10);
        Assert.Equal(
            [SpcRule.None, SpcRule.None, SpcRule.None, SpcRule.None, SpcRule.None, SpcRule.TwoOfThreeHigh, SpcRule.None, SpcRule.TwoOfThreeHigh, SpcRule.None, SpcRule.None],
            chart.Points.Select(p => p.Rules));
        Assert.Equal(SpcVariation.SpecialCauseConcern, chart.Points[5].Variation);
    }

    [Fact]
    public void UChart_PointOnTheMean_BreaksTwoOfThree()
    {
        // As above with the middle point exactly on the mean (100): the three are not all on one side.
        double[] counts = [96, 104, 96, 104, 90, 125, 100, 125, 80, 80];

        var chart = ControlChart.UChart(Points(counts, 10_000), 10_000);

        Assert.All(chart.Points, p => Assert.Equal(SpcRule.None, p.Rules));
    }

    [Fact]
    public void UChart_LimitsWidenForSmallDenominators()
    {
        // 30/1,000, 50/1,000, 20/500, 100/2,000: ū = 200 / 4,500 = 2/45 = 0.0444444.
        // n = 1,000: σ = √(2/45,000) = 1/150 = 0.0066667, limits 0.0444444 ± 0.02;
        // n = 500: σ = 0.0094281, ± 0.0282843; n = 2,000: σ = 0.0047140, ± 0.0141421. Per 1,000:
        // 44.444444 ± 20 (24.444444 to 64.444444), ± 28.284271 (16.160173 to 72.728716), ± 14.142136 (to 58.586580).
        var chart = ControlChart.UChart([new("a", 1, 30, 1_000), new("b", 2, 50, 1_000), new("c", 3, 20, 500), new("d", 4, 100, 2_000)], 1_000);

        Assert.Equal(44.444444, chart.Centre, 6);
        Assert.Equal(64.444444, chart.Points[0].UpperLimit, 6);
        Assert.Equal(24.444444, chart.Points[1].LowerLimit, 6);
        Assert.Equal(72.728716, chart.Points[2].UpperLimit, 6);
        Assert.Equal(16.160173, chart.Points[2].LowerLimit, 6);
        Assert.Equal(58.586580, chart.Points[3].UpperLimit, 6);
        Assert.Equal(40, chart.Points[2].Value, 12);
        Assert.True(double.IsNaN(chart.MeanMovingRange));
        Assert.All(chart.Points, p => Assert.Equal(SpcRule.None, p.Rules));
    }

    [Fact]
    public void UChart_LowerLimitStopsAtZero()
    {
        // 1/10 and 0/10: ū = 0.05, σ = √0.005 = 0.0707107; 0.05 - 0.212132 < 0, so 0; upper 0.262132.
        var chart = ControlChart.UChart([new("a", 1, 1, 10), new("b", 2, 0, 10)]);

        Assert.Equal(0, chart.Points[0].LowerLimit);
        Assert.Equal(0.262132, chart.Points[0].UpperLimit, 6);
    }

    [Fact]
    public void PChart_PointAboveItsOwnLimit_IsSpecialCause()
    {
        // 10/100, 20/100, 15/200, 5/100: p̄ = 50 / 500 = 0.1.
        // n = 100: σ = √(0.1 × 0.9 / 100) = 0.03, limits 0.01 to 0.19, 2-sigma lines 0.04 to 0.16;
        // n = 200: σ = 0.0212132, limits 0.0363604 to 0.1636396. As percentages (× 100):
        // 20% is above its 19% limit; 5% is inside and above the 4% line; 7.5% is inside.
        var chart = ControlChart.PChart([new("a", 1, 10, 100), new("b", 2, 20, 100), new("c", 3, 15, 200), new("d", 4, 5, 100)], 100,
            new SpcOptions(Polarity.HigherIsBetter));

        Assert.Equal(10, chart.Centre, 10);
        Assert.Equal(19, chart.Points[1].UpperLimit, 10);
        Assert.Equal(1, chart.Points[1].LowerLimit, 10);
        Assert.Equal(3.636039, chart.Points[2].LowerLimit, 6);
        Assert.Equal(16.363961, chart.Points[2].UpperLimit, 6);
        Assert.Equal([SpcRule.None, SpcRule.AboveUpperLimit, SpcRule.None, SpcRule.None], chart.Points.Select(p => p.Rules));
        Assert.Equal(SpcVariation.SpecialCauseImprovement, chart.Points[1].Variation);
    }

    [Fact]
    public void PChart_UpperLimitStopsAtOne()
    {
        // 9/10 and 10/10: p̄ = 0.95, σ = √(0.95 × 0.05 / 10) = 0.0689202; 0.95 + 0.206761 > 1, so 1.
        var chart = ControlChart.PChart([new("a", 1, 9, 10), new("b", 2, 10, 10)]);

        Assert.Equal(1, chart.Points[0].UpperLimit);
        Assert.Equal(0.743239, chart.Points[0].LowerLimit, 6);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, 8, SpcAssurance.ConsistentlyFails)]
    [InlineData(Polarity.HigherIsBetter, -4, SpcAssurance.ConsistentlyPasses)]
    [InlineData(Polarity.HigherIsBetter, 2, SpcAssurance.Inconsistent)]
    [InlineData(Polarity.HigherIsWorse, 8, SpcAssurance.ConsistentlyPasses)]
    [InlineData(Polarity.HigherIsWorse, -4, SpcAssurance.ConsistentlyFails)]
    [InlineData(Polarity.NoJudgement, 8, SpcAssurance.NotAssessed)]
    public void XmR_Target_IsAssuredAgainstTheLimits(Polarity polarity, double target, SpcAssurance expected)
    {
        // Limits -3.06 to 6.95 (the vignette's Excel chart).
        var chart = ControlChart.XmR(Observations(VignetteData), new SpcOptions(polarity, target));

        Assert.Equal(expected, chart.Assurance);
    }

    [Fact]
    public void XmR_NoTarget_IsNotAssessed() =>
        Assert.Equal(SpcAssurance.NotAssessed, ControlChart.XmR(Observations(VignetteData), new SpcOptions(Polarity.HigherIsBetter)).Assurance);

    [Fact]
    public void XmR_BadInput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => ControlChart.XmR(Observations([1])));
        Assert.Throws<ArgumentException>(() => ControlChart.XmR(Observations([1, double.NaN, 3])));
        Assert.Throws<ArgumentException>(() => ControlChart.XmR(Observations([1, 2, 3]), new SpcOptions(RunLength: 1)));
    }

    [Fact]
    public void PChart_CountAboveDenominator_IsRejected() =>
        Assert.Throws<ArgumentException>(() => ControlChart.PChart([new("a", 1, 11, 10)]));

    // Laney (2002), "Improved control charts for attributes", Quality Engineering 14(4). A p′-chart by hand:
    //   period  O    n     p = O/n   σp = √(p̄(1-p̄)/n)   z = (p - p̄)/σp   |Δz|
    //   P1      12   100   0.12      0.035634           -0.820954
    //   P2      30   200   0.15      0.025197            0.029617        0.850571
    //   P3      18   120   0.15      0.032529            0.022942        0.006676
    //   P4      40   250   0.16      0.022537            0.476832        0.453890
    // p̄ = 100/670 = 0.149254; mean |Δz| = 1.311137/3 = 0.437046; σ_z = 0.437046/1.128 = 0.387452 (less spread than the binomial's).
    // Limits p̄ ± 3 σp σ_z: P1 0.107835 – 0.190673, P4 0.123058 – 0.175450; near lines (2σ) P1 0.121641 – 0.176867.
    [Fact]
    public void LaneyP_HandWorkedTable_LimitsAreThePChartSigmaTimesSigmaZ()
    {
        var chart = ControlChart.LaneyPChart(
            [new("P1", 1, 12, 100), new("P2", 2, 30, 200), new("P3", 3, 18, 120), new("P4", 4, 40, 250)]);

        Assert.Equal(SpcChartType.PPrime, chart.ChartType);
        Assert.Equal(0.149254, chart.Centre, 6);
        Assert.Equal(0.437046, chart.MeanMovingRange, 6);
        Assert.Equal(0.107835, chart.Points[0].LowerLimit, 6);
        Assert.Equal(0.190673, chart.Points[0].UpperLimit, 6);
        Assert.Equal(0.121641, chart.Points[0].LowerNearLimit, 6);
        Assert.Equal(0.176867, chart.Points[0].UpperNearLimit, 6);
        Assert.Equal(0.119966, chart.Points[1].LowerLimit, 6);
        Assert.Equal(0.187064, chart.Points[2].UpperLimit, 6);
        Assert.Equal(0.123058, chart.Points[3].LowerLimit, 6);
        Assert.Equal(0.175450, chart.Points[3].UpperLimit, 6);
    }

    // A u′-chart by hand, per 1,000: ū = 64/8000 = 0.008.
    //   period  O    n      u       σu = √(ū/n)   z
    //   P1      5    1000   0.005   0.002828      -3/√8  = -1.060660
    //   P2      12   2000   0.006   0.002         -1
    //   P3      9    1500   0.006   0.002309      -√3/2  = -0.866025
    //   P4      30   2500   0.012   0.001789       √5    =  2.236068
    // |Δz| = 0.060660, 0.133975, 3.102093; mean 1.098909; σ_z = 0.974210. Limits × 1000: P1 max(0, 8 - 8.266) = 0 – 16.266450,
    // P2 2.154737 – 13.845263, P4 2.771838 – 13.228162.
    [Fact]
    public void LaneyU_HandWorkedTable_LimitsPerThousandKeptAtZero()
    {
        var chart = ControlChart.LaneyUChart(
            [new("P1", 1, 5, 1000), new("P2", 2, 12, 2000), new("P3", 3, 9, 1500), new("P4", 4, 30, 2500)], 1000);

        Assert.Equal(SpcChartType.UPrime, chart.ChartType);
        Assert.Equal(8, chart.Centre, 9);
        Assert.Equal(1.098909, chart.MeanMovingRange, 6);
        Assert.Equal(0, chart.Points[0].LowerLimit);
        Assert.Equal(16.266450, chart.Points[0].UpperLimit, 5);
        Assert.Equal(2.154737, chart.Points[1].LowerLimit, 5);
        Assert.Equal(13.845263, chart.Points[1].UpperLimit, 5);
        Assert.Equal(2.771838, chart.Points[3].LowerLimit, 5);
        Assert.Equal(13.228162, chart.Points[3].UpperLimit, 5);
    }

    [Fact]
    public void LaneyP_EqualDenominators_IsTheIndividualsChartOfTheProportions()
    {
        // Laney's own check: with every n equal, σp is the same everywhere, z is p rescaled, so σp σ_z = mean moving range of
        // p / 1.128 and the p′ limits are the XmR chart's (with 3/1.128 in place of Making Data Count's rounded 2.66).
        double[] counts = [31, 45, 28, 52, 40, 38, 61, 35];
        var laney = ControlChart.LaneyPChart(Points(counts, 400));
        var xmr = ControlChart.XmR([.. counts.Select((c, i) => new SpcObservation($"P{i + 1}", c / 400))]);

        Assert.Equal(xmr.Centre, laney.Centre, 12);
        Assert.True(xmr.Centre - (3 / 1.128 * xmr.MeanMovingRange) < 0, "the example reaches below 0");
        for (var i = 0; i < counts.Length; i++)
        {
            Assert.Equal(xmr.Centre + (3 / 1.128 * xmr.MeanMovingRange), laney.Points[i].UpperLimit, 12);
            // the XmR chart's lower limit is below 0 here: a proportion's is kept at 0
            Assert.Equal(Math.Max(0, xmr.Centre - (3 / 1.128 * xmr.MeanMovingRange)), laney.Points[i].LowerLimit, 12);
        }
    }

    [Fact]
    public void LaneyP_OnePoint_RefusedForWantOfAMovingRange()
    {
        var e = Assert.Throws<ArgumentException>(() => ControlChart.LaneyPChart([new("P1", 1, 3, 10)]));
        Assert.Contains("at least two points", e.Message, StringComparison.Ordinal);
    }

    private static SpcObservation[] Observations(double[] values) =>
        [.. values.Select((v, i) => new SpcObservation($"P{i + 1}", v))];

    private static TrendPoint[] Points(double[] counts, double denominator) =>
        [.. counts.Select((c, i) => new TrendPoint($"P{i + 1}", i + 1, c, denominator))];
}
