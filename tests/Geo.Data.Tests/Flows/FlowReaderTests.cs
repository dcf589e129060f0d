using Geo.Core.Sources;
using Geo.Data.Flows;
using Geo.Data.Manifest;
using Geo.Data.Tests.Import;
using Geo.Data.Tests.Indicators;

namespace Geo.Data.Tests.Flows;

/// <summary>
/// Flow tables on the indicator fixtures' tiny dataset (IndicatorFixtures.Context) and its hand-made 2011 lookup:
/// E01000010 split into E01100011 (1,000 people) and E01100012 (3,000), so 25% and 75%; E01000020 and E01000030
/// merged into E01100020; E01000050 went to E01100051 (600 people) and E01100052 (900, shared with E01000060, so
/// 450 counted), so 4/7 and 3/7; W01000070 is Welsh, outside the dataset.
/// </summary>
public sealed class FlowReaderTests : IDisposable
{
    private const double Tolerance = 1e-9;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "flows", name);

    private static FlowSpec Spec2011 => new()
    {
        Path = "flows_2011.csv",
        Providers = "GP practices",
        Counts = "patients registered",
        AreaLevel = "neighbourhood-2011",
        Provider = "OrganisationCode",
        ProviderName = "OranisationName",
        Area = "LSOA11CD",
        Count = "Patient",
        Lsoa11Lookup = IndicatorFixtures.Lookup,
    };

    private static FlowSpec Spec2021 => new() { Path = "flows_2021.csv", Provider = "practice", ProviderName = "name", Area = "lsoa", Count = "patients" };

    private static FlowSource Read2011(string? path = null) =>
        FlowReader.Read(Spec2011, path ?? Fixture("flows_2011.csv"), IndicatorFixtures.Context(), IndicatorFixtures.Path("lsoa11_lookup.csv"));

    private static Dictionary<(string, string), double> ByPair(FlowSource source) =>
        source.Flows.ToDictionary(f => (f.Provider, f.Neighbourhood), f => f.Count);

    [Fact]
    public void Read_2011Codes_SplitByPopulationMergedSummedOthersSkipped()
    {
        var source = Read2011();
        var flows = ByPair(source);

        Assert.Equal(25, flows[("P1", "E01100011")], Tolerance);
        Assert.Equal(75, flows[("P1", "E01100012")], Tolerance);
        Assert.Equal(40, flows[("P1", "E01100020")], Tolerance);
        Assert.Equal(5, flows[("P2", "E01100011")], Tolerance);
        Assert.Equal(15, flows[("P2", "E01100012")], Tolerance);
        Assert.Equal(40, flows[("P2", "E01100020")], Tolerance);
        Assert.Equal(40, flows[("P3", "E01100051")], Tolerance);
        Assert.Equal(30, flows[("P3", "E01100052")], Tolerance);
        Assert.Equal(8, source.Flows.Count);

        // NO2011 (5 people) is no 2011 code; W01000070 (7) maps to Wales, outside the dataset.
        Assert.Equal(282 - 5 - 7, source.Flows.Sum(f => f.Count), Tolerance);
        Assert.Contains(source.ImportNotes, n => n.Contains("NO2011", StringComparison.Ordinal));
        Assert.Contains(source.ImportNotes, n => n.Contains("W01000070", StringComparison.Ordinal) && n.Contains("7.0 people", StringComparison.Ordinal));
        Assert.Equal("Park Surgery, Town", source.ProviderNames["P1"]);
        Assert.Equal("GP practices", source.Providers);
        Assert.Equal(2, source.Flows.First(f => f.Provider == "P1" && f.Neighbourhood == "E01100011").Line);
    }

    [Fact]
    public void Read_2021Codes_KeptAsTheyAreUnknownCodesCounted()
    {
        var source = FlowReader.Read(Spec2021, Fixture("flows_2021.csv"), IndicatorFixtures.Context());

        Assert.Equal([("A1", "E01000001", 120.0), ("A1", "E01000002", 1200), ("B2", "E01000002", 300)],
            source.Flows.Select(f => (f.Provider, f.Neighbourhood, f.Count)));
        Assert.Contains(source.ImportNotes, n => n.Contains("ZZ9999", StringComparison.Ordinal));
        Assert.Equal("Beta", source.ProviderNames["B2"]);
    }

    [Theory]
    [InlineData("P1,Park,E01000010,-3\n", 2, "Patient", "negative")]
    [InlineData("P1,Park,E01000010,many\n", 2, "Patient", "not a number")]
    [InlineData("P1,Park,E01000010,\n", 2, "Patient", "empty")]
    [InlineData(",Park,E01000010,3\n", 2, "OrganisationCode", "empty")]
    [InlineData("P1,Park,,3\n", 2, "LSOA11CD", "empty")]
    [InlineData("P1,Park,E01000010,3\nP1,Park,E01000010,4\n", 3, "LSOA11CD", "also at line 2")]
    [InlineData("P1,Park,E01000010,3\nP1,Parc,E01000020,4\n", 3, "OranisationName", "'Park' at line 2")]
    // Several problems: pairs listed twice are found once every row is read (by sorting), yet the problem reported is
    // still the first in the file, as a reader checking row by row finds it.
    [InlineData("P1,Park,E01000010,3\nP2,Hill,E01000020,1\nP1,Park,E01000010,4\nP2,Hill,E01000020,-1\n", 4, "LSOA11CD", "also at line 2")]
    [InlineData("P1,Park,E01000010,3\nP2,Hill,E01000020,-1\nP1,Park,E01000010,4\n", 3, "Patient", "negative")]
    [InlineData("P2,Hill,E01000020,1\nP1,Park,E01000010,3\nP2,Hill,E01000020,2\nP1,Park,E01000010,4\n", 4, "LSOA11CD", "provider P2 and neighbourhood E01000020 are listed twice: also at line 2")]
    [InlineData("P1,Park,E01000010,3\nP1,Park,E01000020,3\nP1,Park,E01000010,4\nP1,Park,E01000010,5\n", 4, "LSOA11CD", "also at line 2")]
    [InlineData("P1,Park,E01000010,3\np1,Park,e01000010,4\n", 3, "LSOA11CD", "provider P1 and neighbourhood E01000010 are listed twice: also at line 2")]
    [InlineData("P1,Park,E01000010,3\nP1,Parc,E01000010,4\n", 3, "LSOA11CD", "also at line 2")]
    [InlineData("P1,Park,E01000010,3\nP2,Hill,E01000020,1\nP1,Parc,E01000030,4\nP2,Hill,E01000020,2\n", 4, "OranisationName", "'Park' at line 2")]
    public void Read_BadCell_ErrorNamesFileLineAndField(string rows, long line, string field, string problem)
    {
        var path = _folder.Write("bad.csv", "OrganisationCode,OranisationName,LSOA11CD,Patient\n" + rows);

        var e = Assert.Throws<GeoDataException>(() => Read2011(path));

        ImportFixtures.AssertNames(e, path, line, field);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CellsWithSpacesQuotesAndSeparators_ReadAsTheirValues()
    {
        // The same flows as flows_2021.csv, spelt as people's exports spell them: padded, quoted, grouped, lower case.
        var path = _folder.Write("spelt.csv",
            "practice,name,lsoa,patients\n A1 ,\"Alpha\",e01000001, 120 \n\"A1\",Alpha ,E01000002,\"1,200\"\nB2,Beta,E01000002,300.0\n");

        var source = FlowReader.Read(Spec2021, path, IndicatorFixtures.Context());

        Assert.Equal([("A1", "e01000001", 120.0), ("A1", "E01000002", 1200), ("B2", "E01000002", 300)],
            source.Flows.Select(f => (f.Provider, f.Neighbourhood, f.Count)));
        Assert.Equal("Alpha", source.ProviderNames["a1"]);
    }

    [Fact]
    public void Read_MissingColumn_ErrorListsTheColumns()
    {
        var path = _folder.Write("bad.csv", "OrganisationCode,Name,LSOA11CD,Patient\nP1,Park,E01000010,3\n");

        var e = Assert.Throws<GeoDataException>(() => Read2011(path));

        ImportFixtures.AssertNames(e, path, 1, "OranisationName");
        Assert.Contains("'Name'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadEntry_ErrorNamesTheManifestField()
    {
        var context = IndicatorFixtures.Context();
        var level = Assert.Throws<GeoDataException>(() =>
            FlowReader.Read(new FlowSpec { Path = "f.csv", AreaLevel = "lsoa", Provider = "p", Area = "a", Count = "c" }, Fixture("flows_2021.csv"), context));
        var lookup = Assert.Throws<GeoDataException>(() => FlowReader.Read(Spec2011, Fixture("flows_2011.csv"), context));

        Assert.Equal("flows.areaLevel", level.Field);
        Assert.Equal(IndicatorFixtures.ManifestFile, level.File);
        Assert.Equal("flows.lsoa11Lookup", lookup.Field);
    }

    [Fact]
    public void Read_NoRowForTheDataset_IsAnError()
    {
        var path = _folder.Write("elsewhere.csv", "practice,name,lsoa,patients\nA1,Alpha,W01000001,10\n");

        var e = Assert.Throws<GeoDataException>(() => FlowReader.Read(Spec2021, path, IndicatorFixtures.Context()));

        Assert.Contains("no row is for a neighbourhood of this dataset", e.Message, StringComparison.Ordinal);
    }
}
