using Geo.Core.Geography;
using NetTopologySuite.Coverage;

namespace Geo.Tiles.Tests;

/// <summary>
/// Each zoom band's polygons, simplified together, still form a coverage: checked with NetTopologySuite's
/// <see cref="CoverageValidator"/> (no overlaps, neighbours edge-matched vertex for vertex) and
/// <see cref="CoverageGapFinder"/> (no gaps), which are independent of the simplification.
/// </summary>
public class CoverageTests
{
    [Theory]
    [InlineData("system", 3)]
    [InlineData("place", 6)]
    [InlineData("neighbourhood", 8)]
    [InlineData("neighbourhood", 10)]
    [InlineData("neighbourhood", 12)]
    public void BandFeatures_SimplifiedLevel_IsAValidCoverageWithoutGaps(string level, int band)
    {
        var source = DemoTiles.Source(level);
        _ = LevelNames.TryParse(level, out var parsed);
        var areas = DemoTiles.Dataset.Geography.AtLevel(parsed).Count;
        var shapes = source.BandFeatures(band).Select(f => f.Mercator).ToArray();
        // a gap narrower than 20 tile units of the band's zoom would show as a line of background between neighbours
        var gapWidth = 20 * 2 * TileCoordinate.WorldHalf / (1L << band) / TileSettings.Extent;

        var invalid = CoverageValidator.Validate(shapes);
        var gaps = CoverageGapFinder.FindGaps(shapes, gapWidth);

        Assert.Equal(areas, shapes.Length);
        Assert.Empty(invalid.Where(e => e is not null && !e.IsEmpty).Select(e => e!.ToText()));
        Assert.True(gaps.IsEmpty, $"{level} band {band}: gaps {gaps.ToText()[..Math.Min(300, gaps.ToText().Length)]}");
    }

}
