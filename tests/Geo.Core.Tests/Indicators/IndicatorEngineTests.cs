using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Core.Statistics;
using Geo.Tests;
using static Geo.Core.Tests.Indicators.TinyGeography;

namespace Geo.Core.Tests.Indicators;

public class IndicatorEngineTests
{
    private static readonly IReadOnlyDictionary<string, double[]> People =
        Population(("N1", 1000), ("N2", 3000), ("N3", 2000), ("N4", 1000), ("N5", 1000));

    private static IndicatorRow Row(IndicatorEngine engine, string code) =>
        engine.Compute("2024").Single(r => r.Area.Code == code);

    [Fact]
    public void Compute_CrudeRate_SumsCountsBeforeDividingInsteadOfAveragingRates()
    {
        var engine = Engine(Source(IndicatorValueType.CrudeRate, 100_000, Counts(("N1", 5), ("N2", 20), ("N3", 4), ("N4", 3), ("N5", 8))), People);

        var place = Row(engine, "D1");

        // 25 events in 4,000 people; the mean of the two rates (500 and 666.7) would be 583.3.
        Assert.Equal(25, place.Count);
        Assert.Equal(4000, place.Denominator);
        Assert.Equal(625, place.Value!.Value, 9);
        // Byar's limits of 25 events worked by hand: 25(1 - 1/225 - z/15)^3 and 26(1 - 1/234 + z/(3√26))^3.
        Assert.Equal(16.174265921657202 / 4000 * 100_000, place.Lower95!.Value, 9);
        Assert.Equal(36.90645069218536 / 4000 * 100_000, place.Upper95!.Value, 9);
    }

    [Fact]
    public void Compute_CrudeRateBelowTenEvents_UsesExactPoissonLimits()
    {
        var engine = Engine(Source(IndicatorValueType.CrudeRate, 100, Counts(("N1", 5), ("N2", 20), ("N3", 4), ("N4", 3), ("N5", 8))),
            Population(("N1", 100), ("N2", 3000), ("N3", 2000), ("N4", 1000), ("N5", 1000)));

        var n1 = Row(engine, "N1");

        // OHID's published vector: 5 events in 100, per 100: 5 (1.62348639011842, 11.6683320793227).
        Assert.Equal(5, n1.Value!.Value, 12);
        Assert.Equal(1.62348639011842, n1.Lower95!.Value, 9);
        Assert.Equal(11.6683320793227, n1.Upper95!.Value, 9);
    }

    [Fact]
    public void Compute_CountsOfChildrenSumToTheParentAtEveryLevel()
    {
        var engine = Engine(Source(IndicatorValueType.CrudeRate, 1000, Counts(("N1", 5), ("N2", 20), ("N3", 4), ("N4", 3), ("N5", 8))), People);
        var rows = engine.Compute("2024").ToDictionary(r => r.Area.Code);
        var geography = Build();

        foreach (var area in geography.Areas.Where(a => a.ChildCodes.Count > 0))
        {
            Assert.Equal(rows[area.Code].Count, area.ChildCodes.Sum(c => rows[c].Count));
            Assert.Equal(rows[area.Code].Denominator, area.ChildCodes.Sum(c => rows[c].Denominator));
        }

        Assert.Equal(40, rows["C"].Count);
    }

    [Fact]
    public void Compute_Proportion_GivesWilsonLimitsOnSummedCounts()
    {
        var records = new[] { ("N1", 10.0, 100.0), ("N2", 20, 100), ("N3", 1, 50), ("N4", 0, 50), ("N5", 2, 50) }
            .Select((r, i) => new IndicatorRecord(r.Item1, "2024", -1, r.Item2, r.Item3, i + 2));
        var engine = Engine(Source(IndicatorValueType.Proportion, 100, records), People);

        var place = Row(engine, "D1");

        // 30 of 200 with Wilson's score interval, worked by hand: 15% (10.7136%, 20.6056%).
        Assert.Equal(15, place.Value!.Value, 12);
        Assert.Equal(10.713593562241996, place.Lower95!.Value, 9);
        Assert.Equal(20.605579284166662, place.Upper95!.Value, 9);
        Assert.Equal(200, place.Denominator);
    }

