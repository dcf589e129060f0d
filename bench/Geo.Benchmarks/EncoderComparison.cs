using System.Diagnostics;
using Geo.Spatial.Projection;
using Geo.Tiles;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using MapboxTile = NetTopologySuite.IO.VectorTiles.Mapbox.Tile;
using NtsTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Geo.Benchmarks;

/// <summary>
/// <c>encoders</c>: the project's MVT encoder (<c>PolygonEncoder</c> + <c>MvtLayerWriter</c>) against
/// NetTopologySuite.IO.VectorTiles.Mapbox's <c>MapboxTileWriter</c> on the same tiles of one level. Each tile's
/// features are first cut as the server cuts them (band simplification, clipping to the buffered tile, rounding to the
/// 4096 grid); both encoders then get those clipped polygons, ours in Web Mercator metres, the library in WGS84 lon/lat
/// (what it takes) at the centres of the same grid cells, so only encoding differs: projecting to tile units,
/// orientation, command and protobuf writing. Runs are interleaved, ours then the library's, <c>runs</c> times after
/// a warm-up; every library tile is checked to hold the same features with the same commands as ours.
/// </summary>
internal static class EncoderComparison
{
    private static readonly int[] DefaultZooms = [8, 10, 12, 14];

    public static int Run(BenchArguments args)
    {
        var dataset = args.Dataset();
        var runs = args.Int("runs", 7);
        var zooms = args.Optional("zooms") is { } z ? z.Split(',').Select(int.Parse).ToArray() : DefaultZooms;
        var catalog = new TileCatalog(dataset, 0);
        var source = catalog.Sources.FirstOrDefault(s => s.Info.Id == (args.Optional("level") ?? "neighbourhood"))
            ?? throw new ArgumentException("--level: one of country, system, icp, place, neighbourhood");
        Console.WriteLine($"encoders: {dataset.Name}, level {source.Info.Id}; {runs} interleaved runs per tile after one warm-up; "
                          + $"{Environment.ProcessorCount} cores");
        Console.WriteLine("tile | town | features | ours bytes | NTS bytes | ours median ms | NTS median ms | NTS / ours");
        Console.WriteLine("---|---|---|---|---|---|---|---");
        var perZoom = new List<string>();
        foreach (var zoom in zooms)
        {
            source.Prepare(zoom);
            double oursTotal = 0, theirsTotal = 0;
            long oursBytes = 0, theirsBytes = 0;
            var seen = new HashSet<TileCoordinate>();
            foreach (var town in TileMeasurement.Towns)
            {
                var tile = TileMeasurement.TileAt(town.Lon, town.Lat, zoom);
                if (!seen.Add(tile))
                {
                    continue;
                }

                var cut = source.Commands(tile);
                if (cut.Count == 0)
                {
                    continue;
                }

                var ours = new OwnEncoding(source.Info.Id, tile, cut);
                var theirs = LibraryTile(source.Info.Id, tile, cut, 0.5, 0.5);
                var theirsTile = WriteWithLibrary(theirs);
                var (dx, dy) = Shift(cut[0].Commands, theirsTile);
                if (dx != 0 || dy != 0)
                {
                    // The library's tile origin, from its own lon/lat arithmetic, can fall a unit off the exact one:
                    // move the input by the same so that both encoders write the same grid points.
                    theirs = LibraryTile(source.Info.Id, tile, cut, 0.5 - dx, 0.5 - dy);
                    theirsTile = WriteWithLibrary(theirs);
                }

                var oursTile = ours.Encode();
                Check(tile, cut, theirsTile);
                var oursTimes = new List<double>();
                var theirsTimes = new List<double>();
                var clock = new Stopwatch();
                for (var run = 0; run < runs; run++)
                {
                    clock.Restart();
                    _ = ours.Encode();
                    oursTimes.Add(clock.Elapsed.TotalMilliseconds);
                    clock.Restart();
                    _ = WriteWithLibrary(theirs);
                    theirsTimes.Add(clock.Elapsed.TotalMilliseconds);
                }

                var (o, t) = (Timing.Median(oursTimes), Timing.Median(theirsTimes));
                oursTotal += o;
                theirsTotal += t;
                oursBytes += oursTile.Length;
                theirsBytes += theirsTile.Length;
                Console.WriteLine($"{tile} | {town.Name} | {cut.Count:N0} | {oursTile.Length:N0} | {theirsTile.Length:N0} | {o:F3} | {t:F3} | {t / o:F1}x");
            }

            perZoom.Add($"{zoom} | {oursBytes:N0} | {theirsBytes:N0} | {oursTotal:F2} | {theirsTotal:F2} | {theirsTotal / oursTotal:F1}x");
        }

        Console.WriteLine();
        Console.WriteLine("zoom | ours bytes (all towns) | NTS bytes | ours ms (sum of medians) | NTS ms | NTS / ours");
        Console.WriteLine("---|---|---|---|---|---");
        perZoom.ForEach(Console.WriteLine);
        return 0;
    }

