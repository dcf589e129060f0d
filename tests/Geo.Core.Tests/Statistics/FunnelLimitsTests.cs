using Geo.Core.Statistics;
using Geo.Tests;
using Xunit.Abstractions;

namespace Geo.Core.Tests.Statistics;

public class FunnelLimitsTests(ITestOutputHelper output)
{
    // Proportion funnel: benchmark ± z √(P(1-P)/n). n = 100, P = 0.2: 0.2 ± 1.959964 × 0.04.
    [Fact]
    public void CalculateForProportion_HandWorked()
    {
        var limits = FunnelLimits.CalculateForProportion(100, 0.2, ConfidenceLevel.Percent95);

        Assert.Equal(0.12160144061839787, limits.Lower, 1e-15);
        Assert.Equal(0.2783985593816022, limits.Upper, 1e-15);
    }

    [Fact]
    public void CalculateForProportion_SmallDenominator_ClampedToZeroAndMultiplier()
    {
        var limits = FunnelLimits.CalculateForProportion(1, 80, ConfidenceLevel.Percent99Point8, 100);

        Assert.Equal(0, limits.Lower);
        Assert.Equal(100, limits.Upper);
    }

    // Ratio funnel: at expected E the lower limit is O/E where O's exact upper Poisson limit is E,
    // and the upper limit is O/E where O's exact lower Poisson limit is E.
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(37)]
    [InlineData(716)]
    public void CalculateForRatio_PassesThroughExactPoissonPoints(int observed)
    {
        foreach (var level in new[] { ConfidenceLevel.Percent95, ConfidenceLevel.Percent99Point8 })
        {
            var exact = PoissonInterval.CalculateExact(observed, level);

            var atUpper = FunnelLimits.CalculateForRatio(exact.Upper, level);
            var atLower = FunnelLimits.CalculateForRatio(exact.Lower, level);

            Assert.True(ReferenceComparison.RelativeError(observed, atUpper.Lower * exact.Upper) < 1e-9, $"{observed} at {level}: {atUpper.Lower * exact.Upper:R}");
            Assert.True(ReferenceComparison.RelativeError(observed, atLower.Upper * exact.Lower) < 1e-9, $"{observed} at {level}: {atLower.Upper * exact.Lower:R}");
        }
    }

    [Fact]
    public void CalculateForRatio_SmallExpected_LowerLimitIsZero()
    {
        // Below E = -ln(0.025) = 3.69 even no events at all would not be significantly low at 95%.
        var limits = FunnelLimits.CalculateForRatio(1, ConfidenceLevel.Percent95);

        Assert.Equal(0, limits.Lower);
        Assert.Equal(0.025, GammaFunctions.LowerRegularized(limits.Upper, 1), 1e-13);
    }

    [Fact]
    public void CalculateForRatio_Multiplier_ScalesLimits()
    {
        var ratio = FunnelLimits.CalculateForRatio(50, ConfidenceLevel.Percent95);
        var sar = FunnelLimits.CalculateForRatio(50, ConfidenceLevel.Percent95, 100);

        Assert.Equal(ratio.Lower * 100, sar.Lower, 1e-12);
        Assert.Equal(ratio.Upper * 100, sar.Upper, 1e-12);
        Assert.True(ratio.Lower < 1 && ratio.Upper > 1);
    }

    // Rate funnel: expected events = denominator × benchmark / multiplier; limits are the ratio limits × benchmark.
    [Fact]
    public void CalculateForRate_IsRatioFunnelTimesBenchmark()
    {
        var rate = FunnelLimits.CalculateForRate(50_000, 200, ConfidenceLevel.Percent95, 100_000);
        var ratio = FunnelLimits.CalculateForRatio(100, ConfidenceLevel.Percent95);

        Assert.Equal(ratio.Lower * 200, rate.Lower, 1e-10);
        Assert.Equal(ratio.Upper * 200, rate.Upper, 1e-10);

        // The population at which 100 events is the lower limit: E = exact upper limit of 100 events.
        var population = PoissonInterval.CalculateExact(100, ConfidenceLevel.Percent95).Upper / 200 * 100_000;
        var atPopulation = FunnelLimits.CalculateForRate(population, 200, ConfidenceLevel.Percent95, 100_000);
        Assert.Equal(100 / population * 100_000, atPopulation.Lower, 1e-9);
    }

    [Theory]
    [InlineData(0.5, FunnelPosition.Below998)]
    [InlineData(0.75, FunnelPosition.Below95)]
    [InlineData(1.0, FunnelPosition.WithinLimits)]
    [InlineData(0.8, FunnelPosition.WithinLimits)]
    [InlineData(1.25, FunnelPosition.Above95)]
    [InlineData(2.0, FunnelPosition.Above998)]
    public void Classify_AgainstBothLimits(double value, FunnelPosition position) =>
        Assert.Equal(position, FunnelLimits.Classify(value, new ControlLimits(0.8, 1.2), new ControlLimits(0.7, 1.3)));

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelLimits.CalculateForProportion(0, 0.5, ConfidenceLevel.Percent95));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelLimits.CalculateForProportion(10, 1.5, ConfidenceLevel.Percent95));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelLimits.CalculateForRatio(0, ConfidenceLevel.Percent95));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelLimits.CalculateForRate(100, -1, ConfidenceLevel.Percent95, 1000));
    }

    // testdata_funnel_prop_outputs.csv: 100 denominators, limits in percent, printed to 6 decimals around a
    // baseline itself printed to 6 decimals (80.642448). Tolerance 2e-6 percentage points: half a unit of
    // the last printed digit for the limit plus the baseline's rounding carried through the formula.
    [ReferenceFact]
    public void CalculateForProportion_MatchesReferenceFunnel()
    {
        var table = ReferenceCsv.Load("testdata_funnel_prop_outputs.csv");
        var compare = new ReferenceComparison("Proportion funnel (funnel_prop_outputs)", 0, output);
        foreach (var row in table.Rows)
        {
            var n = row.Number("Population");
            var baseline = row.Number("Baseline");
            var l95 = FunnelLimits.CalculateForProportion(n, baseline, ConfidenceLevel.Percent95, 100);
            var l998 = FunnelLimits.CalculateForProportion(n, baseline, ConfidenceLevel.Percent99Point8, 100);
            compare.CheckAbsolute(row.Number("Lower2s0025limit"), l95.Lower, $"{row} lower 2s", 2e-6);
            compare.CheckAbsolute(row.Number("Upper2s0025limit"), l95.Upper, $"{row} upper 2s", 2e-6);
            compare.CheckAbsolute(row.Number("Lower3s0001limit"), l998.Lower, $"{row} lower 3s", 2e-6);
            compare.CheckAbsolute(row.Number("Upper3s0001limit"), l998.Upper, $"{row} upper 3s", 2e-6);
        }

        compare.AssertAll();
        Assert.Equal(400, compare.Count);
    }

    // testdata_funnel_prop_inputs.csv: each area's significance label, its proportion against the funnel
    // around Σ numerators / Σ denominators of all 303 areas.
    [ReferenceFact]
    public void Classify_MatchesReferenceProportionSignificance()
    {
        var rows = ReferenceCsv.Load("testdata_funnel_prop_inputs.csv").Rows;
        var average = rows.Sum(r => r.Number("numerator")) / rows.Sum(r => r.Number("denominator"));
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            var n = row.Number("denominator");
            var position = FunnelLimits.Classify(
                row.Number("numerator") / n,
                FunnelLimits.CalculateForProportion(n, average, ConfidenceLevel.Percent95),
                FunnelLimits.CalculateForProportion(n, average, ConfidenceLevel.Percent99Point8));
            if (Label(position) != row["significance"])
            {
                mismatches.Add($"{row}: {row["Area"]} is {position}, reference says {row["significance"]}");
            }
        }

        output.WriteLine($"Proportion funnel significance: {rows.Count} areas, {mismatches.Count} mismatches");
        Assert.Equal(303, rows.Count);
        Assert.Empty(mismatches);
    }

    // testdata_funnel_ratio_outputs.csv: for each observed count O, the expected counts at which O sits on
    // the funnel (lower_*_exp_events = exact upper limit of O, upper_*_exp_events = exact lower limit), and
    // the limits as O/E - 1 ("count") and 100 O/E ("isr"). The reference finds those expected counts by
    // bisecting v = E/(1 + O + E) to a step of 6e-8 (the package's poisson_funnel), so its figures are only
    // that precise: the tolerance is |Δv| ≤ 1e-7, i.e. a relative error in E (and in O/E) of 1e-7/(v(1-v)),
    // up to 2e-4 for O = 1 at 99.8% where E = 0.001. Our limits come from the gamma quantile, not bisection.
    [ReferenceFact]
    public void ExactPoissonLimits_MatchReferenceRatioFunnel()
    {
        var table = ReferenceCsv.Load("testdata_funnel_ratio_outputs.csv");
        var compare = new ReferenceComparison("Ratio funnel (funnel_ratio_outputs)", 0, output);
        foreach (var row in table.Rows)
        {
            var observed = row.Number("Observed_events");
            foreach (var (prefix, level) in new[] { ("2s", ConfidenceLevel.Percent95), ("3s", ConfidenceLevel.Percent99Point8) })
            {
                var exact = PoissonInterval.CalculateExact(observed, level);
                var funnelAtUpper = FunnelLimits.CalculateForRatio(exact.Upper, level);
                var funnelAtLower = FunnelLimits.CalculateForRatio(exact.Lower, level);
                Check($"lower_{prefix}", exact.Upper, funnelAtUpper.Lower);
                Check($"upper_{prefix}", exact.Lower, funnelAtLower.Upper);
            }

            void Check(string column, double expected, double ratioLimit)
            {
                var v = expected / (1 + observed + expected);
                var tolerance = (1e-7 / (v * (1 - v))) + 1e-9;
                compare.Check(row.Number(column + "_exp_events"), expected, $"{row} {column}_exp_events", tolerance);
                compare.Check(row.Number(column + "_count") + 1, ratioLimit, $"{row} {column}_count", tolerance);
                compare.Check(row.Number(column + "_isr"), ratioLimit * 100, $"{row} {column}_isr", tolerance);
            }
        }

        compare.AssertAll();
        Assert.Equal(100 * 12, compare.Count);
    }

    // testdata_funnel_ratio_inputs.csv: an area is High/Low at 0.001 or 0.025 when its own 99.8% or 95%
    // interval for O/E (exact below 10 events, Byar's from 10) excludes 1.
    [ReferenceFact]
    public void Significance_MatchesReferenceRatioSignificance()
    {
        var rows = ReferenceCsv.Load("testdata_funnel_ratio_inputs.csv").Rows;
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            var (observed, expected) = (row.Number("obs"), row.Number("expected"));
            var c998 = Significance.Compare(IndirectlyStandardisedRatio.Calculate(observed, expected, ConfidenceLevel.Percent99Point8), 1);
            var c95 = Significance.Compare(IndirectlyStandardisedRatio.Calculate(observed, expected, ConfidenceLevel.Percent95), 1);
            var label = (c998, c95) switch
            {
                (Comparison.Higher, _) => "High (0.001)",
                (_, Comparison.Higher) => "High (0.025)",
                (Comparison.Lower, _) => "Low (0.001)",
                (_, Comparison.Lower) => "Low (0.025)",
                _ => "Not significant",
            };
            if (label != row["significance"])
            {
                mismatches.Add($"{row}: O={observed} E={expected} gives {label}, reference says {row["significance"]}");
            }
        }

        output.WriteLine($"Ratio significance: {rows.Count} areas, {mismatches.Count} mismatches");
        Assert.Equal(300, rows.Count);
        Assert.Empty(mismatches);
    }

    private static string Label(FunnelPosition position) => position switch
    {
        FunnelPosition.Above998 => "High (0.001)",
        FunnelPosition.Above95 => "High (0.025)",
        FunnelPosition.Below998 => "Low (0.001)",
        FunnelPosition.Below95 => "Low (0.025)",
        _ => "Not significant",
    };
}
