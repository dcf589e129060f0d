using Geo.Core.Statistics;
using Geo.Tests;
using Xunit.Abstractions;

namespace Geo.Core.Tests.Statistics;

public class PoissonIntervalTests(ITestOutputHelper output)
{
    private const double Tight = 1e-12;

    // Exact limits by hand. Lower L solves P(X ≥ O | L) = α/2, upper U solves P(X ≤ O | U) = α/2.
    // O = 0: L = 0 and e^-U = α/2, so U = -ln(α/2).
    [Fact]
    public void CalculateExact_ZeroEvents_LowerIsZeroUpperIsMinusLogHalfAlpha()
    {
        var i95 = PoissonInterval.CalculateExact(0, ConfidenceLevel.Percent95);
        var i998 = PoissonInterval.CalculateExact(0, ConfidenceLevel.Percent99Point8);

        Assert.Equal(0, i95.Lower);
        Assert.Equal(3.6888794541139363, i95.Upper, Tight * 4); // -ln 0.025
        Assert.Equal(0, i998.Lower);
        Assert.Equal(6.907755278982137, i998.Upper, Tight * 7); // -ln 0.001
    }

    // O = 1: 1 - e^-L = α/2 gives L = -ln(0.975); e^-U (1 + U) = 0.025 solved by bisection gives U.
    [Fact]
    public void CalculateExact_OneEvent_MatchesClosedForm()
    {
        var i = PoissonInterval.CalculateExact(1, ConfidenceLevel.Percent95);

        Assert.Equal(0.025317807984289786, i.Lower, Tight);
        Assert.Equal(5.571643390938899, i.Upper, Tight * 6);
        Assert.Equal(0.025, Math.Exp(-i.Upper) * (1 + i.Upper), Tight);
    }

    // O = 5: the limits are where the Poisson tail sums, written out term by term, equal α/2.
    [Theory]
    [InlineData(0.95, 1.6234863901184209, 11.66833207932267)]
    [InlineData(0.998, 0.7393717319178199, 16.454745203680105)]
    public void CalculateExact_FiveEvents_SolvesPoissonTailSums(double level, double lower, double upper)
    {
        var confidence = new ConfidenceLevel(level);
        var i = PoissonInterval.CalculateExact(5, confidence);
        var halfAlpha = (1 - level) / 2;

        Assert.Equal(lower, i.Lower, Tight * 2);
        Assert.Equal(upper, i.Upper, Tight * 20);
        Assert.Equal(halfAlpha, 1 - PoissonCdf(4, i.Lower), 1e-13);
        Assert.Equal(halfAlpha, PoissonCdf(5, i.Upper), 1e-13);
    }

    // Byar's: L = O (1 - 1/(9O) - z/(3√O))³, U = (O+1) (1 - 1/(9(O+1)) + z/(3√(O+1)))³, z = 1.959964 for 95%.
    [Fact]
    public void CalculateByars_HundredEvents_MatchesFormulaByHand()
    {
        var i = PoissonInterval.CalculateByars(100, ConfidenceLevel.Percent95);

        Assert.Equal(81.36210549052788, i.Lower, 1e-11);  // 100 × (1 - 1/900 - 1.959964/30)³
        Assert.Equal(121.6279375792065, i.Upper, 1e-11);  // 101 × (1 - 1/909 + 1.959964/(3√101))³
    }

    [Fact]
    public void CalculateByars_OneEventAt998_LowerClampedAtZero()
    {
        // The formula gives 1 × (1 - 1/9 - 3.090232/3)³ = -0.0028: a count cannot be negative.
        var i = PoissonInterval.CalculateByars(1, ConfidenceLevel.Percent99Point8);

        Assert.Equal(0, i.Lower);
        Assert.Equal(9.362180217908362, i.Upper, 1e-12);
    }

    [Theory]
    [InlineData(0, IntervalMethod.Exact)]
    [InlineData(9, IntervalMethod.Exact)]
    [InlineData(9.99, IntervalMethod.Exact)]
    [InlineData(10, IntervalMethod.Byars)]
    [InlineData(1e6, IntervalMethod.Byars)]
    public void Calculate_FollowsOhidRule_ExactBelowTenByarsFromTen(double observed, IntervalMethod method)
    {
        var e = PoissonInterval.Calculate(observed, ConfidenceLevel.Percent95);

        Assert.Equal(method, e.Method);
        Assert.Equal(observed, e.Value);
        var expected = method == IntervalMethod.Exact
            ? PoissonInterval.CalculateExact(observed, ConfidenceLevel.Percent95)
            : PoissonInterval.CalculateByars(observed, ConfidenceLevel.Percent95);
        Assert.Equal(expected, e.Interval);
    }

    [Fact]
    public void CalculateExact_LargeCount_AgreesWithByarsClosely()
    {
        // Byar's approximation is within about 1e-5 relative of the exact limits at 10,000 events.
        var exact = PoissonInterval.CalculateExact(10_000, ConfidenceLevel.Percent95);
        var byars = PoissonInterval.CalculateByars(10_000, ConfidenceLevel.Percent95);

        Assert.True(ReferenceComparison.RelativeError(exact.Lower, byars.Lower) < 1e-5);
        Assert.True(ReferenceComparison.RelativeError(exact.Upper, byars.Upper) < 1e-5);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Calculate_BadCount_Throws(double observed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonInterval.Calculate(observed, ConfidenceLevel.Percent95));
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonInterval.CalculateExact(observed, ConfidenceLevel.Percent95));
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonInterval.CalculateByars(observed, ConfidenceLevel.Percent95));
    }

    // testdata_Byars_Wilson__testdata_B_W.csv, method = Byars: every row, every figure present.
    // The last row (x = 1, 99.8%) has no lower figure: the formula would be negative there.
    [ReferenceFact]
    public void CalculateByars_MatchesReferenceRows()
    {
        var table = ReferenceCsv.Load("testdata_Byars_Wilson__testdata_B_W.csv");
        var compare = new ReferenceComparison("Byar's (B_W)", 1e-12, output);
        foreach (var row in table.Rows.Where(r => r["method"] == "Byars"))
        {
            var i = PoissonInterval.CalculateByars(row.Number("x"), ReferenceLevels.Parse(row["confidence"]));
            if (row.Has("lowercl"))
            {
                compare.Check(row.Number("lowercl"), i.Lower, $"{row} lower");
            }

            compare.Check(row.Number("uppercl"), i.Upper, $"{row} upper");
        }

        compare.AssertAll();
        Assert.Equal(13, compare.Count);
    }

    private static double PoissonCdf(int k, double mean)
    {
        var term = Math.Exp(-mean);
        var sum = term;
        for (var j = 1; j <= k; j++)
        {
            term *= mean / j;
            sum += term;
        }

        return sum;
    }
}