    private static byte[] WriteWithLibrary(VectorTile tile)
    {
        using var stream = new MemoryStream();
        // minimum extents 1 and 0 tile units: every feature here already passed our quarter-pixel test
        tile.Write(stream, minLinealExtent: 1, minPolygonalExtent: 0, extent: TileSettings.Extent);
        return stream.ToArray();
    }

    /// <summary>The tile for the library: each feature's clipped rings at the centres of their grid cells in lon/lat
    /// (the library floors projected coordinates to the grid), its properties and its id as attribute "id".</summary>
    private static VectorTile LibraryTile(
        string name, TileCoordinate tile, List<(AreaFeature Feature, uint[] Commands)> cut, double offsetX, double offsetY)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var layer = new Layer { Name = name };
        var scale = TileSettings.Extent / tile.Size;
        foreach (var (feature, commands) in cut)
        {
            var polygons = new List<Polygon>();
            foreach (var (ring, shell) in Rings(commands))
            {
                var coordinates = new Coordinate[(ring.Count / 2) + 1];
                for (var i = 0; i < ring.Count / 2; i++)
                {
                    var (lon, lat) = WebMercator.ToWgs84(
                        tile.MinX + ((ring[2 * i] + offsetX) / scale), tile.MaxY - ((ring[(2 * i) + 1] + offsetY) / scale));
                    coordinates[i] = new Coordinate(lon, lat);
                }

                coordinates[^1] = coordinates[0].Copy();
                var linear = factory.CreateLinearRing(coordinates);
                if (shell)
                {
                    polygons.Add(factory.CreatePolygon(linear));
                }
                else
                {
                    var last = polygons[^1];
                    polygons[^1] = factory.CreatePolygon(last.Shell, [.. last.Holes, linear]);
                }
            }

            var attributes = new AttributesTable();
            foreach (var (key, value) in feature.TileProperties)
            {
                attributes.Add(key, value);
            }

            attributes.Add("id", feature.Id);
            Geometry geometry = polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
            layer.Features.Add(new Feature(geometry, attributes));
        }

