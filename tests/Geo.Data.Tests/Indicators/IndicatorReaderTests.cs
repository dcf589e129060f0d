using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Core.Statistics;
using Geo.Data.Indicators;
using Geo.Data.Manifest;
using static Geo.Data.Tests.Indicators.IndicatorFixtures;

namespace Geo.Data.Tests.Indicators;

/// <summary>The long format, the manifest entry's checks and the bad cells every format shares.</summary>
public sealed partial class IndicatorReaderTests
{
    private static IndicatorFileSpec LongFile(string path, string? period = "year", string numerator = "events") => new()
    {
        Path = path,
        Area = "code",
        Period = period,
        FixedPeriod = period is null ? "2021" : null,
        Numerator = numerator,
    };

    private static IndicatorFileSpec CopdSexes => new()
    {
        Path = "copd_long_sexes.csv",
        Area = "lsoa21_code",
        Period = "period",
        AgeBand = "age_band",
        Sex = "sex",
        Numerator = "admissions",
        Denominator = "population",
    };

    [Fact]
    public void Read_LongWithSexes_SumsSexesPerAreaPeriodAndBand()
    {
        var source = Read(Spec(CopdSexes));

        Assert.Equal(["2021/22", "2022/23"], source.Periods);
        Assert.Equal([new AgeBand(0, 64), new AgeBand(65, 69), new AgeBand(70, null)], source.Bands);
        Assert.Equal(Level.Neighbourhood, source.DataLevel);
        var r = source.Records.Single(r => r.Area == "E01000001" && r.Period == "2022/23" && r.Band == 1);
        Assert.Equal(5, r.Numerator);
        Assert.Equal(250, r.Denominator);
        Assert.Equal(2, r.Line);
        Assert.Equal(12, source.Records.Single(r => r.Area == "E01000001" && r.Band == 2).Numerator);
        Assert.Equal(1, source.Records.Single(r => r.Area == "E01000001" && r.Period == "2021/22").Numerator);
        Assert.Equal(5, source.Records.Single(r => r.Area == "E01000002").Numerator);
        Assert.Equal(5, source.Records.Count);
    }

