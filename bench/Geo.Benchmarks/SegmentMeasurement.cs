using System.Diagnostics;
using System.Globalization;
using Geo.Core.Segmentation;
using Geo.Query;

namespace Geo.Benchmarks;

/// <summary>
/// <c>segment</c>: the neighbourhoods of the whole dataset clustered on several indicators, end to end as the API answers
/// it (published rows gathered, z-scores, k-means, silhouette), with k given and with k chosen by silhouette from 2 to 8;
/// then the clustering alone on the same values. Without a dataset, on generated data: five noisy groups of points in
/// five dimensions. <c>--values F.csv</c> writes the values clustered and our clusters for the scikit-learn peer
/// (bench/peers/sklearn_kmeans.py). Each step is also timed in processor time: the clustering runs on one thread, so on a
/// shared, busy machine its processor time is what it would take on an idle one.
/// </summary>
internal static class SegmentMeasurement
{
    public static int Run(BenchArguments args)
    {
        var runs = args.Int("runs", 5);
        var k = args.Int("k", 5);
        var seed = args.Int("seed", 1);
        double[][] columns;
        string[] names;
        if (args.Has("dataset"))
        {
            var dataset = InequalityMeasurement.Load(args);
            var queries = new DatasetQueries(dataset);
            var indicators = args.Required("indicators");
            var root = dataset.Geography.Root.Code;
            SegmentAnswer answer = null!;
            var given = Measure($"segments of every neighbourhood of {root} on {indicators}, k = {k} (query end to end)", runs,
                () => answer = queries.Segments(indicators, k.ToString(CultureInfo.InvariantCulture), seed, root));
            Console.WriteLine($"  {answer.Members.Count:N0} of {answer.Neighbourhoods:N0} clustered ({answer.Suppressed} suppressed, {answer.NoValue} without a value); "
                + $"inertia {answer.Result.Inertia:F1}, silhouette {answer.Result.Silhouette:F4} over {answer.Result.SilhouetteScored}");
            var auto = Measure("the same with k chosen by silhouette (2 to 8)", runs, () => answer = queries.Segments(indicators, null, seed, root));
            Console.WriteLine($"  k = {answer.Result.K}; silhouettes {string.Join(", ", answer.Result.Candidates.Select(c => $"{c.K}: {c.Mean:F4}"))}");
            names = [.. answer.Indicators.Select(i => i.Definition.Id)];
            columns = [.. Enumerable.Range(0, names.Length).Select(j => answer.Members.Select(m => m.Values[j]).ToArray())];
            Console.WriteLine($"medians: query k = {k} {Timing.Median(given):F1} ms, query auto {Timing.Median(auto):F1} ms");
        }
        else
        {
            (columns, names) = Generated(args.Int("areas", 33_755), seed);
            Console.WriteLine($"segment: generated {columns[0].Length:N0} areas in 5 groups on {names.Length} indicators");
        }

        SegmentationResult result = null!;
        var core = Measure($"AreaSegmentation.Segment of {columns[0].Length:N0} areas, k = {k}", runs,
            () => result = AreaSegmentation.Segment(columns, names, k, seed));
        var coreAuto = Measure("AreaSegmentation.Segment, k chosen by silhouette", runs,
            () => AreaSegmentation.Segment(columns, names, null, seed));
        Console.WriteLine($"medians: core k = {k} {Timing.Median(core):F1} ms, core auto {Timing.Median(coreAuto):F1} ms; inertia {result.Inertia:F3}");
        if (args.Optional("values") is { } path)
        {
            using var writer = new StreamWriter(path);
            writer.WriteLine(string.Join(',', names.Append("cluster")));
            for (var i = 0; i < columns[0].Length; i++)
            {
                writer.WriteLine(string.Join(',', columns.Select(c => c[i].ToString("R", CultureInfo.InvariantCulture)).Append(result.Clusters[i].ToString(CultureInfo.InvariantCulture))));
            }

            Console.WriteLine($"wrote {path}: the values and our clusters for k = {k}");
        }

        return result.Reason is null && result.Clusters.Length == columns[0].Length ? 0 : 1;
    }

    /// <summary>Wall-clock times as <see cref="Timing.Measure"/>, then the median processor time of as many more runs.</summary>
    private static List<double> Measure(string name, int runs, Action step)
    {
        var times = Timing.Measure(name, runs, step);
        var process = Process.GetCurrentProcess();
        var cpu = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            step();
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
        }

        Console.WriteLine($"  processor time: median {Timing.Median(cpu):F1} ms (runs {string.Join(" ", cpu.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))})");
        return times;
    }

    /// <summary>Five groups around the corners of a simplex in five dimensions, with unit noise.</summary>
    private static (double[][] Columns, string[] Names) Generated(int n, int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 5).Select(_ => new double[n]).ToArray();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                columns[j][i] = (i % 5 == j ? 4 : 0) + random.NextDouble() + random.NextDouble() - 1;
            }
        }

        return (columns, ["a", "b", "c", "d", "e"]);
    }
}
