using System.Diagnostics;
using Geo.Tiles;

namespace Geo.Benchmarks;

/// <summary>
/// <c>tilesizes</c>: the largest tile of every level at every zoom it serves, against the targets of issue 13 (every
/// tile at most 500 KB, at most 100 KB at the level's first zoom). Every zoom band is prepared first (timed: what a
/// server does in the background at start). Up to <c>--exhaustive</c> (default 12) every tile over the dataset's bounds
/// is cut; above it, tiles only get smaller (a quarter of the area each zoom), so only the children of the
/// <c>--keep</c> (default 8) largest tiles of the zoom below are cut. The largest tile is then cut <c>runs</c> more
/// times for its median time. Prints the neighbourhood tiles to hand to <c>postgis_peer.sh</c>.
/// </summary>
internal static class TileSizeMeasurement
{
    private const int AnyTileLimit = 500 * 1024;
    private const int FirstZoomLimit = 100 * 1024;

    public static int Run(BenchArguments args)
    {
        var clock = Stopwatch.StartNew();
        var dataset = args.Dataset();
        var runs = args.Int("runs", 5);
        var exhaustive = args.Int("exhaustive", 12);
        var keep = args.Int("keep", 8);
        var catalog = new TileCatalog(dataset, 0);
        var only = args.Optional("level");
        Console.WriteLine($"tilesizes: {dataset.Name}, loaded in {clock.Elapsed.TotalSeconds:F1} s; every tile to z{exhaustive}, "
                          + $"then the children of the {keep} largest; {runs} runs of the largest; {Environment.ProcessorCount} cores");
        Console.WriteLine("level | zoom | tiles cut | largest tile | bytes | features | median ms | limit | within");
        Console.WriteLine("---|---|---|---|---|---|---|---|---");
        var peer = new List<string>();
        var failures = 0;
        foreach (var source in catalog.Sources.Where(s => only is null || s.Info.Id == only))
        {
            clock.Restart();
            for (var z = 0; z <= source.Info.MaxZoom; z++)
            {
                source.Prepare(z);
            }

            var prepare = clock.Elapsed.TotalSeconds;
            var previous = new List<(TileCoordinate Tile, int Bytes)>();
            for (var z = source.Info.MinZoom; z <= source.Info.MaxZoom; z++)
            {
                var candidates = z <= exhaustive ? Grid(source.Info.Bounds, z) : [.. previous.SelectMany(p => Children(p.Tile))];
                var sizes = candidates.Select(t => (Tile: t, Bytes: source.GetTile(t).Length)).ToList();
                previous = [.. sizes.OrderByDescending(s => s.Bytes).Take(keep)];
                var (largest, bytes) = previous[0];
                var times = Timing.Runs(runs, () => source.GetTile(largest));
                var limit = z == source.Info.MinZoom ? FirstZoomLimit : AnyTileLimit;
                failures += bytes <= limit ? 0 : 1;
                Console.WriteLine($"{source.Info.Id} | {z} | {sizes.Count:N0} | {largest} | {bytes:N0} | {Features(source, largest):N0} | "
                                  + $"{Timing.Median(times):F2} | {limit / 1024} KB | {(bytes <= limit ? "yes" : "NO")}");
                if (source.Level == Geo.Core.Geography.Level.Neighbourhood)
                {
                    peer.Add(largest.ToString());
                }
            }

            Console.WriteLine($"{source.Info.Id}: every band prepared in {prepare:F1} s");
        }

        FirstShown(dataset, catalog, only, args.Int("width", 1000), args.Int("height", 700));
        Console.WriteLine();
        Console.WriteLine($"largest neighbourhood tiles, for postgis_peer.sh: \"{string.Join(' ', peer)}\"");
        Console.WriteLine(failures == 0 ? "every largest tile within its limit" : $"{failures} zooms over their limit");
        return 0;
    }

