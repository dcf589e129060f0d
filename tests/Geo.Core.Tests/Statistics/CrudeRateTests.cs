using Geo.Core.Statistics;
using Geo.Tests;
using Xunit.Abstractions;

namespace Geo.Core.Tests.Statistics;

public class CrudeRateTests(ITestOutputHelper output)
{
    [Fact]
    public void Calculate_FiveInHundred_ScalesExactPoissonLimits()
    {
        // 5 events is below 10, so exact limits (1.62349, 11.66833) are divided by 100 and × 100,000.
        var rate = CrudeRate.Calculate(5, 100, 100_000, ConfidenceLevel.Percent95);

        Assert.Equal(5000, rate.Value, 1e-9);
        Assert.Equal(1623.4863901184209, rate.Lower, 1e-8);
        Assert.Equal(11668.33207932267, rate.Upper, 1e-7);
        Assert.Equal(IntervalMethod.Exact, rate.Method);
        Assert.Same(ConfidenceLevel.Percent95, rate.Level);
    }

    [Fact]
    public void Calculate_HundredEvents_UsesByars()
    {
        var rate = CrudeRate.Calculate(100, 50_000, 1000, ConfidenceLevel.Percent95);

        Assert.Equal(2, rate.Value, 1e-12);
        Assert.Equal(81.36210549052788 / 50, rate.Lower, 1e-12);
        Assert.Equal(121.6279375792065 / 50, rate.Upper, 1e-12);
        Assert.Equal(IntervalMethod.Byars, rate.Method);
    }

    [Fact]
    public void Calculate_MoreEventsThanPeople_IsAllowedForRates()
    {
        var rate = CrudeRate.Calculate(250, 220, 100_000, ConfidenceLevel.Percent95);
        Assert.Equal(113636.36363636363, rate.Value, 1e-8);
    }

    [Theory]
    [InlineData(-1, 100)]
    [InlineData(5, 0)]
    [InlineData(5, -10)]
    [InlineData(double.NaN, 100)]
    [InlineData(5, double.NaN)]
    public void Calculate_BadInput_Throws(double count, double denominator) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CrudeRate.Calculate(count, denominator, 100_000, ConfidenceLevel.Percent95));

    // testdata_Rate__testdata_Rate.csv: 95% and 99.8% limits per 100 and per 100,000. Rows Area09-11 have
    // a missing numerator or denominator (the R package returns NA); missing is not representable here, so
    // they are skipped. The reference's method column (Exact below 10, Byars from 10) is checked too.
    [ReferenceFact]
    public void Calculate_MatchesReferenceRates()
    {
        var table = ReferenceCsv.Load("testdata_Rate__testdata_Rate.csv");
        var compare = new ReferenceComparison("Crude rates (Rate)", 1e-9, output);
        var rows = 0;
        foreach (var row in table.Rows.Where(r => r.Has("Numerator") && r.Has("Denominator")))
        {
            rows++;
            var (count, denominator, multiplier) = (row.Number("Numerator"), row.Number("Denominator"), row.Number("multiplier"));
            var r95 = CrudeRate.Calculate(count, denominator, multiplier, ConfidenceLevel.Percent95);
            var r998 = CrudeRate.Calculate(count, denominator, multiplier, ConfidenceLevel.Percent99Point8);
            compare.Check(row.Number("value"), r95.Value, $"{row} value");
            compare.Check(row.Number("lower95_0cl"), r95.Lower, $"{row} lower95");
            compare.Check(row.Number("upper95_0cl"), r95.Upper, $"{row} upper95");
            compare.Check(row.Number("lower99_8cl"), r998.Lower, $"{row} lower99.8");
            compare.Check(row.Number("upper99_8cl"), r998.Upper, $"{row} upper99.8");
            Assert.Equal(row["method"], r95.Method.ToString());
            Assert.Equal(row["method"], r998.Method.ToString());
        }

        compare.AssertAll();
        Assert.Equal(17, rows);
    }

    // testdata_Rate__testdata_Rate_g.csv: grouped data (doubled counts and populations), one level per row.
    [ReferenceFact]
    public void Calculate_MatchesReferenceGroupedRates()
    {
        var table = ReferenceCsv.Load("testdata_Rate__testdata_Rate_g.csv");
        var compare = new ReferenceComparison("Crude rates (Rate_g)", 1e-9, output);
        foreach (var row in table.Rows.Where(r => r.Has("Numerator") && r.Has("Denominator")))
        {
            var rate = CrudeRate.Calculate(
                row.Number("Numerator"), row.Number("Denominator"), row.Number("multiplier"), ReferenceLevels.Parse(row["confidence"]));
            compare.Check(row.Number("value"), rate.Value, $"{row} value");
            compare.Check(row.Number("lowercl"), rate.Lower, $"{row} lower");
            compare.Check(row.Number("uppercl"), rate.Upper, $"{row} upper");
            Assert.Equal(row["method"], rate.Method.ToString());
        }

        compare.AssertAll();
        Assert.Equal(27, compare.Count);
    }
}
