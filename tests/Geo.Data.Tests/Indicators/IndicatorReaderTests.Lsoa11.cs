using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Data.Indicators;
using Geo.Data.Manifest;
using static Geo.Data.Tests.Indicators.IndicatorFixtures;

namespace Geo.Data.Tests.Indicators;

/// <summary>
/// 2011 neighbourhoods mapped to 2021 on the hand-made lookup (tests/fixtures/indicators/lsoa11_lookup.csv),
/// the figures worked out by hand. Numerators are ages 65, 66 and 90+ of lsoa11_population.csv.
/// </summary>
public sealed partial class IndicatorReaderTests
{
    private const double Tolerance = 1e-9;

    private static IndicatorReadContext Context2011(IReadOnlyDictionary<string, double>? population = null) =>
        Context(population) with { Lsoa11LookupPath = IndicatorFixtures.Path("lsoa11_lookup.csv") };

    private static IndicatorSpec Population65(bool denominator = true) => Spec(new IndicatorFileSpec
    {
        Path = "lsoa11_population.csv",
        AreaLevel = "neighbourhood-2011",
        Area = "lsoa11_code",
        FixedPeriod = "2020",
        Numerators = ["65", "66", "90+"],
        Denominator = denominator ? "total_population" : null,
        Lsoa11Lookup = Lookup,
    }, valueType: "proportion", polarity: "no-judgement", multiplier: 100);

    private static Dictionary<string, IndicatorRecord> ByArea(IndicatorSource source) => source.Records.ToDictionary(r => r.Area);

    [Fact]
    public void Read_Split2011Neighbourhood_SharesItsCountsByThePartnersPopulation()
    {
        // E01000010 (65+: 200 of 2,000) split into E01100011 (1,000 people) and E01100012 (3,000): 25% and 75%.
        var r = ByArea(Read(Population65(), Context2011()));

        Assert.Equal(50, r["E01100011"].Numerator, Tolerance);
        Assert.Equal(500, r["E01100011"].Denominator!.Value, Tolerance);
        Assert.Equal(150, r["E01100012"].Numerator, Tolerance);
        Assert.Equal(1_500, r["E01100012"].Denominator!.Value, Tolerance);
        Assert.Equal(2, r["E01100011"].Line);
    }

    [Fact]
    public void Read_Merged2011Neighbourhoods_AreSummed()
    {
        // E01000020 (100 of 1,500) and E01000030 (20 of 1,000) merged into E01100020.
        var r = ByArea(Read(Population65(), Context2011()));

        Assert.Equal(120, r["E01100020"].Numerator, Tolerance);
        Assert.Equal(2_500, r["E01100020"].Denominator!.Value, Tolerance);
        Assert.Equal(3, r["E01100020"].Line);
        Assert.Equal(60, r["E01000040"].Numerator, Tolerance);
    }

    [Fact]
    public void Read_Complex2011Neighbourhoods_ShareByPopulationDividedAmongSources()
    {
        // E01000050 (40 of 800) went to E01100051 (600 people, all from it) and E01100052 (900 people, made from
        // it and E01000060, so 450 counted for each): shares 600/1,050 = 4/7 and 3/7. E01000060 (10 of 500)
        // went wholly to E01100052.
        var r = ByArea(Read(Population65(), Context2011()));

        Assert.Equal(40.0 * 4 / 7, r["E01100051"].Numerator, Tolerance);
        Assert.Equal(800.0 * 4 / 7, r["E01100051"].Denominator!.Value, Tolerance);
        Assert.Equal(40.0 * 3 / 7 + 10, r["E01100052"].Numerator, Tolerance);
        Assert.Equal(800.0 * 3 / 7 + 500, r["E01100052"].Denominator!.Value, Tolerance);
    }

    [Fact]
    public void Read_2011Mapping_ConservesTheNumeratorOfEveryMappedRow()
    {
        var source = Read(Population65(), Context2011());

        // All English rows in the lookup: 200 + 100 + 20 + 60 + 40 + 10.
        Assert.Equal(430, source.Records.Sum(r => r.Numerator), Tolerance);
        Assert.Equal(6, source.Records.Count);
    }

    [Fact]
    public void Read_2011Mapping_CountsEveryKindOfRowInTheNotes()
    {
        var notes = Read(Population65(), Context2011()).ImportNotes;

        Assert.Contains(notes, n => n.Contains("8 figures for 8 2011 codes: 2 unchanged, 1 split, 2 merged, 2 complex, 1 not in the lookup", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("1 figures for 1 codes not in the lookup were skipped: E09999999", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("1 figures mapped only, and 0 partly, to 2021 neighbourhoods outside this dataset, e.g. W01000070", StringComparison.Ordinal)
            && n.Contains("45.0 of the numerator's 475.0", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("6 records for 6 of the dataset's 9 neighbourhoods", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SplitWithAPartnerOfNoPopulation_GivesItNothing()
    {
        var population = new Dictionary<string, double> { ["E01100011"] = 0, ["E01100012"] = 3_000 };

        var r = ByArea(Read(Population65(), Context2011(population)));

        Assert.Equal(0, r["E01100011"].Numerator, Tolerance);
        Assert.Equal(200, r["E01100012"].Numerator, Tolerance);
    }

    [Fact]
    public void Read_SplitWhosePartnersAllHaveNoPopulation_SharesEqually()
    {
        var population = new Dictionary<string, double> { ["E01100011"] = 0, ["E01100012"] = 0, ["E01100020"] = 1 };

        var r = ByArea(Read(Population65(), Context2011(population)));

        Assert.Equal(100, r["E01100011"].Numerator, Tolerance);
        Assert.Equal(100, r["E01100012"].Numerator, Tolerance);
    }

    [Fact]
    public void Read_ScoreFrom2011_CarriesSplitsAndAveragesMergesByPopulation()
    {
        var spec = Spec(new IndicatorFileSpec
        {
            Path = "lsoa11_scores.csv",
            AreaLevel = "neighbourhood-2011",
            Area = "lsoa11_code",
            FixedPeriod = "2019",
            Value = "score",
            Lsoa11Lookup = Lookup,
        }, valueType: "score", multiplier: 1);

        var r = ByArea(Read(spec, Context2011()));

        Assert.Equal(40, r["E01100011"].Numerator, Tolerance);
        Assert.Equal(40, r["E01100012"].Numerator, Tolerance);
        Assert.Equal(20, r["E01100020"].Numerator, Tolerance); // (10 × 1,200 + 30 × 1,200) / 2,400
        Assert.Equal(5, r["E01000040"].Numerator, Tolerance);
        Assert.All(r.Values, x => Assert.Null(x.Denominator));
    }

    [Fact]
    public void Read_LookupWithARepeatedPair_FailsNamingBothLines()
    {
        var context = Context() with { Lsoa11LookupPath = IndicatorFixtures.Path("lookup_duplicate_pair.csv") };

        var error = Assert.Throws<GeoDataException>(() => Read(Population65(), context));

        AssertNames(error, IndicatorFixtures.Path("lookup_duplicate_pair.csv"), 4, "lsoa21_code");
        Assert.Contains("also at line 2", error.Message, StringComparison.Ordinal);
    }
}