    [Fact]
    public void Read_LongWithSexes_CountsTheWelshRowAndTheMissingNeighbourhoodInTheNotes()
    {
        var source = Read(Spec(CopdSexes));

        Assert.Contains(source.ImportNotes, n => n.StartsWith("11 rows read", StringComparison.Ordinal) && n.Contains("sexes summed", StringComparison.Ordinal));
        Assert.Contains(source.ImportNotes, n => n.Contains("1 figures for 1 codes that are not neighbourhoods of this dataset were skipped: W01000001", StringComparison.Ordinal));
        Assert.Contains(source.ImportNotes, n => n.Contains("have no figure", StringComparison.Ordinal) && n.Contains("E01000003", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Definition_ParsesValueTypeAndPolarity()
    {
        var source = Read(Spec(CopdSexes, valueType: "Proportion", polarity: "higher-is-better", multiplier: 100));

        Assert.Equal(new IndicatorDefinition("test-indicator", "Test indicator", IndicatorValueType.Proportion, 100,
            Polarity.HigherIsBetter, "per 100,000", "hand-made fixture"), source.Definition);
    }

    [Theory]
    [InlineData("crude-rate", IndicatorValueType.CrudeRate)]
    [InlineData("proportion", IndicatorValueType.Proportion)]
    [InlineData("dsr", IndicatorValueType.DirectlyStandardisedRate)]
    [InlineData("isr", IndicatorValueType.IndirectlyStandardisedRatio)]
    public void Read_EachCountValueType_GivesItsEnum(string name, IndicatorValueType expected)
    {
        var file = new IndicatorFileSpec
        {
            Path = "copd_long_sexes.csv",
            Area = "lsoa21_code",
            Period = "period",
            AgeBand = "age_band",
            Sex = "sex",
            Numerator = "admissions",
        };

        Assert.Equal(expected, Read(Spec(file, valueType: name)).Definition.ValueType);
    }

    [Theory]
    [InlineData("higher-is-worse", Polarity.HigherIsWorse)]
    [InlineData("higher-is-better", Polarity.HigherIsBetter)]
    [InlineData("no-judgement", Polarity.NoJudgement)]
    public void Read_EachPolarity_GivesItsEnum(string name, Polarity expected)
    {
        Assert.Equal(expected, Read(Spec(CopdSexes, polarity: name)).Definition.Polarity);
    }

    [Fact]
    public void Read_Score_TakesTheValueColumnAndTheFixedPeriod()
    {
        var file = new IndicatorFileSpec { Path = "score_long.csv", Area = "code", FixedPeriod = "2025", Value = "score" };

        var source = Read(Spec(file, valueType: "score", multiplier: 1));

        Assert.Equal(["2025"], source.Periods);
        Assert.Empty(source.Bands);
        Assert.Equal([("E01000001", 12.5), ("E01000002", -1.25), ("E01000003", 30.0)], source.Records.Select(r => (r.Area, r.Numerator)));
        Assert.All(source.Records, r => Assert.Null(r.Denominator));
        Assert.All(source.Records, r => Assert.Equal(-1, r.Band));
    }

    [Fact]
    public void Read_Periods_AreOrderedByTheirNumbers()
    {
        var source = Read(Spec(LongFile("long_periods.csv")));

        Assert.Equal(["2019/20", "2021/22", "2022/23", "2023/24"], source.Periods);
        Assert.Equal(["2023/24", "2021/22", "2022/23", "2019/20"], source.Records.Select(r => r.Period));
    }

    [Fact]
    public void Read_NumeratorsList_AddsTheColumnsUp()
    {
        var file = new IndicatorFileSpec
        {
            Path = "lsoa11_population.csv",
            Area = "lsoa11_code",
            FixedPeriod = "2020",
            Numerators = ["65", "66", "90+"],
            Denominator = "total_population",
            AreaLevel = "neighbourhood-2011",
            Lsoa11Lookup = Lookup,
        };

        var source = Read(Spec(file, valueType: "proportion", multiplier: 100), Context() with { Lsoa11LookupPath = IndicatorFixtures.Path("lsoa11_lookup.csv") });

        Assert.Equal(60, source.Records.Single(r => r.Area == "E01000040").Numerator);
    }

    [Fact]
    public void Read_PlaceLevel_KeepsDistrictCodesAndFiltersRows()
    {
        var file = new IndicatorFileSpec
        {
            Path = "qof_lad.csv",
            AreaLevel = "place",
            Area = "lad_code",
            FixedPeriod = "2019/20",
            Numerator = "register",
            Denominator = "list",
            Filter = new IndicatorFilterSpec { Column = "group_code", EqualTo = "copd" },
        };

        var source = Read(Spec(file, valueType: "proportion", multiplier: 100));

        Assert.Equal(Level.Place, source.DataLevel);
        Assert.Equal([("E06000001", 3465.5, 97496.25), ("E06000002", 4510.25, 155000.0)],
            source.Records.Select(r => (r.Area, r.Numerator, r.Denominator!.Value)));
        Assert.Contains(source.ImportNotes, n => n.Contains("1 rows skipped: filtered out (group_code is not 'copd')", StringComparison.Ordinal));
        Assert.Contains(source.ImportNotes, n => n.Contains("2 codes that are not districts of this dataset were skipped: E07000026, W06000002", StringComparison.Ordinal));
        Assert.Contains(source.ImportNotes, n => n.Contains("1 of the dataset's 3 places have no figure: E06000003", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_BlankNumeratorSkip_LeavesTheRowOutAndSaysSo()
    {
        var file = new IndicatorFileSpec { Path = "long_blank_numerator.csv", Area = "code", FixedPeriod = "2025", Numerator = "events", BlankNumerator = "skip" };

        var source = Read(Spec(file, valueType: "proportion", multiplier: 100));

        Assert.Equal(["E01000001", "E01000003"], source.Records.Select(r => r.Area));
        Assert.Contains(source.ImportNotes, n => n.Contains("1 rows skipped: 'events' empty, e.g. for E01000002", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_BlankNumeratorZero_CountsItAsZero()
    {
        var file = new IndicatorFileSpec { Path = "long_blank_numerator.csv", Area = "code", FixedPeriod = "2025", Numerator = "events", BlankNumerator = "zero" };

        Assert.Equal([4.0, 0, 7], Read(Spec(file)).Records.Select(r => r.Numerator));
    }

    [Fact]
    public void Read_BlankNumeratorByDefault_FailsNamingFileLineAndField()
    {
        var file = new IndicatorFileSpec { Path = "long_blank_numerator.csv", Area = "code", FixedPeriod = "2025", Numerator = "events" };

        var error = Assert.Throws<GeoDataException>(() => Read(Spec(file)));

        AssertNames(error, IndicatorFixtures.Path("long_blank_numerator.csv"), 3, "events");
        Assert.Contains("blankNumerator", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("long_bad_number.csv", 3, "events", "'four' is not a number")]
    [InlineData("long_empty_code.csv", 3, "code", "is empty")]
    [InlineData("long_negative.csv", 3, "events", "is negative")]
    public void Read_BadCell_FailsNamingFileLineAndField(string name, long line, string field, string problem)
    {
        var error = Assert.Throws<GeoDataException>(() => Read(Spec(LongFile(name))));

        AssertNames(error, IndicatorFixtures.Path(name), line, field);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZeroDenominator_FailsNamingFileLineAndField()
    {
        var spec = Spec(new IndicatorFileSpec { Path = "long_zero_denominator.csv", Area = "code", Period = "year", Numerator = "events", Denominator = "people" });

        var error = Assert.Throws<GeoDataException>(() => Read(spec));

        AssertNames(error, IndicatorFixtures.Path("long_zero_denominator.csv"), 3, "people");
        Assert.Contains("more than 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadAgeBand_FailsNamingFileLineAndField()
    {
        var spec = Spec(new IndicatorFileSpec { Path = "long_bad_band.csv", Area = "code", Period = "year", AgeBand = "band", Numerator = "events" });

        var error = Assert.Throws<GeoDataException>(() => Read(spec));

        AssertNames(error, IndicatorFixtures.Path("long_bad_band.csv"), 3, "band");
        Assert.Contains("'five to nine' is not an age band", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverlappingBands_FailsNamingTheLineOfTheSecond()
    {
        var spec = Spec(new IndicatorFileSpec { Path = "long_overlapping_bands.csv", Area = "code", Period = "year", AgeBand = "band", Numerator = "events" });

        var error = Assert.Throws<GeoDataException>(() => Read(spec));

        AssertNames(error, IndicatorFixtures.Path("long_overlapping_bands.csv"), 4, "band");
        Assert.Contains("overlaps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DsrWithAGapInItsBands_FailsNamingFileLineAndField()
    {
        var spec = Spec(new IndicatorFileSpec { Path = "dsr_gap.csv", Area = "code", Period = "year", AgeBand = "band", Numerator = "events" }, valueType: "dsr");

        var error = Assert.Throws<GeoDataException>(() => Read(spec));

        AssertNames(error, IndicatorFixtures.Path("dsr_gap.csv"), 3, "band");
        Assert.Contains("without gaps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RepeatedRow_FailsNamingBothLines()
    {
        var spec = Spec(new IndicatorFileSpec { Path = "copd_long_repeated.csv", Area = "lsoa21_code", Period = "period", AgeBand = "age_band", Sex = "sex", Numerator = "admissions" });

        var error = Assert.Throws<GeoDataException>(() => Read(spec));

        AssertNames(error, IndicatorFixtures.Path("copd_long_repeated.csv"), 5, "lsoa21_code");
        Assert.Contains("also at line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("sex 'Male'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RepeatedRowWithoutSexColumn_FailsNamingBothLines()
    {
        var spec = Spec(new IndicatorFileSpec { Path = "copd_long_repeated.csv", Area = "lsoa21_code", Period = "period", AgeBand = "age_band", Numerator = "admissions" });

        var error = Assert.Throws<GeoDataException>(() => Read(spec));

        AssertNames(error, IndicatorFixtures.Path("copd_long_repeated.csv"), 3, "lsoa21_code");
        Assert.Contains("also at line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingColumn_FailsNamingTheHeaderAndListingColumns()
    {
        var error = Assert.Throws<GeoDataException>(() => Read(Spec(LongFile("long_periods.csv", numerator: "admissions"))));

        AssertNames(error, IndicatorFixtures.Path("long_periods.csv"), 1, "admissions");
        Assert.Contains("'events'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoAreaOfTheDataset_Fails()
    {
        // Neighbourhood codes read as if they were districts.
        var spec = Spec(new IndicatorFileSpec { Path = "score_long.csv", AreaLevel = "place", Area = "code", FixedPeriod = "2025", Value = "score" }, valueType: "score");

        var error = Assert.Throws<GeoDataException>(() => Read(spec));

        Assert.Equal(IndicatorFixtures.Path("score_long.csv"), error.File);
        Assert.Contains("no figure is for an area of this dataset", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<IndicatorSpec, IndicatorSpec>, string> BadEntries => new()
    {
        { "valueType", s => Copy(s, valueType: "rate"), "crude-rate, proportion, dsr, isr, score" },
        { "polarity", s => Copy(s, polarity: "lower-is-better"), "higher-is-worse" },
        { "multiplier", s => Copy(s, multiplier: 0), "positive" },
        { "id", s => Copy(s, id: "copd admissions"), "letters, digits" },
        { "file.format", s => Copy(s, file: s.File.With(format: "excel")), "long or fingertips" },
        { "file.areaLevel", s => Copy(s, file: s.File.With(areaLevel: "lsoa")), "neighbourhood-2011" },
        { "file.blankNumerator", s => Copy(s, file: s.File.With(blankNumerator: "ignore")), "error, skip or zero" },
        { "file.ageBand", s => Copy(s, valueType: "dsr", file: s.File.With(ageBand: "")), "standardised by age" },
        { "file.value", s => Copy(s, valueType: "score"), "score indicator reads" },
        { "file.period", s => Copy(s, file: s.File.With(period: "")), "fixedPeriod" },
        { "file.lsoa11Lookup", s => Copy(s, file: s.File.With(areaLevel: "neighbourhood-2011")), "ONS LSOA (2011)" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void Read_BadManifestEntry_FailsNamingManifestAndField(string field, Func<IndicatorSpec, IndicatorSpec> spoil, string hint)
    {
        var spec = spoil(Spec(LongFile("long_periods.csv")));

        var error = Assert.Throws<GeoDataException>(() => IndicatorReader.Read(spec, IndicatorFixtures.Path("long_periods.csv"), Context() with { Entry = "indicators[3]" }));

        AssertNames(error, ManifestFile, null, "indicators[3]." + field);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoDenominatorAndNoPopulation_FailsNamingTheField()
    {
        var context = Context() with { Population = new Dictionary<string, double>(), AgeBands = [] };

        var error = Assert.Throws<GeoDataException>(() => Read(Spec(LongFile("long_periods.csv")), context));

        AssertNames(error, ManifestFile, null, "indicators[0].file.denominator");
    }

    [Fact]
    public void ReadAll_RepeatedId_FailsNamingTheSecondEntry()
    {
        var spec = Spec(LongFile("long_periods.csv"));

        var error = Assert.Throws<GeoDataException>(() => IndicatorReader.ReadAll([spec, spec], IndicatorFixtures.Path, Context()));

        AssertNames(error, ManifestFile, null, "indicators[1].id");
        Assert.Contains("indicators[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_TwoEntries_ReadsBothInOrder()
    {
        var first = Spec(LongFile("long_periods.csv"));
        var second = Copy(Spec(new IndicatorFileSpec { Path = "score_long.csv", Area = "code", FixedPeriod = "2025", Value = "score" }, valueType: "score"), id: "score");

        var sources = IndicatorReader.ReadAll([first, second], IndicatorFixtures.Path, Context());

        Assert.Equal(["test-indicator", "score"], sources.Select(s => s.Definition.Id));
    }

    private static IndicatorSpec Copy(IndicatorSpec s, string? id = null, string? valueType = null, string? polarity = null, double? multiplier = null, IndicatorFileSpec? file = null) => new()
    {
        Id = id ?? s.Id,
        Name = s.Name,
        ValueType = valueType ?? s.ValueType,
        Polarity = polarity ?? s.Polarity,
        Multiplier = multiplier ?? s.Multiplier,
        Unit = s.Unit,
        Source = s.Source,
        File = file ?? s.File,
    };
}