    [Fact]
    public void Compute_Score_IsThePopulationWeightedMean()
    {
        var engine = Engine(Source(IndicatorValueType.Score, 1, Counts(("N1", 10), ("N2", 40), ("N3", 20), ("N4", 5), ("N5", 15))), People);

        Assert.Equal(32.5, Row(engine, "D1").Value!.Value, 12); // (10×1000 + 40×3000) / 4000
        Assert.Equal((10 * 1000 + 40 * 3000 + 20 * 2000 + 5 * 1000 + 15 * 1000) / 8000.0, Row(engine, "C").Value!.Value, 12);
        Assert.Null(Row(engine, "D1").Lower95);
        Assert.Equal(Comparison.NotCompared, Row(engine, "D1").VsEngland95);
    }

    [Fact]
    public void Compute_NeighbourhoodWithoutData_LowersCoverageAndIsLeftOut()
    {
        var engine = Engine(Source(IndicatorValueType.CrudeRate, 1000, Counts(("N1", 5), ("N3", 4), ("N4", 3), ("N5", 8))), People);

        var place = Row(engine, "D1");

        Assert.Equal(0.25, place.Coverage, 12); // N1's 1,000 of D1's 4,000
        Assert.Equal(5, place.Count);
        Assert.Equal(1000, place.Denominator);
        Assert.Equal(5000.0 / 8000, Row(engine, "C").Coverage, 12); // all but N2's 3,000
        Assert.Equal("no data", Row(engine, "N2").Note);
    }

    [Fact]
    public void Compute_NoPopulationFile_CoverageIsTheShareOfNeighbourhoodsWithData()
    {
        // The indicator brings its own denominators; the dataset has no population. N2 has no data.
        var records = new[] { ("N1", 5.0), ("N3", 4.0), ("N4", 3.0), ("N5", 8.0) }
            .Select(c => new IndicatorRecord(c.Item1, "2024", -1, c.Item2, 1000, 2));
        var engine = Engine(Source(IndicatorValueType.CrudeRate, 1000, records), new Dictionary<string, double[]>());

        Assert.Equal(0.5, Row(engine, "D1").Coverage, 12); // N1 of N1, N2
        Assert.Equal(2.0 / 3, Row(engine, "S1").Coverage, 12); // N1, N3 of N1, N2, N3
        Assert.Equal(0.8, Row(engine, "C").Coverage, 12); // four of five
        Assert.Equal(1.0, Row(engine, "D3").Coverage, 12);
    }

    [Fact]
    public void Compute_PlaceLevelData_StaysAtPlacesAndSumsUpwards()
    {
        var engine = Engine(Source(IndicatorValueType.CrudeRate, 1000, Counts(("D1", 30), ("D2", 10), ("D3", 20)), level: Level.Place), People);

        Assert.Null(Row(engine, "N1").Count);
        Assert.Equal(30, Row(engine, "D1").Count);
        Assert.Equal(40, Row(engine, "S1").Count);
        Assert.Equal(60, Row(engine, "C").Count);
        Assert.Equal(1.0, Row(engine, "C").Coverage, 12);
    }

    [Fact]
    public void Compute_IndirectlyStandardisedRatio_UsesTheDatasetTotalsAgeSpecificRates()
    {
        IReadOnlyList<AgeBand> bands = [new(0, 64), new(65, null)];
        var population = new Dictionary<string, double[]>
        {
            ["N1"] = [100, 100],
            ["N2"] = [300, 100],
            ["N3"] = [100, 0],
            ["N4"] = [0, 100],
            ["N5"] = [100, 0],
        };
        var records = new (string Area, int Band, double Count)[]
        {
            ("N1", 0, 2), ("N1", 1, 8), ("N2", 0, 1), ("N2", 1, 19), ("N3", 0, 0), ("N4", 1, 0), ("N5", 0, 0),
        }.Select((r, i) => new IndicatorRecord(r.Area, "2024", r.Band, r.Count, null, i + 2));
        var engine = Engine(Source(IndicatorValueType.IndirectlyStandardisedRatio, 100, records, bands), population, bands);

        var n1 = Row(engine, "N1");

        // England rates: 3 / 600 under 65 and 27 / 300 from 65; N1 expects 100×0.005 + 100×0.09 = 9.5.
        Assert.Equal(9.5, n1.Expected!.Value, 12);
        Assert.Equal(10 / 9.5 * 100, n1.Value!.Value, 9);
        Assert.Equal(4.787449913967563 / 9.5 * 100, n1.Lower95!.Value, 9); // Byar's, 10 events
        Assert.Equal(100, Row(engine, "C").Value!.Value, 9);
        Assert.Equal(0.5, n1.Excess!.Value, 12);
    }

