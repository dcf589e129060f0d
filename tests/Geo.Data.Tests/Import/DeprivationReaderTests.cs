using Geo.Core.Sources;
using Geo.Data.Import;
using Geo.Data.Manifest;
using Geo.Tests;

namespace Geo.Data.Tests.Import;

public sealed class DeprivationReaderTests
{
    private static readonly DeprivationSpec Imd2019 = new()
    {
        Path = "imd2019.csv",
        Neighbourhood = "LSOA code (2011)",
        Decile = "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)",
        Score = "Index of Multiple Deprivation (IMD) Score",
    };

    private static readonly DeprivationSpec Imd2025 = new()
    {
        Path = "imd2025.csv",
        Neighbourhood = "lsoa21_code",
        Decile = "IMD_decile",
        Score = "IMD_score",
    };

    [Fact]
    public void Read_LongHeadersBomAndThousandsSeparators_ReadsDecilesAndScores()
    {
        var records = DeprivationReader.Read(ImportFixtures.Path("imd2019_long_headers.csv"), Imd2019);

        Assert.Equal(3, records.Count);
        Assert.Equal(new DeprivationRecord("E01000001", 9, 6.208, 2), records[0]);
        Assert.Equal(new DeprivationRecord("E01032740", 3, 28.477, 4), records[2]);
    }

    [Fact]
    public void Read_NoScoreColumn_ScoresNull()
    {
        var spec = new DeprivationSpec { Path = "imd.csv", Neighbourhood = Imd2019.Neighbourhood, Decile = Imd2019.Decile };

        var records = DeprivationReader.Read(ImportFixtures.Path("imd2019_long_headers.csv"), spec);

        Assert.All(records, r => Assert.Null(r.Score));
    }

    [Fact]
    public void Read_DecileEleven_ErrorNamesFileLineAndField()
    {
        var path = ImportFixtures.Path("imd_bad_decile.csv");

        var error = Assert.Throws<GeoDataException>(() => DeprivationReader.Read(path, Imd2025));

        ImportFixtures.AssertNames(error, path, 3, "IMD_decile");
        Assert.Contains("'11' is not a decile", error.Message, StringComparison.Ordinal);
    }

    [EnglandFact]
    public void Read_Imd2025_EveryNeighbourhoodHasADecile()
    {
        var records = DeprivationReader.Read(SharedData.England("deprivation", "imd2025_england_lsoa21.csv"), Imd2025);

        Assert.Equal(33_755, records.Count);
        Assert.Equal(Enumerable.Range(1, 10), records.Select(r => r.Decile).Distinct().Order());
        Assert.All(records, r => Assert.NotNull(r.Score));
    }

    [EnglandFact]
    public void Read_Imd2019WithThousandsSeparators_Parses()
    {
        var spec = new DeprivationSpec
        {
            Path = "imd2019.csv",
            Neighbourhood = "LSOA code (2011)",
            Decile = "Index of Multiple Deprivation (IMD) Decile",
        };

        var records = DeprivationReader.Read(SharedData.England("deprivation", "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv"), spec);

        Assert.Equal(32_844, records.Count);
        Assert.Equal(new DeprivationRecord("E01000001", 9, null, 2), records[0]);

        using var table = CsvTable.Open(SharedData.England("deprivation", "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv"));
        var rank = table.Column("Index of Multiple Deprivation (IMD) Rank");
        Assert.True(table.Read());
        Assert.Equal(29_199, table.GetInt32(rank));
    }
}
