using Geo.Core.Statistics;
using Geo.Tests;
using Xunit.Abstractions;

namespace Geo.Core.Tests.Statistics;

public class IndirectlyStandardisedRatioTests(ITestOutputHelper output)
{
    // Expected = 1000 × 0.01 + 2000 × 0.02 = 50. Observed 60: ratio 1.2 (SAR 120); 60 ≥ 10 so Byar's
    // limits 45.78375951551044 and 77.23322394735924 are divided by 50.
    [Fact]
    public void Calculate_HandWorked_SarWithByarsLimits()
    {
        var expected = IndirectlyStandardisedRatio.CalculateExpected([1000, 2000], [0.01, 0.02]);
        var sar = IndirectlyStandardisedRatio.Calculate(60, expected, ConfidenceLevel.Percent95, 100);

        Assert.Equal(50, expected, 1e-12);
        Assert.Equal(120, sar.Value, 1e-12);
        Assert.Equal(45.78375951551044 * 2, sar.Lower, 1e-11);
        Assert.Equal(77.23322394735924 * 2, sar.Upper, 1e-11);
        Assert.Equal(IntervalMethod.Byars, sar.Method);
    }

    [Fact]
    public void Calculate_FewEvents_UsesExactLimits()
    {
        var ratio = IndirectlyStandardisedRatio.Calculate(5, 10, ConfidenceLevel.Percent95);

        Assert.Equal(0.5, ratio.Value, 1e-15);
        Assert.Equal(0.16234863901184209, ratio.Lower, 1e-13);
        Assert.Equal(1.166833207932267, ratio.Upper, 1e-12);
        Assert.Equal(IntervalMethod.Exact, ratio.Method);
    }

    [Fact]
    public void CalculateRate_ScalesRatioByReferenceRate()
    {
        // SAR 1.2 against a reference of 250 per 100,000 is an indirectly standardised rate of 300 per 100,000.
        var rate = IndirectlyStandardisedRatio.CalculateRate(60, 50, 250, ConfidenceLevel.Percent95);

        Assert.Equal(300, rate.Value, 1e-11);
        Assert.Equal(45.78375951551044 * 5, rate.Lower, 1e-10);
    }

    [Fact]
    public void CalculateExpected_ZeroPopulationBand_IsAllowed() =>
        Assert.Equal(20, IndirectlyStandardisedRatio.CalculateExpected([0, 2000], [0.5, 0.01]), 1e-12);

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => IndirectlyStandardisedRatio.CalculateExpected([1000, -1], [0.01, 0.02]));
        Assert.Throws<ArgumentException>(() => IndirectlyStandardisedRatio.CalculateExpected([1000, 1], [0.01, -0.02]));
        Assert.Throws<ArgumentException>(() => IndirectlyStandardisedRatio.CalculateExpected([1000], [0.01, 0.02]));
        Assert.Throws<ArgumentOutOfRangeException>(() => IndirectlyStandardisedRatio.Calculate(-1, 10, ConfidenceLevel.Percent95));
        Assert.Throws<ArgumentOutOfRangeException>(() => IndirectlyStandardisedRatio.Calculate(5, 0, ConfidenceLevel.Percent95));
    }

    // testdata_DSR_ISR__testresults_ISR.csv. Inputs: testdata_multiarea_isr.csv (testdata_big/small/tiny, whose
    // 10-14 band has blanks, read as zero) and, for Area1/Area2, the populations of testdata_err2.csv with the
    // reference counts and populations of refdata.csv (Area1 has a zero population in band 5-9, which is fine
    // for an ISR). Reference rate = Σ refcount / Σ refpop × multiplier. Area1/Area2 have no 99.8% figures.
    [ReferenceFact]
    public void Calculate_MatchesReferenceIsrs()
    {
        var multiarea = ReferenceCsv.Load("testdata_DSR_ISR__testdata_multiarea_isr.csv");
        var err2 = ReferenceCsv.Load("testdata_DSR_ISR__testdata_err2.csv", headerRow: 1);
        var refdata = ReferenceCsv.Load("testdata_DSR_ISR__refdata.csv", headerRow: 1).Rows;
        var results = ReferenceCsv.Load("testdata_DSR_ISR__testresults_ISR.csv");
        var compare = new ReferenceComparison("ISRs (testresults_ISR)", 1e-9, output);

        foreach (var row in results.Rows)
        {
            var area = row["area"];
            double observed, expected, referenceCount, referencePopulation;
            if (area.StartsWith("testdata_", StringComparison.Ordinal))
            {
                var bands = multiarea.Rows.Where(r => r["area"] == area).ToList();
                observed = bands.Sum(r => r.NumberOrZero("count"));
                expected = IndirectlyStandardisedRatio.CalculateExpected(
                    [.. bands.Select(r => r.NumberOrZero("pop"))], [.. bands.Select(r => r.NumberOrZero("refcount") / r.Number("refpop"))]);
                referenceCount = bands.Sum(r => r.NumberOrZero("refcount"));
                referencePopulation = bands.Sum(r => r.Number("refpop"));
            }
            else
            {
                var bands = err2.Rows.Where(r => r["area"] == area).ToList();
                Assert.Equal(refdata.Count, bands.Count);
                observed = bands.Sum(r => r.Number("count"));
                expected = IndirectlyStandardisedRatio.CalculateExpected(
                    [.. bands.Select(r => r.Number("pop"))], [.. refdata.Select(r => r.Number("refcount") / r.Number("refpop"))]);
                referenceCount = refdata.Sum(r => r.Number("refcount"));
                referencePopulation = refdata.Sum(r => r.Number("refpop"));
            }

            compare.Check(row.Number("observed"), observed, $"{row} observed");
            compare.Check(row.Number("expected"), expected, $"{row} expected");
            var statistic = row["statistic"];
            var multiplier = ReferenceLevels.TrailingNumber(statistic);
            Estimate Run(ConfidenceLevel level)
            {
                if (statistic.StartsWith("indirectly standardised rate", StringComparison.Ordinal))
                {
                    var referenceRate = referenceCount / referencePopulation * multiplier;
                    compare.Check(row.Number("ref_rate"), referenceRate, $"{row} ref_rate");
                    return IndirectlyStandardisedRatio.CalculateRate(observed, expected, referenceRate, level);
                }

                return IndirectlyStandardisedRatio.Calculate(observed, expected, level, multiplier);
            }

            var i95 = Run(ConfidenceLevel.Percent95);
            compare.Check(row.Number("value"), i95.Value, $"{row} value");
            compare.Check(row.Number("lower95_0cl"), i95.Lower, $"{row} lower95");
            compare.Check(row.Number("upper95_0cl"), i95.Upper, $"{row} upper95");
            if (row.Has("lower99_8cl"))
            {
                var i998 = Run(ConfidenceLevel.Percent99Point8);
                compare.Check(row.Number("lower99_8cl"), i998.Lower, $"{row} lower99.8");
                compare.Check(row.Number("upper99_8cl"), i998.Upper, $"{row} upper99.8");
            }

            Assert.Equal(row["method"], i95.Method.ToString());
        }

        compare.AssertAll();
        Assert.Equal(16, results.Rows.Count);
    }
}
