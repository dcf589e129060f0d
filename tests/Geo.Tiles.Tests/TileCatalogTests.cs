using Geo.Demo;
using Geo.Data.Loading;

namespace Geo.Tiles.Tests;

public class TileCatalogTests
{
    [Theory]
    [InlineData("country", "country")]
    [InlineData("system", "system")]
    [InlineData("icb", "system")]
    [InlineData("icp", "icp")]
    [InlineData("place", "place")]
    [InlineData("lsoa", "neighbourhood")]
    public void Find_LevelName_IsThatLevelsSource(string name, string id) =>
        Assert.Equal(id, DemoTiles.Catalog.Find(name)!.Info.Id);

    [Fact]
    public void Find_Unknown_IsNull() => Assert.Null(DemoTiles.Catalog.Find("county"));

    [Fact]
    public void GetTile_Twice_SecondComesFromCache()
    {
        var source = DemoTiles.Catalog.Find("country")!;
        var tile = new TileCoordinate(1, 1, 0);

        var first = DemoTiles.Catalog.GetTile(source, tile);
        var second = DemoTiles.Catalog.GetTile(source, tile);

        Assert.Same(first, second);
        Assert.False(first.IsEmpty);
    }

    [Fact]
    public void Version_SameData_SameVersion_OtherDataOtherVersion()
    {
        var again = DatasetLoader.Build(DemoDataset.Generate().Source);
        var other = DatasetLoader.Build(DemoDataset.Generate(seed: 7).Source);

        Assert.Equal(DemoTiles.Catalog.Version, DataVersion.Compute(again));
        Assert.NotEqual(DemoTiles.Catalog.Version, DataVersion.Compute(other));
        Assert.Matches("^[0-9a-f]{16}$", DemoTiles.Catalog.Version);
    }

    [Fact]
    public void TileJson_For_HasTileJson3Fields()
    {
        var source = DemoTiles.Catalog.Find("place")!;

        var json = TileJson.For(source, "http://x/tiles/place/{z}/{x}/{y}.mvt?v=1", "1");

        Assert.Equal("3.0.0", json.Version);
        Assert.Equal(0, json.MinZoom);
        Assert.Equal(TileSettings.MaxZoom, json.MaxZoom);
        Assert.True(json.Bounds[0] < json.Bounds[2] && json.Bounds[1] < json.Bounds[3]);
        var layer = Assert.Single(json.VectorLayers);
        Assert.Equal("place", layer.Id);
        Assert.Equal(["code", "parent"], layer.Fields.Keys);
    }

    [Fact]
    public void TileJson_Neighbourhood_StartsAtZoom8WithItsCentreThere()
    {
        var json = TileJson.For(DemoTiles.Catalog.Find("neighbourhood")!, "http://x/tiles/neighbourhood/{z}/{x}/{y}.mvt?v=1", "1");

        Assert.Equal(8, json.MinZoom);
        Assert.Equal(8, Assert.Single(json.VectorLayers).MinZoom);
        Assert.Equal(8, json.Center[2]);
    }

    [Fact]
    public void IsReady_AfterPrepare_NotBefore()
    {
        var catalog = new TileCatalog(DemoTiles.Dataset, 0);
        var before = catalog.IsReady;

        catalog.Prepare();

        Assert.False(before);
        Assert.True(catalog.IsReady);
        Assert.All(catalog.Sources, s => Assert.True(s.IsPrepared, s.Info.Id));
    }
}
