using Geo.Core.Geography;
using Geo.Core.Sources;
using Geo.Data.Manifest;
using static Geo.Data.Tests.Indicators.IndicatorFixtures;

namespace Geo.Data.Tests.Indicators;

/// <summary>
/// OHID Fingertips exports: the hand-written fixture has the export's 26 columns, an England row, a Male row,
/// a deprivation-decile sub-group row, a row with no figure and a district that is not in the dataset. The
/// admissions are read as a crude rate here (Fingertips publishes them as a DSR, which needs age bands).
/// </summary>
public sealed partial class IndicatorReaderTests
{
    private static IndicatorSpec Fingertips(string path, string valueType = "crude-rate", string? indicatorId = null, string? ageValue = null) =>
        Spec(new IndicatorFileSpec { Path = path, Format = "fingertips", AreaLevel = "place", IndicatorId = indicatorId, AgeValue = ageValue }, valueType: valueType);

    [Fact]
    public void Read_Fingertips_TakesPersonsWithoutSubGroupsByDistrict()
    {
        var source = Read(Fingertips("fingertips_copd_admissions.csv"));

        Assert.Equal(Level.Place, source.DataLevel);
        Assert.Equal(["2019/20", "2021/22"], source.Periods);
        Assert.Equal(
            [("E06000001", "2021/22", 462.0, 66173.0, 3L), ("E06000002", "2021/22", 875, 109171, 6), ("E06000001", "2019/20", 489, 65634, 7), ("E06000002", "2019/20", 991, 107706, 8)],
            source.Records.Select(r => (r.Area, r.Period, r.Numerator, r.Denominator!.Value, r.Line)));
    }

    [Fact]
    public void Read_Fingertips_CountsWhatItLeftOut()
    {
        var notes = Read(Fingertips("fingertips_copd_admissions.csv")).ImportNotes;

        Assert.Contains(notes, n => n.StartsWith("9 rows read", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("1 rows skipped: sub-group breakdowns", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("1 rows skipped: for other sexes", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("1 rows skipped: no figure", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("2 codes that are not districts of this dataset were skipped: E92000001, E07000026", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("have no figure: E06000003", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_FingertipsValueWithoutCount_FailsSayingACountIsNeeded()
    {
        var error = Assert.Throws<GeoDataException>(() => Read(Fingertips("fingertips_value_without_count.csv")));

        AssertNames(error, IndicatorFixtures.Path("fingertips_value_without_count.csv"), 3, "Count");
        Assert.Contains("is empty but Value is '801.5'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FingertipsWithSeveralIndicators_FailsUnlessOneIsChosen()
    {
        var error = Assert.Throws<GeoDataException>(() => Read(Fingertips("fingertips_two_indicators.csv")));
        AssertNames(error, IndicatorFixtures.Path("fingertips_two_indicators.csv"), 3, "IndicatorID");
        Assert.Contains("file.indicatorId", error.Message, StringComparison.Ordinal);

        var chosen = Read(Fingertips("fingertips_two_indicators.csv", valueType: "proportion", indicatorId: "253"));
        Assert.Equal([(3265.0, 96028.0)], chosen.Records.Select(r => (r.Numerator, r.Denominator!.Value)));
        Assert.Contains(chosen.ImportNotes, n => n.Contains("1 rows skipped: for other indicators", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_FingertipsWithSeveralAges_FailsUnlessOneIsChosen()
    {
        var error = Assert.Throws<GeoDataException>(() => Read(Fingertips("fingertips_two_ages.csv")));
        AssertNames(error, IndicatorFixtures.Path("fingertips_two_ages.csv"), 3, "Age");
        Assert.Contains("file.ageValue", error.Message, StringComparison.Ordinal);

        var chosen = Read(Fingertips("fingertips_two_ages.csv", ageValue: "65+ yrs"));
        Assert.Equal([330.0], chosen.Records.Select(r => r.Numerator));
    }

    [Fact]
    public void Read_FingertipsScoreWithSpacedHeaders_ReadsValue()
    {
        var source = Read(Fingertips("fingertips_spaced_headers.csv", valueType: "score"));

        Assert.Equal(["2019"], source.Periods);
        Assert.Equal([("E06000001", 35.0), ("E06000002", 40.5)], source.Records.Select(r => (r.Area, r.Numerator)));
        Assert.All(source.Records, r => Assert.Null(r.Denominator));
    }

    [Fact]
    public void Read_FingertipsDsr_FailsNamingTheValueType()
    {
        var error = Assert.Throws<GeoDataException>(() => Read(Fingertips("fingertips_copd_admissions.csv", valueType: "dsr")));

        AssertNames(error, ManifestFile, null, "indicators[0].valueType");
        Assert.Contains("age band", error.Message, StringComparison.Ordinal);
    }
}
