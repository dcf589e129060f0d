using Geo.Core.Sources;
using Geo.Data.Import;
using Geo.Data.Manifest;
using Geo.Tests;

namespace Geo.Data.Tests.Import;

public sealed class IcpReaderTests
{
    private static readonly IcpSpec Spec = new()
    {
        Path = "icp.csv",
        System = "ICB24CD",
        IcpCode = "ICP_CD",
        IcpName = "ICP_NM",
        Place = "LAD24CD",
    };

    [Fact]
    public void Read_IcpFile_ReadsEveryPlace()
    {
        var records = IcpReader.Read(ImportFixtures.Path("icp_places.csv"), Spec);

        Assert.Equal(3, records.Count);
        Assert.Equal(new IcpRecord("E54000050", "NENC-TEES", "Tees Valley ICP", "E06000002", 4), records[2]);
    }

    [Fact]
    public void Read_PlaceTwiceInOneSystem_ErrorNamesBothLines()
    {
        using var folder = new TempFolder();
        var path = folder.Write("icp.csv", "ICB24CD,ICP_CD,ICP_NM,LAD24CD\nE54000050,A,North,E06000057\nE54000050,B,South,E06000057\n");

        var error = Assert.Throws<GeoDataException>(() => IcpReader.Read(path, Spec));

        ImportFixtures.AssertNames(error, path, 3, "LAD24CD");
        Assert.Contains("also at line 2", error.Message, StringComparison.Ordinal);
    }

    [EnglandFact]
    public void Read_NorthEastAndNorthCumbria_FourIcps()
    {
        var records = IcpReader.Read(SharedData.England("lookups", "icp_places_nenc.csv"), Spec);

        Assert.Equal(4, records.Select(r => r.IcpCode).Distinct().Count());
    }
}
