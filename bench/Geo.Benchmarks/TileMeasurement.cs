using System.Diagnostics;
using Geo.Spatial.Projection;
using Geo.Tiles;

namespace Geo.Benchmarks;

/// <summary>
/// <c>tiles</c>: uncached vector tile generation of one level (default: neighbourhood) at every zoom 0..14.
/// Each zoom band's coverage simplification is built first and timed on its own (it happens once per band,
/// lazily, in the server); then each tile is cut <c>runs</c> times straight from the source, never from the
/// cache. Tiles: the national tiles of /work/shared/bench/README.md at their zooms, plus the tile over each of
/// a few English towns at every zoom. With <c>--connection</c> (a database filled by <c>geo load</c> with the same
/// dataset), the same tiles are also cut by PostGIS through <c>PostgresStore.TileSource</c>, interleaved run by run.
/// </summary>
internal static class TileMeasurement
{
    /// <summary>The tiles the PostGIS peer is timed on.</summary>
    private static readonly TileCoordinate[] PeerTiles =
        [new(3, 3, 2), new(5, 15, 10), new(7, 63, 40), new(8, 127, 81), new(10, 508, 324)];

    /// <summary>Towns (lon, lat) whose tile is cut at every zoom: dense cities and rural edges.</summary>
    internal static readonly (string Name, double Lon, double Lat)[] Towns =
    [
        ("London", -0.118, 51.509), ("Birmingham", -1.898, 52.486), ("Manchester", -2.244, 53.483),
        ("Leeds", -1.549, 53.801), ("Middlesbrough", -1.235, 54.576), ("Bristol", -2.588, 51.455),
        ("Norwich", 1.297, 52.630), ("Truro", -5.051, 50.263),
    ];

    public static int Run(BenchArguments args)
    {
        var clock = Stopwatch.StartNew();
        var dataset = args.Dataset();
        var runs = args.Int("runs", 5);
        var maxZoom = args.Int("maxzoom", TileSettings.MaxZoom);
        var catalog = new TileCatalog(dataset, 0, maxZoom);
        var source = catalog.Sources.FirstOrDefault(s => s.Info.Id == (args.Optional("level") ?? "neighbourhood"))
            ?? throw new ArgumentException("--level: one of country, system, icp, place, neighbourhood");
        using var store = args.Optional("connection") is { } connection ? new Geo.Postgres.PostgresStore(connection) : null;
        var database = store?.TileSource(source);
        Console.WriteLine($"tiles: {dataset.Name}, level {source.Info.Id}, loaded in {clock.Elapsed.TotalSeconds:F1} s; " +
                          $"{runs} uncached runs per tile after one warm-up; {Environment.ProcessorCount} cores");
        Console.WriteLine("zoom | tolerance m | band build ms | tiles | features (max) | bytes (max) | median ms | p95 ms | max ms"
                          + (database is null ? "" : " | PostGIS median ms | PostGIS p95 ms | PostGIS / ours (medians)"));
        Console.WriteLine("---|---|---|---|---|---|---|---|---" + (database is null ? "" : "|---|---|---"));
        var peer = new List<string>();
        for (var z = 0; z <= maxZoom; z++)
        {
            clock.Restart();
            source.Prepare(z);
            var build = clock.Elapsed.TotalMilliseconds;
            var tiles = Towns.Select(t => TileAt(t.Lon, t.Lat, z)).Concat(PeerTiles.Where(t => t.Z == z)).Distinct().ToList();
            var times = new List<double>();
            var databaseTimes = new List<double>();
            var maxBytes = 0;
            var maxFeatures = 0;
            foreach (var tile in tiles)
            {
                var bytes = source.GetTile(tile);
                _ = database?.GetTile(tile);
                var tileTimes = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    clock.Restart();
                    bytes = source.GetTile(tile);
                    tileTimes.Add(clock.Elapsed.TotalMilliseconds);
                    if (database is not null)
                    {
                        clock.Restart();
                        var theirs = database.GetTile(tile);
                        databaseTimes.Add(clock.Elapsed.TotalMilliseconds);
                        if (Features(theirs) != Features(bytes))
                        {
                            throw new InvalidOperationException($"{tile}: {Features(bytes)} features in process, {Features(theirs)} from PostGIS");
                        }
                    }
                }

                times.AddRange(tileTimes);
                maxBytes = Math.Max(maxBytes, bytes.Length);
                maxFeatures = Math.Max(maxFeatures, Features(bytes));
                if (PeerTiles.Contains(tile))
                {
                    peer.Add($"{tile} | {Features(bytes):N0} | {bytes.Length:N0} | {Percentile(tileTimes, 0.5):F1} | {tileTimes.Max():F1}");
                }
            }

            Console.WriteLine($"{z} | {TileSettings.Tolerance(z):F2} | {build:F0} | {tiles.Count} | {maxFeatures:N0} | {maxBytes:N0} | " +
                              $"{Percentile(times, 0.5):F1} | {Percentile(times, 0.95):F1} | {times.Max():F1}" +
                              (database is null ? "" : $" | {Percentile(databaseTimes, 0.5):F1} | {Percentile(databaseTimes, 0.95):F1} | " +
                                                       $"{Percentile(databaseTimes, 0.5) / Percentile(times, 0.5):F1}x"));
        }

        Console.WriteLine();
        Console.WriteLine("peer tile | features | bytes | median ms | max ms");
        Console.WriteLine("---|---|---|---|---");
        peer.ForEach(Console.WriteLine);
        return 0;
    }

    internal static TileCoordinate TileAt(double lon, double lat, int z)
    {
        var (x, y) = WebMercator.FromWgs84(lon, lat);
        var size = 2 * TileCoordinate.WorldHalf / (1L << z);
        return new TileCoordinate(z, (int)Math.Floor((x + TileCoordinate.WorldHalf) / size), (int)Math.Floor((TileCoordinate.WorldHalf - y) / size));
    }

    /// <summary>Counts the features of a one-layer tile by walking its protobuf (field 2 of the layer).</summary>
    private static int Features(byte[] tile)
    {
        if (tile.Length == 0)
        {
            return 0;
        }

        var i = 0;
        _ = ReadVarint(tile, ref i);
        var layerLength = (int)ReadVarint(tile, ref i);
        var end = i + layerLength;
        var count = 0;
        while (i < end)
        {
            var key = ReadVarint(tile, ref i);
            if ((key & 7) == 2)
            {
                var length = (int)ReadVarint(tile, ref i);
                count += key >> 3 == 2 ? 1 : 0;
                i += length;
            }
            else
            {
                _ = ReadVarint(tile, ref i);
            }
        }

        return count;
    }

    private static ulong ReadVarint(byte[] data, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
    }
}
