using System.Diagnostics;
using Geo.Core.Geography;
using Geo.Data.Snapshots;
using Geo.Spatial.Join;

namespace Geo.Benchmarks;

/// <summary>
/// <c>snapshot</c>: a dataset saved prepared (<see cref="DatasetSnapshot"/>) against loading it from its files. Times the
/// load from the files once, writing the snapshot once, then reading the whole dataset back and reading only the WGS84
/// point index (what <c>geo join --snapshot</c> reads), each <c>--runs</c> times in this process (so warm: a new process
/// also pays for start-up and JIT; bench/serve-start-england.sh and bench/join-england.sh time that). Checks that the
/// dataset read back publishes every indicator's latest period with the same values as the one loaded from the files.
/// </summary>
internal static class SnapshotMeasurement
{
    public static int Run(BenchArguments args)
    {
        var runs = args.Int("runs", 5);
        var manifest = args.Optional("dataset");
        var clock = Stopwatch.StartNew();
        var loaded = args.Dataset();
        Console.WriteLine($"snapshot: {loaded.Name}, {loaded.Geography.Count:N0} areas; loaded from the files in {clock.Elapsed.TotalSeconds:F2} s (once, cold)");

        var path = Path.Combine(Path.GetTempPath(), $"geo-bench-{Environment.ProcessId}.snapshot");
        try
        {
            clock.Restart();
            var origin = manifest is null ? SnapshotOrigin.Generated("the demo") : SnapshotOrigin.FromManifest(manifest, args.Optional("data-root"));
            var bytes = DatasetSnapshot.Write(loaded, origin, path);
            Console.WriteLine($"  wrote {bytes / 1048576.0:N1} MB in {clock.Elapsed.TotalSeconds:F2} s (once, both point indexes built)");

            Geo.Model.Dataset read = null!;
            Timing.Measure("read the whole dataset", runs, () => read = DatasetSnapshot.Read(path));
            PointIndex index = null!;
            Timing.Measure("read the WGS84 point index", runs, () => index = DatasetSnapshot.ReadPointIndex(path, PointCoordinateSystem.Wgs84LonLat));

            var differ = 0;
            foreach (var indicator in loaded.Indicators)
            {
                var id = indicator.Definition.Id;
                var (a, b) = (loaded.Indicator(id, indicator.PublicationPool), read.Indicator(id, indicator.PublicationPool));
                var (x, y) = (a.Publish(a.LatestPeriod).Rows, b.Publish(b.LatestPeriod).Rows);
                differ += x.Count == y.Count ? x.Zip(y).Count(p => p.First.Area.Code != p.Second.Area.Code || !Equals(p.First.Value, p.Second.Value)) : 1;
            }

            var neighbourhoods = loaded.Geography.AtLevel(Level.Neighbourhood).Count;
            Console.WriteLine($"  {loaded.Indicators.Count} indicators published alike from both ({differ} rows differ); index of {index.Count:N0} of {neighbourhoods:N0} neighbourhoods");
            return differ == 0 && index.Count == loaded.Neighbourhoods.Polygons.Count ? 0 : 1;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
