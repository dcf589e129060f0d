using System.Diagnostics;

namespace Geo.Benchmarks;

/// <summary>Runs a step a number of times after a warm-up and reports each run and the median. Not thread-safe.</summary>
internal static class Timing
{
    /// <summary>Runs <paramref name="step"/> once to warm up, then <paramref name="runs"/> times; returns the times in ms.</summary>
    public static List<double> Measure(string name, int runs, Action step)
    {
        var clock = Stopwatch.StartNew();
        step();
        var warm = clock.Elapsed.TotalMilliseconds;
        var times = Runs(runs, step, warmUp: false);
        Console.WriteLine($"{name}: median {Median(times):F1} ms (runs {string.Join(" ", times.Select(t => t.ToString("F1")))}; best {times.Min():F1}; first, cold {warm:F1})");
        return times;
    }

    /// <summary>Runs <paramref name="step"/> once to warm up (unless told not to), then <paramref name="runs"/> times,
    /// collecting garbage before each; returns the times in ms.</summary>
    public static List<double> Runs(int runs, Action step, bool warmUp = true)
    {
        if (warmUp)
        {
            step();
        }

        var clock = new Stopwatch();
        var times = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            clock.Restart();
            step();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
