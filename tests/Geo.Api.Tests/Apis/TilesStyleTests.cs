using System.Text.Json;

namespace Geo.Api.Tests.Apis;

/// <summary>The MapLibre style for QGIS's vector tile connection: sources are the TileJSONs, colours the viewer's.</summary>
public class TilesStyleTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    [Fact]
    public async Task Style_EveryLevel_HasATileJsonSourceAndTheViewersEdgeColours()
    {
        using var style = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/tiles/style.json"));

        var root = style.RootElement;
        Assert.Equal(8, root.GetProperty("version").GetInt32());
        Assert.Equal(new[] { "neighbourhood", "place", "icp", "system", "country" }.Order(),
            root.GetProperty("sources").EnumerateObject().Select(s => s.Name).Order());
        Assert.EndsWith("/tiles/place.json", root.GetProperty("sources").GetProperty("place").GetProperty("url").GetString(), StringComparison.Ordinal);
        var place = root.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "place-line");
        // web/src/map.js draws the children's edges #4d4d4d, 0.8 px (0.4 for neighbourhoods).
        Assert.Equal("#4d4d4d", place.GetProperty("paint").GetProperty("line-color").GetString());
        Assert.Equal(0.8, place.GetProperty("paint").GetProperty("line-width").GetDouble());
    }

    [Fact]
    public async Task Style_OneLevel_HasOnlyItsSource()
    {
        using var style = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/tiles/style.json?level=place"));

        Assert.Equal(["place"], style.RootElement.GetProperty("sources").EnumerateObject().Select(s => s.Name));
    }
}
