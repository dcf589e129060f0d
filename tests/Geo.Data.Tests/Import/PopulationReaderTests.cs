using Geo.Core.Sources;
using Geo.Data.Import;
using Geo.Data.Manifest;
using Geo.Tests;

namespace Geo.Data.Tests.Import;

public sealed class PopulationReaderTests
{
    private static readonly PopulationSpec Broad = new()
    {
        Path = "population.csv",
        Neighbourhood = "LSOA21CD",
        Bands =
        [
            new BandColumn { Column = "Aged 15 years and under", Band = "0-15" },
            new BandColumn { Column = "Aged 16 to 64 years", Band = "16-64" },
            new BandColumn { Column = "Aged 65 years and over", Band = "65+" },
        ],
    };

    [Fact]
    public void Read_BomThousandsSeparatorsAndSpaces_CountsParsed()
    {
        var (bands, records) = PopulationReader.Read(ImportFixtures.Path("population_bom_thousands.csv"), Broad);

        Assert.Equal([new AgeBand(0, 15), new AgeBand(16, 64), new AgeBand(65, null)], bands);
        Assert.Equal(3, records.Count);
        Assert.Equal([400.0, 1484.0, 400.0], records[0].Counts);
        Assert.Equal(2284, records[0].Total);
        Assert.Equal([174.0, 1000.0, 173.0], records[1].Counts);
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public void Read_BadNumber_ErrorNamesFileLineFieldAndValue()
    {
        var path = ImportFixtures.Path("population_bad_number.csv");

        var error = Assert.Throws<GeoDataException>(() => PopulationReader.Read(path, Broad));

        ImportFixtures.AssertNames(error, path, 3, "Aged 15 years and under");
        Assert.Contains("'12a' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NegativeCount_Error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("p.csv", "LSOA21CD,Aged 15 years and under,Aged 16 to 64 years,Aged 65 years and over\nE01000001,1,-2,3\n");

        var error = Assert.Throws<GeoDataException>(() => PopulationReader.Read(path, Broad));

        ImportFixtures.AssertNames(error, path, 2, "Aged 16 to 64 years");
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadBandInManifest_ErrorNamesManifestField()
    {
        var spec = new PopulationSpec
        {
            Path = "population.csv",
            Neighbourhood = "LSOA21CD",
            Bands = [new BandColumn { Column = "Aged 15 years and under", Band = "0-15" }, new BandColumn { Column = "Aged 16 to 64 years", Band = "16 to 64" }],
        };

        var error = Assert.Throws<GeoDataException>(() => PopulationReader.Read(ImportFixtures.Path("population_bom_thousands.csv"), spec));

        Assert.Equal("bands[1].band", error.Field);
        Assert.Contains("'16 to 64'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverlappingBands_Error()
    {
        var spec = new PopulationSpec
        {
            Path = "population.csv",
            Neighbourhood = "LSOA21CD",
            Bands = [new BandColumn { Column = "Aged 15 years and under", Band = "0-15" }, new BandColumn { Column = "Aged 16 to 64 years", Band = "10-64" }],
        };

        var error = Assert.Throws<GeoDataException>(() => PopulationReader.Read(ImportFixtures.Path("population_bom_thousands.csv"), spec));

        Assert.Equal("bands[1].band", error.Field);
    }

    [Fact]
    public void Read_SameColumnForTwoBands_Error()
    {
        var spec = new PopulationSpec
        {
            Path = "population.csv",
            Neighbourhood = "LSOA21CD",
            Bands = [new BandColumn { Column = "Aged 15 years and under", Band = "0-15" }, new BandColumn { Column = "aged 15 years and under", Band = "16-64" }],
        };

        var error = Assert.Throws<GeoDataException>(() => PopulationReader.Read(ImportFixtures.Path("population_bom_thousands.csv"), spec));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [EnglandFact]
    public void Read_Census2021FiveYearBands_EnglandSumsTo56490091()
    {
        var spec = new PopulationSpec
        {
            Path = "population.csv",
            Neighbourhood = "LSOA21CD",
            Bands =
            [
                new BandColumn { Column = "Aged 4 years and under", Band = "0-4" },
                .. Enumerable.Range(1, 16).Select(i => new BandColumn { Column = $"Aged {i * 5} to {(i * 5) + 4} years", Band = $"{i * 5}-{(i * 5) + 4}" }),
                new BandColumn { Column = "Aged 85 years and over", Band = "85+" },
            ],
        };

        var (bands, records) = PopulationReader.Read(SharedData.England("population", "census2021_ts007a_age_5yr_bands_lsoa21_ew.csv"), spec);

        Assert.Equal(18, bands.Count);
        Assert.Equal(new AgeBand(85, null), bands[^1]);
        var england = records.Where(r => r.Neighbourhood.StartsWith("E01", StringComparison.Ordinal)).ToList();
        Assert.Equal(33_755, england.Count);
        Assert.Equal(56_490_091, england.Sum(r => r.Total));
    }
}
