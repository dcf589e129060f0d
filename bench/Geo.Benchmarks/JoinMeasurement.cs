using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Geo.Data.Join;
using Geo.Spatial.Join;
using NetTopologySuite.Geometries;

namespace Geo.Benchmarks;

/// <summary>
/// The <c>join</c> mode: loads polygons and points (not timed), times building the index, then times joining all
/// points several times and prints the median throughput and the matched count. Options add the plain STRtree
/// method for comparison (<c>--baseline</c>), a check of every answer against a Covers scan (<c>--verify</c>), the
/// whole CSV-to-CSV join (<c>--csv</c>) and the per-point answers as a CSV (<c>--answers</c>).
/// </summary>
internal static class JoinMeasurement
{
    public static int Run(BenchArguments args) => Run(args, Console.Out);

    public static int Run(BenchArguments args, TextWriter log)
    {
        var runs = Math.Max(1, args.Int("runs", 7));
        var polygonPath = args.Required("polygons");
        var pointPath = args.Required("points");

        log.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        var clock = Stopwatch.StartNew();
        var polygons = PolygonFile.Read(polygonPath, args.Required("code-field"), args.Has("fix-invalid"), log);
        log.WriteLine($"polygons: {polygons.Count:N0} from {polygonPath} (read in {clock.Elapsed.TotalSeconds:F2} s, not timed)");
        clock.Restart();
        var points = PointFile.Read(pointPath, args.Optional("id-column") ?? "id", args.Optional("x-column") ?? "lon", args.Optional("y-column") ?? "lat");
        log.WriteLine($"points: {points.Count:N0} from {pointPath} (read in {clock.Elapsed.TotalSeconds:F2} s, not timed)");

        PointIndex? index = null;
        var buildTimes = Measure(Math.Min(runs, 3), () => index = args.Has("grid-cells") ? new PointIndex(polygons, args.Int("grid-cells", 0)) : new PointIndex(polygons));
        var grid = index!.GridSize;
        log.WriteLine($"index build: {Describe(buildTimes)}; grid {grid.Columns:N0} x {grid.Rows:N0}, {grid.CrossedCells:N0} cells need a polygon test");

        var found = new int[points.Count];
        index.LocateAll(points.Xs, points.Ys, found);
        var joinTimes = Measure(runs, () => index.LocateAll(points.Xs, points.Ys, found));
        var matched = found.Count(f => f >= 0);
        log.WriteLine($"join (PointIndex.LocateAll, {Environment.ProcessorCount} cores): {Describe(joinTimes)}; {Rate(points.Count, joinTimes)} points/s at the median; matched {matched:N0} of {points.Count:N0}");

        // GeoPandas works on one core: the same join on one thread is the like-for-like figure.
        var single = new int[points.Count];
        var singleTimes = Measure(runs, () =>
        {
            for (var i = 0; i < single.Length; i++)
            {
                single[i] = index.Locate(points.Xs[i], points.Ys[i]);
            }
        });
        log.WriteLine($"join (PointIndex.Locate, 1 thread): {Describe(singleTimes)}; {Rate(points.Count, singleTimes)} points/s at the median");

        var failures = single.SequenceEqual(found) ? 0 : 1;
        if (args.Has("baseline"))
        {
            failures += Baseline(polygons, points, found, Math.Min(runs, 3), log);
        }

        if (args.Has("verify"))
        {
            failures += Verify(polygons, points, found, log);
        }

        if (args.Has("csv"))
        {
            CsvJoin(index, pointPath, args, Math.Min(runs, 5), log);
        }

        if (args.Optional("answers") is { } answers)
        {
            WriteAnswers(answers, points, found, index);
            log.WriteLine($"answers: {answers}");
        }

        return failures == 0 ? 0 : 1;
    }

    private static int Baseline(List<(string Code, Geometry Polygon)> polygons, PointFile points, int[] found, int runs, TextWriter log)
    {
        StrTreeLocator? plain = null;
        var buildTimes = Measure(1, () => plain = new StrTreeLocator(polygons));
        var plainFound = new int[points.Count];
        plain!.LocateAll(points.Xs, points.Ys, plainFound);
        var times = Measure(runs, () => plain.LocateAll(points.Xs, points.Ys, plainFound));
        var differ = found.Zip(plainFound).Count(p => p.First != p.Second);
        log.WriteLine($"baseline build (STRtree + IndexedPointInAreaLocator): {Describe(buildTimes)}");
        log.WriteLine($"baseline join (same, {Environment.ProcessorCount} cores): {Describe(times)}; {Rate(points.Count, times)} points/s at the median; answers differing from PointIndex: {differ}");
        return differ;
    }

    private static int Verify(List<(string Code, Geometry Polygon)> polygons, PointFile points, int[] found, TextWriter log)
    {
        var plain = new StrTreeLocator(polygons);
        var factory = new GeometryFactory();
        var clock = Stopwatch.StartNew();
        var wrong = new int[points.Count];
        Parallel.For(0, points.Count, i => wrong[i] = plain.LocateByCovers(points.Xs[i], points.Ys[i], factory) == found[i] ? 0 : 1);
        var mismatches = wrong.Sum();
        log.WriteLine($"verify: {mismatches} of {points.Count:N0} answers differ from the lowest polygon whose Covers holds ({clock.Elapsed.TotalSeconds:F1} s)");
        return mismatches;
    }

    private static void CsvJoin(PointIndex index, string pointPath, BenchArguments args, int runs, TextWriter log)
    {
        var output = Path.Combine(Path.GetTempPath(), $"geo-bench-join-{Environment.ProcessId}.csv");
        var columns = PointColumns.LonLat(args.Optional("x-column") ?? "lon", args.Optional("y-column") ?? "lat");
        PointJoinCounts? counts = null;
        try
        {
            var times = Measure(runs, () => counts = PointJoinCsv.Run(pointPath, output, index, columns));
            log.WriteLine($"csv join (PointJoinCsv.Run, file to file): {Describe(times)}; {Rate(counts!.Rows, times)} rows/s at the median; {counts}");
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static void WriteAnswers(string path, PointFile points, int[] found, PointIndex index)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("id,code");
        for (var i = 0; i < points.Count; i++)
        {
            writer.Write(points.Ids[i]);
            writer.Write(',');
            writer.WriteLine(found[i] >= 0 ? index.Code(found[i]) : "");
        }
    }

    private static double[] Measure(int runs, Action action)
    {
        var times = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[r] = clock.Elapsed.TotalSeconds;
        }

        return times;
    }

    internal static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Describe(double[] times) =>
        string.Create(CultureInfo.InvariantCulture, $"{times.Length} runs [{string.Join(" ", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}] s, median {Median(times):F3} s, best {times.Min():F3} s");

    private static string Rate(long count, double[] times) =>
        (count / Median(times)).ToString("N0", CultureInfo.InvariantCulture);
}
