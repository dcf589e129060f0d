using System.CommandLine;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Geo.Core.Geography;
using Geo.Spatial.Projection;
using Geo.Tiles;

namespace Geo.Cli.Commands;

/// <summary><c>geo tiles build</c>: pre-generates every level's vector tiles into a folder,
/// <c>{level}/{z}/{x}/{y}.mvt</c> beside a TileJSON per level, for static hosting.</summary>
internal static class TilesCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write the tiles to.",
            DefaultValueFactory = _ => new DirectoryInfo("tiles"),
        };
        var minZoom = new Option<int>("--minzoom") { Description = "Lowest zoom.", DefaultValueFactory = _ => 0 };
        var maxZoom = new Option<int>("--maxzoom") { Description = $"Highest zoom (at most {TileSettings.MaxZoom}).", DefaultValueFactory = _ => 10 };
        var levels = new Option<string[]>("--levels")
        {
            Description = "Levels to build (country, system, icp, place, neighbourhood); default all.",
            AllowMultipleArgumentsPerToken = true,
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "URL the folder will be served at, for the TileJSONs' tile URLs (default: relative URLs).",
        };
        var build = new Command("build", "Pre-generate vector tiles into a folder: {level}/{z}/{x}/{y}.mvt and {level}.json.")
        {
            dataset, dataRoot, output, minZoom, maxZoom, levels, baseUrl,
        };
        build.SetAction(result => CommandErrors.Run(() => Build(
            result.GetValue(dataset),
            result.GetValue(dataRoot),
            result.GetRequiredValue(output),
            result.GetValue(minZoom),
            result.GetValue(maxZoom),
            result.GetValue(levels) ?? [],
            result.GetValue(baseUrl))));
        return new Command("tiles", "Vector tiles of each level of the geography.") { build };
    }

    private static int Build(FileInfo? manifest, DirectoryInfo? dataRoot, DirectoryInfo output, int minZoom, int maxZoom,
        string[] levelNames, string? baseUrl)
    {
        if (minZoom < 0 || maxZoom > TileSettings.MaxZoom || minZoom > maxZoom)
        {
            throw new ArgumentException($"--minzoom and --maxzoom must satisfy 0 <= minzoom <= maxzoom <= {TileSettings.MaxZoom}.");
        }

        var levels = new List<Level>();
        foreach (var name in levelNames.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            levels.Add(LevelNames.TryParse(name, out var level)
                ? level
                : throw new ArgumentException($"--levels: '{name}' is not a level; use country, system, icp, place or neighbourhood."));
        }

        var progress = new ConsoleProgress(Console.Out);
        var data = CommonOptions.Load(manifest, dataRoot, progress);
        var catalog = new TileCatalog(data, 0, TileSettings.MaxZoom);
        progress.Report($"tile version {catalog.Version}");
        var sources = catalog.Sources.Where(s => levels.Count == 0 || levels.Contains(s.Level)).ToList();
        var total = 0L;
        var bytes = 0L;
        foreach (var source in sources)
        {
            var id = source.Info.Id;
            var folder = Path.Combine(output.FullName, id);
            for (var z = minZoom; z <= maxZoom; z++)
            {
                var clock = Stopwatch.StartNew();
                source.Prepare(z);
                var prepared = clock.Elapsed.TotalSeconds;
                var tiles = Covering(source.Info.Bounds, z);
                var written = 0;
                var zoomBytes = 0L;
                Parallel.ForEach(tiles, tile =>
                {
                    var mvt = source.GetTile(tile);
                    if (mvt.Length == 0)
                    {
                        return;
                    }

                    var path = Path.Combine(folder, $"{tile.Z}", $"{tile.X}", $"{tile.Y}.mvt");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllBytes(path, mvt);
                    Interlocked.Increment(ref written);
                    Interlocked.Add(ref zoomBytes, mvt.Length);
                });
                total += written;
                bytes += zoomBytes;
                progress.Report($"{id} z{z}: {written:N0} of {tiles.Count:N0} tiles written ({zoomBytes / 1024.0:N0} KiB; " +
                                $"simplified in {prepared:F1} s, cut in {clock.Elapsed.TotalSeconds - prepared:F1} s)");
            }

            var template = $"{(string.IsNullOrEmpty(baseUrl) ? "" : baseUrl.TrimEnd('/') + "/")}{id}/{{z}}/{{x}}/{{y}}.mvt?v={catalog.Version}";
            // no tile below the level's own first zoom (neighbourhoods start at 8): the TileJSON says so
            var first = Math.Max(minZoom, source.Info.MinZoom);
            var json = TileJson.For(source, template, catalog.Version) with { MinZoom = first, MaxZoom = maxZoom };
            json = json with { VectorLayers = [.. json.VectorLayers.Select(l => l with { MinZoom = first, MaxZoom = maxZoom })] };
            Directory.CreateDirectory(output.FullName);
            File.WriteAllText(Path.Combine(output.FullName, $"{id}.json"), JsonSerializer.Serialize(json, Json));
        }

        progress.Report($"done: {total:N0} tiles, {bytes / 1024.0 / 1024.0:N1} MiB in {output.FullName}");
        return 0;
    }

    /// <summary>The tiles of zoom <paramref name="z"/> that meet WGS84 bounds [west, south, east, north].</summary>
    private static List<TileCoordinate> Covering(double[] bounds, int z)
    {
        var (minX, minY) = WebMercator.FromWgs84(bounds[0], bounds[1]);
        var (maxX, maxY) = WebMercator.FromWgs84(bounds[2], bounds[3]);
        var size = 2 * TileCoordinate.WorldHalf / (1L << z);
        var last = (int)((1L << z) - 1);
        int Column(double x) => Math.Clamp((int)Math.Floor((x + TileCoordinate.WorldHalf) / size), 0, last);
        int Row(double y) => Math.Clamp((int)Math.Floor((TileCoordinate.WorldHalf - y) / size), 0, last);
        var tiles = new List<TileCoordinate>();
        for (var x = Column(minX); x <= Column(maxX); x++)
        {
            for (var y = Row(maxY); y <= Row(minY); y++)
            {
                tiles.Add(new TileCoordinate(z, x, y));
            }
        }

        return tiles;
    }
}