    [ReferenceFact]
    public void Compute_DirectlyStandardisedRate_OfNeighbourhoodsSummedIntoAPlace_MatchesOhidReference()
    {
        // OHID's testdata_big (19 ESP2013 bands), split unevenly between N1 and N2; the place must give
        // the published DSR per 10,000: 1043.02479914694 (971.770906798568, 1117.89409154792).
        double[] counts = [127, 25, 18, 21, 12, 27, 48, 27, 29, 32, 32, 34, 45, 65, 38, 68, 74, 82, 91];
        double[] pops = [636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153, 123, 207];
        var population = new Dictionary<string, double[]>
        {
            ["N1"] = pops.Select(p => Math.Floor(p / 3)).ToArray(),
            ["N2"] = pops.Select(p => p - Math.Floor(p / 3)).ToArray(),
            ["N3"] = pops,
            ["N4"] = pops,
            ["N5"] = pops,
        };
        var records = new List<IndicatorRecord>();
        for (var b = 0; b < 19; b++)
        {
            records.Add(new IndicatorRecord("N1", "2024", b, Math.Floor(counts[b] / 4), null, 2));
            records.Add(new IndicatorRecord("N2", "2024", b, counts[b] - Math.Floor(counts[b] / 4), null, 2));
            records.Add(new IndicatorRecord("N3", "2024", b, 1, null, 2));
        }

        var engine = Engine(Source(IndicatorValueType.DirectlyStandardisedRate, 10_000, records, AgeBand.Esp2013),
            population, AgeBand.Esp2013);

        var place = Row(engine, "D1");

        Assert.Equal(1043.02479914694, place.Value!.Value, 8);
        Assert.Equal(971.770906798568, place.Lower95!.Value, 8);
        Assert.Equal(1117.89409154792, place.Upper95!.Value, 8);
        Assert.Equal(932.32878802199, place.Lower998!.Value, 8);
        Assert.Equal(1162.05959995221, place.Upper998!.Value, 8);
        Assert.Null(Row(engine, "N4").Value); // no events: below 10, no DSR
        Assert.NotNull(Row(engine, "N4").Note);
    }

    [Fact]
    public void Compute_CensusPopulationTo85Plus_MergesEsp2013TopBandsForTheStandard()
    {
        IReadOnlyList<AgeBand> census = [.. AgeBand.Esp2013.Take(17), new AgeBand(85, null)];
        var population = Neighbourhoods.ToDictionary(n => n, _ => census.Select(_ => 100.0).ToArray());
        var records = Neighbourhoods.SelectMany(n => Enumerable.Range(0, 19).Select(b => new IndicatorRecord(n, "2024", b, 2, null, 2)));

        var engine = Engine(Source(IndicatorValueType.DirectlyStandardisedRate, 100_000, records, AgeBand.Esp2013), population, census);

        Assert.Equal(18, engine.Bands.Count);
        Assert.Equal("85+", engine.Bands[^1].ToString());
        // Every band has rate 2/100 except 85+ (4/100: two ESP bands of data on one band of population):
        // DSR = (2% × 97,500 + 4% × 2,500) / 100,000 = 2.05%.
        Assert.Equal(2050, Row(engine, "N1").Value!.Value, 9);
    }