    /// <summary>
    /// The tiles a viewer loads when it first shows each area's children: the area fitted in a map of
    /// <paramref name="width"/> x <paramref name="height"/> pixels with the viewer's 24-pixel padding (MapLibre's
    /// fitBounds, 512-pixel tiles, so tiles of the zoom's integer part), or the children's first zoom if higher.
    /// Prints the largest such tile per child level.
    /// </summary>
    private static void FirstShown(Geo.Model.Dataset dataset, TileCatalog catalog, string? only, int width, int height)
    {
        Console.WriteLine();
        Console.WriteLine($"first shown: each area's children at the zoom the viewer fits the area to ({width} x {height} px map)");
        Console.WriteLine("children | parents | fitted below the children's first zoom | fitted zooms | tiles cut | largest tile | over | bytes | limit | parents with a tile over it");
        Console.WriteLine("---|---|---|---|---|---|---|---|---|---");
        foreach (var source in catalog.Sources.Where(s => s.Level != Geo.Core.Geography.Level.Country && (only is null || s.Info.Id == only)))
        {
            var parents = dataset.Geography.AtLevel(source.Level - 1);
            var cut = new Dictionary<TileCoordinate, int>();
            (TileCoordinate Tile, string Parent, int Bytes) largest = default;
            int below = 0, minFit = int.MaxValue, maxFit = 0, over = 0;
            foreach (var parent in parents)
            {
                if (!dataset.Boundaries.TryGetValue(parent.Code, out var boundary))
                {
                    continue;
                }

                var b = AreaTileSource.Wgs84Bounds(boundary);
                var fit = FitZoom(b, width, height);
                minFit = Math.Min(minFit, fit);
                maxFit = Math.Max(maxFit, fit);
                below += fit < source.MinZoom ? 1 : 0;
                var parentOver = false;
                foreach (var tile in Grid(b, Math.Clamp(fit, source.MinZoom, source.Info.MaxZoom)))
                {
                    if (!cut.TryGetValue(tile, out var bytes))
                    {
                        cut[tile] = bytes = source.GetTile(tile).Length;
                    }

                    parentOver |= bytes > FirstZoomLimit;
                    if (bytes > largest.Bytes)
                    {
                        largest = (tile, parent.Name, bytes);
                    }
                }

                over += parentOver ? 1 : 0;
            }

            Console.WriteLine($"{source.Info.Id} | {parents.Count:N0} | {below:N0} | {minFit}-{maxFit} | {cut.Count:N0} | {largest.Tile} | "
                              + $"{largest.Parent} | {largest.Bytes:N0} | {FirstZoomLimit / 1024} KB | {over:N0}");
        }
    }

    /// <summary>The integer part of the zoom MapLibre's fitBounds (padding 24) gives WGS84 bounds in a map of this size.</summary>
    private static int FitZoom(double[] bounds, int width, int height)
    {
        const double padding = 24;
        var (x0, y0) = Geo.Spatial.Projection.WebMercator.FromWgs84(bounds[0], bounds[1]);
        var (x1, y1) = Geo.Spatial.Projection.WebMercator.FromWgs84(bounds[2], bounds[3]);
        var world = 2 * TileCoordinate.WorldHalf;
        // at zoom 0 the world is 512 pixels wide
        var scaleX = (width - (2 * padding)) / ((x1 - x0) / world * 512);
        var scaleY = (height - (2 * padding)) / ((y1 - y0) / world * 512);
        return (int)Math.Floor(Math.Log2(Math.Min(scaleX, scaleY)));
    }

    private static int Features(AreaTileSource source, TileCoordinate tile) => source.Commands(tile).Count;

    /// <summary>Every tile of zoom <paramref name="z"/> meeting WGS84 [west, south, east, north] bounds.</summary>
    private static List<TileCoordinate> Grid(double[] bounds, int z)
    {
        var northWest = TileMeasurement.TileAt(bounds[0], bounds[3], z);
        var southEast = TileMeasurement.TileAt(bounds[2], bounds[1], z);
        var tiles = new List<TileCoordinate>();
        for (var x = northWest.X; x <= southEast.X; x++)
        {
            for (var y = northWest.Y; y <= southEast.Y; y++)
            {
                tiles.Add(new TileCoordinate(z, x, y));
            }
        }

        return tiles;
    }

    private static IEnumerable<TileCoordinate> Children(TileCoordinate tile)
    {
        for (var dx = 0; dx < 2; dx++)
        {
            for (var dy = 0; dy < 2; dy++)
            {
                yield return new TileCoordinate(tile.Z + 1, (2 * tile.X) + dx, (2 * tile.Y) + dy);
            }
        }
    }
}
