using Geo.Core.Geography;

namespace Geo.Tiles;

/// <summary>
/// The fixed encoding of this project's tiles and how zoom sets the simplification tolerance.
/// Stateless and thread-safe.
/// </summary>
/// <remarks>
/// A tile is <see cref="Extent"/> units on a side and carries <see cref="Buffer"/> units of geometry
/// beyond each edge, so that strokes along an edge are drawn without seams. Each level's polygons are
/// simplified as one coverage in British National Grid at half a tile unit of the zoom (the smallest
/// change a tile can show), measured at <see cref="ToleranceLatitude"/>, the north of England, where
/// a Web Mercator unit is shortest on the ground, so no tolerance is more than half a unit anywhere.
/// From <see cref="FullDetailZoom"/> up the tolerance would be under a metre, below the accuracy of the
/// OSGB36 datum shift, and tiles use the polygons as loaded.
/// </remarks>
public static class TileSettings
{
    /// <summary>Tile units per side (MVT's customary 4096).</summary>
    public const int Extent = 4096;

    /// <summary>Tile units of geometry kept beyond each edge (as PostGIS's ST_AsMVTGeom default).</summary>
    public const int Buffer = 64;

    /// <summary>Rings smaller than this, in square tile units, are left out: a quarter of a screen pixel when
    /// the tile is drawn 512 pixels wide (64 units² a pixel). At low zoom most neighbourhoods are this small,
    /// and drawing them would only blur the map and swell the tile.</summary>
    public const int MinRingArea = 16;

    /// <summary>The first zoom neighbourhood tiles are cut at: where they are legible (see <see cref="MinZoom"/>).</summary>
    public const int NeighbourhoodMinZoom = 8;

    /// <summary>The highest zoom served.</summary>
    public const int MaxZoom = 14;

    /// <summary>Latitude, degrees, at which the tolerance is measured (Berwick-upon-Tweed).</summary>
    public const double ToleranceLatitude = 55.8;

    /// <summary>The first zoom whose tiles use the polygons unsimplified.</summary>
    public static readonly int FullDetailZoom = FirstZoomBelow(1.0);

    /// <summary>The first zoom of a level's tiles (its TileJSON <c>minzoom</c>, and the viewer's layers'): 0, but
    /// <see cref="NeighbourhoodMinZoom"/> for neighbourhoods, below which their tiles would be large and a city's
    /// neighbourhoods a few pixels each; the viewer shows their parents there.</summary>
    public static int MinZoom(Level level) => level == Level.Neighbourhood ? NeighbourhoodMinZoom : 0;

    /// <summary>British National Grid metres of simplification for tiles of zoom <paramref name="z"/>: half a
    /// tile unit on the ground, or 0 (none) from <see cref="FullDetailZoom"/>.</summary>
    public static double Tolerance(int z) => z >= FullDetailZoom ? 0 : HalfUnit(z);

    /// <summary>The zoom band a zoom's tiles are cut from: one band per zoom below
    /// <see cref="FullDetailZoom"/>, then a single band.</summary>
    public static int Band(int z) => Math.Min(z, FullDetailZoom);

    private static double HalfUnit(int z) =>
        0.5 * 2 * TileCoordinate.WorldHalf / Extent / Math.Pow(2, z) * Math.Cos(ToleranceLatitude * Math.PI / 180);

    private static int FirstZoomBelow(double metres)
    {
        var z = 0;
        while (HalfUnit(z) >= metres)
        {
            z++;
        }

        return z;
    }
}
