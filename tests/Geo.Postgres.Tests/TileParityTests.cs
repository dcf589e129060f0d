using Geo.Tiles;
using NetTopologySuite.Features;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using NtsTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Geo.Postgres.Tests;

/// <summary>Tiles cut by PostGIS (ST_AsMVT) from the stored features decode to the in-process tiles' features.</summary>
[Trait("Category", "Database")]
public class TileParityTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [DatabaseTheory]
    [InlineData("country", 0, 6)]
    [InlineData("system", 0, 8)]
    [InlineData("icp", 4, 9)]
    [InlineData("place", 5, 10)]
    [InlineData("neighbourhood", 8, 12)]
    public void EveryTileOverTheDemo_HasTheSameFeaturesIdsAndProperties(string level, int minZoom, int maxZoom)
    {
        using var store = new PostgresStore(demo.ConnectionString);
        var memory = new TileCatalog(demo.Memory, 0);
        var database = new TileCatalog(demo.Stored, 0, serve: store.TileSource);
        Assert.Equal(memory.Version, database.Version);
        var bounds = memory.Find(level)!.Info.Bounds;
        var tiles = 0;
        for (var z = minZoom; z <= maxZoom; z++)
        {
            var (x0, y0) = TileOf(bounds[0], bounds[3], z);
            var (x1, y1) = TileOf(bounds[2], bounds[1], z);
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    var tile = new TileCoordinate(z, x, y);
                    var expected = Features(memory.Find(level)!.GetTile(tile), tile, level);
                    var actual = Features(database.Find(level)!.GetTile(tile), tile, level);
                    Assert.True(Describe(expected).SetEquals(Describe(actual)),
                        $"{level} {tile}: in memory {string.Join(" ", Describe(expected).Except(Describe(actual)))}; "
                        + $"PostGIS {string.Join(" ", Describe(actual).Except(Describe(expected)))}");
                    foreach (var feature in expected)
                    {
                        // The same shapes, up to PostGIS's and our own rounding to the 4096-unit grid.
                        var other = actual.Single(f => f.Attributes["code"].Equals(feature.Attributes["code"]));
                        var area = feature.Geometry.Area;
                        var sliver = Math.Pow(360.0 / (1 << z) / 4096, 2) * 40 * Math.Max(feature.Geometry.Length, 1) / (360.0 / (1 << z) / 4096);
                        Assert.True(Math.Abs(area - other.Geometry.Area) <= Math.Max(area * 0.02, sliver),
                            $"{level} {tile} {feature.Attributes["code"]}: area {area} vs {other.Geometry.Area}");
                    }

                    tiles++;
                }
            }
        }

        Assert.True(tiles > 0);
    }

    internal static HashSet<string> Describe(IReadOnlyList<IFeature> features) =>
        [.. features.Select(f => string.Join("|", f.Attributes.GetNames().Order(StringComparer.Ordinal).Select(n => $"{n}={f.Attributes[n]}")))];

    internal static IReadOnlyList<IFeature> Features(byte[] bytes, TileCoordinate tile, string layer)
    {
        if (bytes.Length == 0)
        {
            return [];
        }

        using var stream = new MemoryStream(bytes);
        try
        {
            var decoded = new MapboxTileReader().Read(stream, new NtsTile(tile.X, tile.Y, tile.Z));
            return [.. decoded.Layers.Single(l => l.Name == layer).Features];
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{layer} {tile} does not decode: {e.Message}", e);
        }
    }

    internal static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var r = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - (Math.Log(Math.Tan(r) + (1 / Math.Cos(r))) / Math.PI)) / 2 * n);
        return (Math.Clamp(x, 0, n - 1), Math.Clamp(y, 0, n - 1));
    }
}
