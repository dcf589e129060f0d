using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Data.Flows;
using Geo.Data.Indicators;
using Geo.Data.Manifest;
using static Geo.Data.Tests.Indicators.IndicatorFixtures;

namespace Geo.Data.Tests.Indicators;

/// <summary>
/// GP practices' proportions attributed to neighbourhoods (<c>areaLevel: provider</c>), worked by hand on the flow
/// fixture tests/fixtures/flows/flows_2011.csv and the hand-made 2011 lookup. The practices' patients by 2011 LSOA:
/// P1 100 in E01000010, 30 in E01000020, 10 in E01000030; P2 20 in E01000010, 40 in E01000030, 5 in NO2011, 7 in
/// Welsh W01000070; P3 40 + 30 in E01000050. E01000010 split into E01100011 (1,000 people) and E01100012 (3,000), so
/// 25% and 75%; E01000020 and E01000030 merged into E01100020. practice_prevalence.csv: P1 2% COPD, P2 5%, P9 3%
/// (P9 has no patients in the flow table; P3 has no figure).
/// </summary>
public sealed partial class IndicatorReaderTests
{
    private static readonly FlowSpec PracticeFlows = new()
    {
        Path = "flows_2011.csv",
        Providers = "GP practices",
        Counts = "patients registered",
        AreaLevel = "neighbourhood-2011",
        Provider = "OrganisationCode",
        ProviderName = "OranisationName",
        Area = "LSOA11CD",
        Count = "Patient",
        Lsoa11Lookup = Lookup,
    };