        var vectorTile = new VectorTile { TileId = new NtsTile(tile.X, tile.Y, tile.Z).Id };
        vectorTile.Layers.Add(layer);
        return vectorTile;
    }

    /// <summary>The integer tile-unit rings of MVT polygon commands, each with whether it is a shell (clockwise on
    /// screen, as the spec and our encoder have it).</summary>
    private static List<(List<int> Ring, bool Shell)> Rings(uint[] commands)
    {
        var rings = new List<(List<int>, bool)>();
        int x = 0, y = 0, i = 0;
        List<int>? ring = null;
        while (i < commands.Length)
        {
            var id = commands[i] & 7;
            var count = (int)(commands[i++] >> 3);
            if (id == 7)
            {
                long area2 = 0;
                var n = ring!.Count / 2;
                for (var k = 0; k < n; k++)
                {
                    var j = (k + 1) % n;
                    area2 += ((long)ring[2 * k] * ring[(2 * j) + 1]) - ((long)ring[2 * j] * ring[(2 * k) + 1]);
                }

                rings.Add((ring, area2 > 0));
                continue;
            }

            if (id == 1)
            {
                ring = [];
            }

            for (var c = 0; c < count; c++)
            {
                x += UnZigZag(commands[i++]);
                y += UnZigZag(commands[i++]);
                ring!.Add(x);
                ring.Add(y);
            }
        }

        return rings;
    }

    /// <summary>How far the library put the first feature's first vertex from ours, in tile units.</summary>
    private static (int Dx, int Dy) Shift(uint[] ours, byte[] theirs)
    {
        using var stream = new MemoryStream(theirs);
        var geometry = ProtoBuf.Serializer.Deserialize<MapboxTile>(stream).Layers.Single().Features[0].Geometry;
        return (UnZigZag(geometry[1]) - UnZigZag(ours[1]), UnZigZag(geometry[2]) - UnZigZag(ours[2]));
    }

    private static int UnZigZag(uint value) => (int)(value >> 1) ^ -(int)(value & 1);

    /// <summary>Throws unless the library's tile holds the same features, in order, with the same geometry commands.</summary>
    private static void Check(TileCoordinate tile, List<(AreaFeature Feature, uint[] Commands)> cut, byte[] theirs)
    {
        using var stream = new MemoryStream(theirs);
        var layer = ProtoBuf.Serializer.Deserialize<MapboxTile>(stream).Layers.Single();
        if (layer.Features.Count != cut.Count)
        {
            throw new InvalidOperationException($"{tile}: {cut.Count} features ours, {layer.Features.Count} from the library");
        }

        var differing = cut.Zip(layer.Features).Count(p => p.First.Feature.Id != p.Second.Id || !p.First.Commands.SequenceEqual(p.Second.Geometry));
        if (differing > 0)
        {
            Console.WriteLine($"  ({tile}: {differing} of {cut.Count} features' commands differ from ours)");
        }
    }

    /// <summary>Our encoder over the same clipped polygons, held in Web Mercator metres as a zoom band holds them.</summary>
    private sealed class OwnEncoding
    {
        private readonly string _name;
        private readonly TileCoordinate _tile;
        private readonly List<PreparedArea> _areas = [];
        private readonly PolygonEncoder _encoder = new();
        private readonly MvtLayerWriter _layer = new();

        public OwnEncoding(string name, TileCoordinate tile, List<(AreaFeature Feature, uint[] Commands)> cut)
        {
            _name = name;
            _tile = tile;
            var scale = TileSettings.Extent / tile.Size;
            foreach (var (feature, commands) in cut)
            {
                var rings = Rings(commands);
                _areas.Add(new PreparedArea(
                    feature,
                    [.. rings.Select(r => Closed(r.Ring, tile, scale))],
                    [.. rings.Select(r => r.Shell)]));
            }
        }

        public byte[] Encode()
        {
            _encoder.SetTile(_tile);
            _layer.Reset(_name, TileSettings.Extent);
            foreach (var area in _areas)
            {
                var commands = _encoder.Encode(area);
                if (!commands.IsEmpty)
                {
                    _layer.AddPolygon(area.Feature.Id, area.Feature.TileProperties, commands);
                }
            }

            return _layer.ToTile();
        }

        private static double[] Closed(List<int> ring, TileCoordinate tile, double scale)
        {
            var xy = new double[ring.Count + 2];
            for (var i = 0; i < ring.Count; i += 2)
            {
                xy[i] = tile.MinX + (ring[i] / scale);
                xy[i + 1] = tile.MaxY - (ring[i + 1] / scale);
            }

            xy[^2] = xy[0];
            xy[^1] = xy[1];
            return xy;
        }
    }
}
