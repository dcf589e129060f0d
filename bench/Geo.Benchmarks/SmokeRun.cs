namespace Geo.Benchmarks;

/// <summary>
/// The <c>--smoke</c> mode, for CI: every measurement once, on tiny generated data, checking that the answers agree
/// with the plain methods. Exit code 0 when all ran and agreed. Timings it prints mean nothing.
/// </summary>
internal static class SmokeRun
{
    public static int Run()
    {
        var folder = Directory.CreateTempSubdirectory("geo-bench-smoke-").FullName;
        try
        {
            var polygons = Path.Combine(folder, "cells.geojson");
            var points = Path.Combine(folder, "points.csv");
            var answers = Path.Combine(folder, "answers.csv");
            SyntheticData.WriteGeoJson(polygons, SyntheticData.Cells(60, seed: 1), "code");
            SyntheticData.Points(2_000, seed: 2).Write(points);

            Step("join", () => JoinMeasurement.Run(BenchArguments.Of(
                ("polygons", polygons), ("code-field", "code"), ("points", points), ("runs", "1"),
                ("baseline", null), ("verify", null), ("csv", null), ("answers", answers))));
            Step("compare", () => AnswerComparison.Run(BenchArguments.Of(("ours", answers), ("theirs", answers))));
            Step("micro", () =>
            {
                var benchmarks = new PointIndexBenchmarks { Cells = 60, Points = 2_000 };
                benchmarks.Setup();
                benchmarks.Build();
                var matched = benchmarks.LocateOneByOne();
                var fast = (int[])benchmarks.LocateAll().Clone();
                var plain = benchmarks.StrTreeLocateAll();
                Console.WriteLine($"micro: {matched} of 2,000 points matched");
                return fast.SequenceEqual(plain) && matched == fast.Count(f => f >= 0) ? 0 : 1;
            });
            Step("aggregate", () => AggregationMeasurement.Run(BenchArguments.Of(("periods", "2"), ("runs", "1"))));
            Step("inequality", () => InequalityMeasurement.Run(BenchArguments.Of(("runs", "1"))));
            Step("catchments", () => CatchmentMeasurement.Run(BenchArguments.Of(("runs", "1"))));
            Step("tilesizes", () => TileSizeMeasurement.Run(BenchArguments.Of(("exhaustive", "9"), ("keep", "2"), ("runs", "1"))));
            Step("segment", () => SegmentMeasurement.Run(BenchArguments.Of(("areas", "600"), ("runs", "1"))));
            Step("snapshot", () => SnapshotMeasurement.Run(BenchArguments.Of(("runs", "1"))));
            Step("encoders", () => EncoderComparison.Run(BenchArguments.Of(("zooms", "8,10"), ("runs", "1"))));
            Console.WriteLine("smoke: ok");
            return 0;
        }
        catch (SmokeFailure e)
        {
            Console.Error.WriteLine($"smoke: {e.Message}");
            return 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Step(string name, Func<int> step)
    {
        Console.WriteLine($"--- {name}");
        if (step() != 0)
        {
            throw new SmokeFailure($"{name} failed");
        }
    }

    private sealed class SmokeFailure(string message) : Exception(message);
}
