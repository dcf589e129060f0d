using Geo.Core.Statistics;
using Geo.Tests;
using Xunit.Abstractions;

namespace Geo.Core.Tests.Statistics;

public class ProportionIntervalTests(ITestOutputHelper output)
{
    // Wilson by hand for 5/100, z = 1.959964 (z² = 3.841459):
    // (2×5 + z² ∓ z √(z² + 4×5×(1 - 5/100))) / (2 (100 + z²)) = (13.841459 ∓ 9.3675) / 207.682918.
    [Fact]
    public void CalculateWilson_FiveInHundred_MatchesHandWorking()
    {
        var i = ProportionInterval.CalculateWilson(5, 100, ConfidenceLevel.Percent95);

        Assert.Equal(0.02154367915436798, i.Lower, 1e-14);
        Assert.Equal(0.11175046923191911, i.Upper, 1e-14);
    }

    [Fact]
    public void Calculate_Percentage_ScalesValueAndLimits()
    {
        var e = ProportionInterval.Calculate(5, 100, 100, ConfidenceLevel.Percent95);

        Assert.Equal(5, e.Value, 1e-12);
        Assert.Equal(2.154367915436798, e.Lower, 1e-12);
        Assert.Equal(11.175046923191911, e.Upper, 1e-12);
        Assert.Equal(IntervalMethod.Wilson, e.Method);
    }

    [Fact]
    public void CalculateWilson_NoneAndAll_StayInsideZeroToOne()
    {
        var none = ProportionInterval.CalculateWilson(0, 20, ConfidenceLevel.Percent95);
        var all = ProportionInterval.CalculateWilson(20, 20, ConfidenceLevel.Percent95);

        Assert.Equal(0, none.Lower, 1e-15);
        Assert.True(none.Upper is > 0 and < 1);
        Assert.Equal(1, all.Upper, 1e-15);
        Assert.Equal(1 - none.Upper, all.Lower, 1e-15);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(1, 0)]
    [InlineData(double.NaN, 10)]
    public void Calculate_BadInput_Throws(double numerator, double denominator) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Calculate(numerator, denominator, 1, ConfidenceLevel.Percent95));

    // testdata_Byars_Wilson__testdata_B_W.csv, method = Wilson (including a fractional numerator 0.445 of 1).
    [ReferenceFact]
    public void CalculateWilson_MatchesReferenceRows()
    {
        var table = ReferenceCsv.Load("testdata_Byars_Wilson__testdata_B_W.csv");
        var compare = new ReferenceComparison("Wilson (B_W)", 1e-12, output);
        foreach (var row in table.Rows.Where(r => r["method"] == "Wilson"))
        {
            var i = ProportionInterval.CalculateWilson(row.Number("x"), row.Number("n"), ReferenceLevels.Parse(row["confidence"]));
            compare.Check(row.Number("lowercl"), i.Lower, $"{row} lower");
            compare.Check(row.Number("uppercl"), i.Upper, $"{row} upper");
        }

        compare.AssertAll();
        Assert.Equal(12, compare.Count);
    }

    // testdata_Proportion__testdata_Prop.csv: proportions of 1 and percentages at 95% and 99.8%.
    // Rows Area09-11 have a missing numerator or denominator (NA in R) and are skipped.
    [ReferenceFact]
    public void Calculate_MatchesReferenceProportions()
    {
        var table = ReferenceCsv.Load("testdata_Proportion__testdata_Prop.csv");
        var compare = new ReferenceComparison("Proportions (Prop)", 1e-9, output);
        foreach (var row in table.Rows.Where(r => r.Has("Numerator") && r.Has("Denominator")))
        {
            var (x, n, multiplier) = (row.Number("Numerator"), row.Number("Denominator"), row.Number("multiplier"));
            var p95 = ProportionInterval.Calculate(x, n, multiplier, ConfidenceLevel.Percent95);
            var p998 = ProportionInterval.Calculate(x, n, multiplier, ConfidenceLevel.Percent99Point8);
            compare.Check(row.Number("value"), p95.Value, $"{row} value");
            compare.Check(row.Number("lower95_0cl"), p95.Lower, $"{row} lower95");
            compare.Check(row.Number("upper95_0cl"), p95.Upper, $"{row} upper95");
            compare.Check(row.Number("lower99_8cl"), p998.Lower, $"{row} lower99.8");
            compare.Check(row.Number("upper99_8cl"), p998.Upper, $"{row} upper99.8");
            Assert.Equal(row["method"], p95.Method.ToString());
        }

        compare.AssertAll();
        Assert.Equal(80, compare.Count);
    }

    // testdata_Proportion__testdata_Prop_g.csv: grouped (doubled) data at 95%.
    [ReferenceFact]
    public void Calculate_MatchesReferenceGroupedProportions()
    {
        var table = ReferenceCsv.Load("testdata_Proportion__testdata_Prop_g.csv");
        var compare = new ReferenceComparison("Proportions (Prop_g)", 1e-9, output);
        foreach (var row in table.Rows.Where(r => r.Has("Numerator") && r.Has("Denominator")))
        {
            var p = ProportionInterval.Calculate(
                row.Number("Numerator"), row.Number("Denominator"), row.Number("multiplier"), ReferenceLevels.Parse(row["confidence"]));
            compare.Check(row.Number("value"), p.Value, $"{row} value");
            compare.Check(row.Number("lowercl"), p.Lower, $"{row} lower");
            compare.Check(row.Number("uppercl"), p.Upper, $"{row} upper");
        }

        compare.AssertAll();
        Assert.Equal(24, compare.Count);
    }
}