    private static string ResolveFixture(string name) =>
        name.StartsWith("flows_", StringComparison.Ordinal) ? System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "flows", name) : IndicatorFixtures.Path(name);

    private static IndicatorSpec PracticeCopd(string path = "practice_prevalence.csv", string column = "COPD-prevalance") =>
        Spec(new IndicatorFileSpec { Path = path, AreaLevel = "provider", Area = "OrganisationCode", FixedPeriod = "2021/22", Value = column },
            valueType: "proportion", multiplier: 100);

    private static IndicatorSource ReadPractices(IndicatorSpec spec) => IndicatorReader.ReadAll([spec], ResolveFixture, Context(), datasetFlows: PracticeFlows)[0];

    [Fact]
    public void Read_PracticeProportions_AttributedToNeighbourhoodsAsWorkedByHand()
    {
        var source = ReadPractices(PracticeCopd());
        var r = ByArea(source);

        // E01100011 takes 25% of E01000010: P1 25 patients × 2% = 0.5, P2 5 × 5% = 0.25: 0.75 of 30.
        Assert.Equal(0.02 * 25 + 0.05 * 5, r["E01100011"].Numerator, Tolerance);
        Assert.Equal(30, r["E01100011"].Denominator!.Value, Tolerance);

        // E01100012 takes 75%: P1 75 × 2% = 1.5, P2 15 × 5% = 0.75: 2.25 of 90.
        Assert.Equal(0.02 * 75 + 0.05 * 15, r["E01100012"].Numerator, Tolerance);
        Assert.Equal(90, r["E01100012"].Denominator!.Value, Tolerance);

        // E01100020, merged: P1 30 + 10 = 40 × 2% = 0.8, P2 40 × 5% = 2: 2.8 of 80.
        Assert.Equal(0.02 * 40 + 0.05 * 40, r["E01100020"].Numerator, Tolerance);
        Assert.Equal(80, r["E01100020"].Denominator!.Value, Tolerance);

        // P3's neighbourhoods (E01100051, E01100052) have no practice with a figure: no record, and said.
        Assert.Equal(3, r.Count);
        Assert.Equal(Core.Geography.Level.Neighbourhood, source.DataLevel);
        Assert.Equal(["2021/22"], source.Periods);

        // Each record names the practice file's line of its first practice (P1, line 2).
        Assert.Equal(2, r["E01100011"].Line);
    }

    [Fact]
    public void Read_PracticeProportions_EachPracticesRegisterIsDistributedWhole()
    {
        var records = ReadPractices(PracticeCopd()).Records;

        // P1: 2% of its 140 patients = 2.8; P2: 5% of its 60 English ones = 3 (its 5 NO2011 and 7 Welsh patients take
        // their 0.6 with them).
        Assert.Equal(0.02 * 140 + 0.05 * 60, records.Sum(x => x.Numerator), Tolerance);
        Assert.Equal(200, records.Sum(x => x.Denominator!.Value), Tolerance);
    }

    [Fact]
    public void Read_PracticeProportions_UnmatchedPracticesAreNamedInTheNotes()
    {
        var notes = ReadPractices(PracticeCopd()).ImportNotes;

        Assert.Contains(notes, n => n.Contains("1 GP practices with a figure have no patients", StringComparison.Ordinal) && n.EndsWith(": P9.", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("1 GP practices of the flow table have no figure in the file; their 70.0 patients are left out", StringComparison.Ordinal)
            && n.EndsWith(": P3.", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("an estimated count of 5.8", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("have no patient of a provider with a figure", StringComparison.Ordinal) && n.Contains("E01100051", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_PracticeProportions_AnotherColumnOfTheSameFile()
    {
        var r = ByArea(ReadPractices(PracticeCopd(column: "AST-prevalance")));

        // E01100020: P1 40 × 7% = 2.8, P2 40 × 6% = 2.4.
        Assert.Equal(0.07 * 40 + 0.06 * 40, r["E01100020"].Numerator, Tolerance);
    }

    [Fact]
    public void ReadAll_TwoPracticeIndicators_ReadTheFlowTableOnce()
    {
        var reads = new List<string>();
        var tables = new FlowTables(ResolveFixture);
        var second = Copy(PracticeCopd(column: "AST-prevalance"), id: "asthma");

        IndicatorReader.ReadAll([PracticeCopd(), second], ResolveFixture, Context(), new Progress(reads), PracticeFlows, tables);
        var again = tables.Read(PracticeFlows, Context(), "flows", new Progress(reads));

        Assert.Single(reads, r => r.StartsWith("reading flows", StringComparison.Ordinal));
        Assert.Equal(8, again.Flows.Count);
    }

    [Fact]
    public void Read_PracticePercentageInsteadOfProportion_FailsNamingFileLineAndColumn()
    {
        var error = Assert.Throws<GeoDataException>(() => ReadPractices(PracticeCopd("practice_prevalence_percent.csv")));

        AssertNames(error, IndicatorFixtures.Path("practice_prevalence_percent.csv"), 3, "COPD-prevalance");
        Assert.Contains("from 0 to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PracticeListedTwice_FailsNamingBothLines()
    {
        var error = Assert.Throws<GeoDataException>(() => ReadPractices(PracticeCopd("practice_prevalence_repeated.csv")));

        AssertNames(error, IndicatorFixtures.Path("practice_prevalence_repeated.csv"), 4, "OrganisationCode");
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ProviderWithoutAFlowTable_FailsNamingTheField()
    {
        var error = Assert.Throws<GeoDataException>(() => IndicatorReader.ReadAll([PracticeCopd()], ResolveFixture, Context()));

        AssertNames(error, ManifestFile, null, "indicators[0].file.flows");
    }

    [Theory]
    [InlineData("crude-rate", "valueType")]
    [InlineData("score", "valueType")]
    public void Read_ProviderAsAnotherValueType_FailsNamingTheField(string valueType, string field)
    {
        var spec = Copy(PracticeCopd(), valueType: valueType);

        var error = Assert.Throws<GeoDataException>(() => ReadPractices(spec));

        AssertNames(error, ManifestFile, null, "indicators[0]." + field);
    }

    [Fact]
    public void Read_ProviderWithADenominatorColumn_FailsNamingTheField()
    {
        var spec = Spec(new IndicatorFileSpec
        {
            Path = "practice_prevalence.csv",
            AreaLevel = "provider",
            Area = "OrganisationCode",
            FixedPeriod = "2021/22",
            Value = "COPD-prevalance",
            Denominator = "AST-prevalance",
        }, valueType: "proportion", multiplier: 100);

        var error = Assert.Throws<GeoDataException>(() => ReadPractices(spec));

        AssertNames(error, ManifestFile, null, "indicators[0].file.denominator");
    }

    [Fact]
    public void Read_FlowsOnANeighbourhoodEntry_FailsNamingTheField()
    {
        var spec = Spec(new IndicatorFileSpec { Path = "long_periods.csv", Area = "code", Period = "year", Numerator = "events", Flows = PracticeFlows });

        var error = Assert.Throws<GeoDataException>(() => Read(spec));

        AssertNames(error, ManifestFile, null, "indicators[0].file.flows");
    }

    private sealed class Progress(List<string> into) : IProgress<string>
    {
        public void Report(string value) => into.Add(value);
    }
}