    [Fact]
    public void Compute_ComparesWithParentAndEngland_AndJudgesByPolarity()
    {
        var people = Population(("N1", 10_000), ("N2", 10_000), ("N3", 10_000), ("N4", 10_000), ("N5", 10_000));
        var counts = Counts(("N1", 400), ("N2", 100), ("N3", 100), ("N4", 100), ("N5", 100));

        var worse = Engine(Source(IndicatorValueType.CrudeRate, 1000, counts, polarity: Polarity.HigherIsWorse), people);
        var better = Engine(Source(IndicatorValueType.CrudeRate, 1000, counts, polarity: Polarity.HigherIsBetter), people);

        var n1 = Row(worse, "N1");
        Assert.Equal(Comparison.Higher, n1.VsEngland95);
        Assert.Equal(Comparison.Higher, n1.VsParent998);
        Assert.Equal(Judgement.Worse, n1.JudgementVsEngland);
        Assert.Equal(Judgement.Better, Row(better, "N1").JudgementVsEngland);
        Assert.Equal(Comparison.Lower, Row(worse, "N2").VsParent95);
        Assert.Equal(Comparison.NotCompared, Row(worse, "C").VsEngland95);
    }

    [Fact]
    public void Compute_ExcessAndItsShareOfTheParentsPositiveExcess()
    {
        var people = Population(("N1", 1000), ("N2", 1000), ("N3", 2000), ("N4", 1000), ("N5", 1000));
        var engine = Engine(Source(IndicatorValueType.CrudeRate, 1000, Counts(("N1", 30), ("N2", 10), ("N3", 20), ("N4", 0), ("N5", 0))), people);

        // England: 60 events in 6,000 people, 1%. N1 expects 10 → excess 20; N2 expects 10 → 0; D1's
        // positive excess (20) is all N1's; D1 (40 vs 20) and D2 (20 vs 20) share S1's 20 + 0.
        Assert.Equal(10, Row(engine, "N1").Expected!.Value, 12);
        Assert.Equal(20, Row(engine, "N1").Excess!.Value, 12);
        Assert.Equal(1.0, Row(engine, "N1").ExcessShare!.Value, 12);
        Assert.Equal(0.0, Row(engine, "N2").ExcessShare!.Value, 12);
        Assert.Equal(1.0, Row(engine, "D1").ExcessShare!.Value, 12);
        Assert.Equal(0.0, Row(engine, "D2").ExcessShare!.Value, 12);
        Assert.Null(Row(engine, "C").ExcessShare);
    }

    [Fact]
    public void Compute_FunnelLimits_AreTheExactPoissonLimitsAroundEnglandsRate()
    {
        var people = Population(("N1", 1000), ("N2", 1000), ("N3", 2000), ("N4", 1000), ("N5", 1000));
        var engine = Engine(Source(IndicatorValueType.CrudeRate, 1000, Counts(("N1", 30), ("N2", 10), ("N3", 20), ("N4", 0), ("N5", 0))), people);

        var n1 = Row(engine, "N1");
        var expected = FunnelLimits.CalculateForRate(1000, 10, ConfidenceLevel.Percent99Point8, 1000);

        Assert.Equal(expected.Upper, n1.Funnel998!.Value.Upper, 9);
        Assert.Equal(FunnelPosition.Above998, n1.FunnelPosition);
        Assert.Equal(FunnelPosition.WithinLimits, Row(engine, "N2").FunnelPosition);
    }

    [Fact]
    public void Compute_DsrWithAnEmptyAgeBand_TreatsItAsRateZero()
    {
        IReadOnlyList<AgeBand> bands = [new(0, 64), new(65, null)];
        var population = Neighbourhoods.ToDictionary(n => n, _ => new double[] { 1000, 0 });
        var records = Neighbourhoods.Select((n, i) => new IndicatorRecord(n, "2024", 0, 20, null, i + 2));

        var engine = Engine(Source(IndicatorValueType.DirectlyStandardisedRate, 100_000, records, bands), population, bands);

        // ESP2013 under 65: 80,500 of 100,000; rate 2% there and nothing from 65: 2% × 0.805 = 1,610 per 100,000.
        Assert.Equal(1610, Row(engine, "N1").Value!.Value, 9);
    }

    [Fact]
    public void Compute_UnknownPeriod_SaysWhichPeriodsExist()
    {
        var engine = Engine(Source(IndicatorValueType.CrudeRate, 1000, Counts(("N1", 1))), People);

        var e = Assert.Throws<ArgumentException>(() => engine.Compute("1999"));

        Assert.Contains("2024", e.Message, StringComparison.Ordinal);
    }
}
