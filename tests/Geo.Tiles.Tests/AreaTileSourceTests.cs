using Geo.Core.Geography;
using Geo.Spatial.Projection;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using MapboxTile = NetTopologySuite.IO.VectorTiles.Mapbox.Tile;

namespace Geo.Tiles.Tests;

public class AreaTileSourceTests
{
    [Fact]
    public void GetTile_Z0System_HoldsEverySystemWithCodeParentAndId()
    {
        var tile = new TileCoordinate(0, 0, 0);
        var systems = DemoTiles.Dataset.Geography.AtLevel(Level.System);

        var features = DemoTiles.Decode(DemoTiles.Source("system").GetTile(tile), tile, "system");

        Assert.Equal(systems.Count, features.Count);
        foreach (var feature in features)
        {
            var code = (string)feature.Attributes["code"];
            var index = systems.Select(s => s.Code).ToList().IndexOf(code);
            Assert.True(index >= 0, code);
            Assert.Equal(DemoTiles.Dataset.Geography.Root.Code, feature.Attributes["parent"]);
            Assert.Equal((ulong)index, Convert.ToUInt64(feature.Attributes["id"], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("country", 0, new[] { "code" })]
    [InlineData("system", 5, new[] { "code", "parent" })]
    [InlineData("place", 7, new[] { "code", "parent" })]
    [InlineData("neighbourhood", 10, new[] { "code", "parent" })]
    public void GetTile_Features_CarryOnlyWhatTheViewerReads(string level, int z, string[] expected)
    {
        var centre = DemoTiles.Dataset.Boundaries[DemoTiles.Dataset.Geography.Root.Code].InteriorPoint;
        var (lon, lat) = BritishNationalGrid.ToWgs84(centre.X, centre.Y);
        var tile = DemoTiles.TileAt(lon, lat, z);

        var features = DemoTiles.Decode(DemoTiles.Source(level).GetTile(tile), tile, level);

        Assert.NotEmpty(features);
        // the reader adds the feature id as "id"; web/src reads only code (promoteId) and parent (filters)
        Assert.All(features, f => Assert.Equal(expected, f.Attributes.GetNames().Where(n => n != "id").Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void GetTile_NeighbourhoodBelowItsFirstZoom_IsEmpty()
    {
        var centre = DemoTiles.Dataset.Boundaries[DemoTiles.Dataset.Geography.Root.Code].InteriorPoint;
        var (lon, lat) = BritishNationalGrid.ToWgs84(centre.X, centre.Y);
        var source = DemoTiles.Source("neighbourhood");

        Assert.Empty(source.GetTile(DemoTiles.TileAt(lon, lat, source.MinZoom - 1)));
        Assert.NotEmpty(source.GetTile(DemoTiles.TileAt(lon, lat, source.MinZoom)));
        Assert.Empty(source.BandFeatures(source.MinZoom - 1));
    }

    [Fact]
    public void GetTile_AnyTile_IsOneLayerNamedAfterLevelVersion2Extent4096()
    {
        var tile = new TileCoordinate(0, 0, 0);

        var raw = DemoTiles.Raw(DemoTiles.Source("icp").GetTile(tile));

        var layer = Assert.Single(raw.Layers);
        Assert.Equal("icp", layer.Name);
        Assert.Equal(2u, layer.Version);
        Assert.Equal(4096u, layer.Extent);
        Assert.All(layer.Features, f => Assert.Equal(MapboxTile.GeomType.Polygon, f.Type));
        Assert.Equal(layer.Features.Count, layer.Features.Select(f => f.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(9)]
    [InlineData(14)]
    public void GetTile_Neighbourhood_ItsInteriorPointFallsInItsDecodedFeature(int z)
    {
        var area = DemoTiles.Dataset.Geography.AtLevel(Level.Neighbourhood)[100];
        var point = DemoTiles.Dataset.Boundaries[area.Code].InteriorPoint;
        var (lon, lat) = BritishNationalGrid.ToWgs84(point.X, point.Y);
        var tile = DemoTiles.TileAt(lon, lat, z);

        var features = DemoTiles.Decode(DemoTiles.Source("neighbourhood").GetTile(tile), tile, "neighbourhood");

        var feature = Assert.Single(features, f => (string)f.Attributes["code"] == area.Code);
        var pixelDegrees = 360.0 / (1 << z) / TileSettings.Extent;
        Assert.True(feature.Geometry.Distance(new Point(lon, lat)) <= pixelDegrees,
            $"{area.Code}'s point ({lon}, {lat}) is {feature.Geometry.Distance(new Point(lon, lat))}° from its feature in {tile}");
    }

    [Theory]
    [InlineData("system", 6)]
    [InlineData("place", 8)]
    [InlineData("neighbourhood", 10)]
    [InlineData("neighbourhood", 14)]
    public void GetTile_Neighbours_ShareTheSameBoundaryLineWithoutGapsOrSlivers(string level, int z)
    {
        var centre = DemoTiles.Dataset.Boundaries[DemoTiles.Dataset.Geography.Root.Code].Centroid;
        var (lon, lat) = BritishNationalGrid.ToWgs84(centre.X, centre.Y);
        var tile = DemoTiles.TileAt(lon, lat, z);
        var features = DemoTiles.Decode(DemoTiles.Source(level).GetTile(tile), tile, level);
        var unit = 360.0 / (1 << z) / TileSettings.Extent;

        var pairs = NeighbourPairs(features, unit).ToList();

        Assert.NotEmpty(pairs);
        foreach (var (a, b, shared) in pairs)
        {
            var what = $"{a.Attributes["code"]} | {b.Attributes["code"]} in {level} {tile}";
            // No overlap: the two polygons meet only along their boundaries.
            Assert.True(OverlayNGRobust.Overlay(a.Geometry, b.Geometry, OverlayNG.INTERSECTION).Area <= 1e-6 * unit * unit, what);
            // No gap or sliver: every vertex of one that comes within a unit of the other lies exactly on it.
            Assert.Empty(NearMisses(a.Geometry, b.Geometry, unit));
            Assert.Empty(NearMisses(b.Geometry, a.Geometry, unit));
            Assert.True(shared.Length >= 2 * unit, what);
        }
    }

    [Fact]
    public void ZoomBand_NeighbourhoodsUnderAQuarterPixelAtItsFirstZoom_AreLeftOut()
    {
        // At z0 a tile unit is about 5 km (9.8 km of Web Mercator): every demo neighbourhood is under 16 square units,
        // every demo system over.
        var small = Band(Level.Neighbourhood, firstZoom: 0);
        var large = Band(Level.System, firstZoom: 0);

        Assert.Empty(small.Indexed);
        Assert.Equal(DemoTiles.Dataset.Geography.AtLevel(Level.System).Count, large.Indexed.Count);
    }

    [Fact]
    public void GetTile_FarFromTheData_IsEmpty()
    {
        var tile = DemoTiles.TileAt(-100, 40, 8);

        Assert.Empty(DemoTiles.Source("neighbourhood").GetTile(tile));
    }

    [Fact]
    public void GetTile_SameTileTwice_IsTheSameBytes()
    {
        var tile = new TileCoordinate(6, 31, 20);

        Assert.Equal(DemoTiles.Source("place").GetTile(tile), DemoTiles.Source("place").GetTile(tile));
    }

    [Fact]
    public void GetTile_OutsideZoomRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoTiles.Source("system").GetTile(new TileCoordinate(15, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoTiles.Source("system").GetTile(new TileCoordinate(2, 4, 0)));
    }

    private static ZoomBand Band(Level level, int firstZoom)
    {
        var areas = DemoTiles.Dataset.Geography.AtLevel(level);
        var features = areas.Select((a, i) => new AreaFeature((ulong)i, [], [])).ToList();
        var shapes = areas.Select(a => DemoTiles.Dataset.Boundaries[a.Code]).ToList();
        return new ZoomBand(features, shapes, TileSettings.Tolerance(firstZoom), firstZoom);
    }

    /// <summary>Pairs of features whose boundaries share a line (not just a point), with that line.</summary>
    private static IEnumerable<(IFeature A, IFeature B, Geometry Shared)> NeighbourPairs(IReadOnlyList<IFeature> features, double unit)
    {
        for (var i = 0; i < features.Count; i++)
        {
            for (var j = i + 1; j < features.Count; j++)
            {
                var a = features[i].Geometry;
                var b = features[j].Geometry;
                if (!a.EnvelopeInternal.Intersects(b.EnvelopeInternal))
                {
                    continue;
                }

                var shared = OverlayNGRobust.Overlay(a.Boundary, b.Boundary, OverlayNG.INTERSECTION);
                if (shared.Length >= 2 * unit)
                {
                    yield return (features[i], features[j], shared);
                }
            }
        }
    }

    private static List<Coordinate> NearMisses(Geometry a, Geometry b, double unit) =>
        a.Coordinates.Where(c =>
        {
            var d = b.Boundary.Distance(new Point(c));
            return d > 0 && d < 0.5 * unit;
        }).ToList();
}
