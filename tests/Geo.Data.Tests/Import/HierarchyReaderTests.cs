using Geo.Core.Sources;
using Geo.Data.Import;
using Geo.Data.Manifest;
using Geo.Tests;

namespace Geo.Data.Tests.Import;

public sealed class HierarchyReaderTests
{
    private static readonly HierarchySpec Lookup = new()
    {
        Path = "lookup.csv",
        Neighbourhood = "LSOA21CD",
        NeighbourhoodName = "LSOA21NM",
        PlaceCode = "LAD24CD",
        PlaceName = "LAD24NM",
        SystemCode = "ICB24CD",
        SystemName = "ICB24NM",
    };

    [Fact]
    public void Read_BomQuotedCommasAndLineBreaks_ReadsEveryRow()
    {
        var records = HierarchyReader.Read(ImportFixtures.Path("lookup_bom_quoted.csv"), Lookup);

        Assert.Equal(4, records.Count);
        Assert.Equal(new HierarchyRecord("E01000001", "City of London 001A", "E09000001", "City of London", "E54000029", "NHS North East London Integrated Care Board", 2), records[0]);
        Assert.Equal("Kingston upon Hull, City of", records[2].PlaceName);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void Read_SpacesAndEmptyName_TrimmedAndNull()
    {
        var last = HierarchyReader.Read(ImportFixtures.Path("lookup_bom_quoted.csv"), Lookup)[^1];

        Assert.Equal("E01012071", last.Neighbourhood);
        Assert.Null(last.NeighbourhoodName);
        Assert.Equal("Middlesbrough", last.PlaceName);
        Assert.Equal(6, last.Line);
    }

    [Fact]
    public void Read_HeaderNamesInOtherCase_Matched()
    {
        var spec = new HierarchySpec
        {
            Path = "lookup.csv",
            Neighbourhood = "lsoa21cd",
            PlaceCode = "lad24cd",
            PlaceName = " LAD24NM ",
            SystemCode = "Icb24Cd",
            SystemName = "icb24nm",
        };

        var records = HierarchyReader.Read(ImportFixtures.Path("lookup_bom_quoted.csv"), spec);

        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Null(r.NeighbourhoodName));
    }

    [Fact]
    public void Read_EmptyPlaceCodeAfterQuotedLineBreak_ErrorNamesPhysicalLine()
    {
        var path = ImportFixtures.Path("lookup_empty_code.csv");

        var error = Assert.Throws<GeoDataException>(() => HierarchyReader.Read(path, Lookup));

        ImportFixtures.AssertNames(error, path, 4, "LAD24CD");
        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NeighbourhoodTwice_ErrorNamesBothLines()
    {
        var path = ImportFixtures.Path("lookup_duplicate.csv");

        var error = Assert.Throws<GeoDataException>(() => HierarchyReader.Read(path, Lookup));

        ImportFixtures.AssertNames(error, path, 4, "LSOA21CD");
        Assert.Contains("'E01000001' appears twice: also at line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingColumn_ErrorNamesLineOneFieldAndColumns()
    {
        var path = ImportFixtures.Path("lookup_bom_quoted.csv");
        var spec = new HierarchySpec
        {
            Path = "lookup.csv",
            Neighbourhood = "LSOA21CD",
            PlaceCode = "LAD23CD",
            PlaceName = "LAD24NM",
            SystemCode = "ICB24CD",
            SystemName = "ICB24NM",
        };

        var error = Assert.Throws<GeoDataException>(() => HierarchyReader.Read(path, spec));

        ImportFixtures.AssertNames(error, path, 1, "LAD23CD");
        Assert.Contains("'LAD24CD'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderOnly_ErrorSaysNoRows()
    {
        using var folder = new TempFolder();
        var path = folder.Write("header.csv", "LSOA21CD,LSOA21NM,LAD24CD,LAD24NM,ICB24CD,ICB24NM\n");

        var error = Assert.Throws<GeoDataException>(() => HierarchyReader.Read(path, Lookup));

        Assert.Contains("no rows", error.Message, StringComparison.Ordinal);
    }

    [EnglandFact]
    public void Read_EnglandLookup_Gives33755Rows()
    {
        var path = SharedData.England("lookups", "lsoa21_sicbl24_icb24_lad24_rgn24_nhser_en.csv");

        var records = HierarchyReader.Read(path, Lookup);

        Assert.Equal(33_755, records.Count);
        Assert.Equal(42, records.Select(r => r.SystemCode).Distinct().Count());
        Assert.Equal(296, records.Select(r => r.PlaceCode).Distinct().Count());
        Assert.All(records, r => Assert.StartsWith("E01", r.Neighbourhood, StringComparison.Ordinal));
    }
}
