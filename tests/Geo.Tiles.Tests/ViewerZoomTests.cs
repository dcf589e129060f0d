using System.Text.RegularExpressions;

namespace Geo.Tiles.Tests;

/// <summary>The viewer's neighbourhood layers start at the zoom the neighbourhood TileJSON says.</summary>
public partial class ViewerZoomTests
{
    [Fact]
    public void ViewerNeighbourhoodMinZoom_IsTheTileJsonMinZoom()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Geo.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var map = File.ReadAllText(Path.Combine(root.FullName, "web", "src", "map.js"));

        var match = MinZoom().Match(map);

        Assert.True(match.Success, "web/src/map.js declares no NEIGHBOURHOOD_MIN_ZOOM");
        Assert.Equal(DemoTiles.Catalog.Find("neighbourhood")!.Info.MinZoom, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"export const NEIGHBOURHOOD_MIN_ZOOM = (\d+);")]
    private static partial Regex MinZoom();
}
