using System.Diagnostics;
using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Core.Statistics;
using Geo.Model;
using Geo.Demo;
using Geo.Data.Loading;

namespace Geo.Benchmarks;

/// <summary>
/// <c>aggregate</c>: a synthetic 10-period, 19-band (ESP2013) admissions indicator on a dataset's
/// neighbourhoods, aggregated to every level with limits, comparisons, excess, funnel limits and
/// suppression (<see cref="IndicatorEngine.Publish"/>), timed per indicator-period on fresh engines.
/// </summary>
internal static class AggregationMeasurement
{
    private static readonly double[] RatePer100k =
        [2, 1, 1, 2, 3, 5, 8, 15, 30, 60, 110, 190, 300, 450, 650, 900, 1200, 1500, 1800];

    public static int Run(BenchArguments args)
    {
        var manifest = args.Optional("dataset");
        var dataset = manifest is null
            ? DatasetLoader.Build(DemoDataset.Generate().Source)
            : DatasetLoader.Load(manifest, args.Optional("data-root"));
        var periods = args.Int("periods", 10);
        var runs = args.Int("runs", 5);
        var source = Synthetic(dataset, periods);
        Console.WriteLine($"aggregate: {dataset.Name}: {dataset.Geography.Count:N0} areas, {source.Records.Count:N0} records " +
                          $"({periods} periods x {AgeBand.Esp2013.Count} bands)");

        var perPeriod = new List<double>();
        var construction = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var engine = new IndicatorEngine(dataset.Geography, source, dataset.AgeBands, dataset.Population, dataset.Suppression);
            var built = clock.Elapsed.TotalMilliseconds;

            // The previous run's engine (hundreds of MB of arrays) is garbage now: collect it here, so
            // the periods are timed in the steady state of one engine rather than paying for the last.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var times = new List<double>();
            var hidden = 0;
            foreach (var period in source.Periods)
            {
                clock.Restart();
                var view = engine.Publish(period);
                times.Add(clock.Elapsed.TotalMilliseconds);
                hidden += view.Rows.Count(r => r.Suppression != Core.Indicators.Suppression.SuppressionReason.None);
            }

            if (run == 0)
            {
                Console.WriteLine($"warm-up: engine {built:F0} ms (indexes every period's records), " +
                                  $"periods {string.Join(" ", times.Select(t => t.ToString("F0")))} ms; {hidden:N0} cells suppressed");
                continue;
            }

            construction.Add(built);
            perPeriod.AddRange(times);
            Console.WriteLine($"run {run}: engine {built:F1} ms, per period median {Median(times):F1} ms (min {times.Min():F1}, max {times.Max():F1})");
        }

        Console.WriteLine($"median per indicator-period: {Median(perPeriod):F1} ms over {perPeriod.Count} period computations; " +
                          $"engine construction median {Median(construction):F1} ms");
        return 0;
    }

    /// <summary>Poisson counts from age-specific rates rising with deprivation decile, seeded.</summary>
    private static IndicatorSource Synthetic(Dataset dataset, int periods)
    {
        var random = new Random(2021);
        var records = new List<IndicatorRecord>(dataset.Population.Count * periods * AgeBand.Esp2013.Count);
        var names = Enumerable.Range(0, periods).Select(p => $"{2014 + p}/{(15 + p) % 100:00}").ToArray();
        var topSplit = dataset.AgeBands.Count > 0 && dataset.AgeBands[^1].From == 85;
        foreach (var (code, people) in dataset.Population)
        {
            var decile = dataset.Deprivation.TryGetValue(code, out var d) ? d.Decile : 5;
            var gradient = 2.5 - (0.2 * decile);
            for (var b = 0; b < AgeBand.Esp2013.Count; b++)
            {
                // Census to 85+: give 85-89 60% and 90+ 40% of the top band's people.
                var population = topSplit && b >= 17 ? people[^1] * (b == 17 ? 0.6 : 0.4) : people[Math.Min(b, people.Length - 1)];
                var mean = population * RatePer100k[b] / 100_000 * gradient;
                foreach (var period in names)
                {
                    records.Add(new IndicatorRecord(code, period, b, Poisson(random, mean), null, 0));
                }
            }
        }

        return new IndicatorSource
        {
            Definition = new IndicatorDefinition("synthetic-admissions", "Synthetic admissions", IndicatorValueType.DirectlyStandardisedRate,
                100_000, Polarity.HigherIsWorse, "per 100,000", "benchmark"),
            Periods = names,
            Bands = AgeBand.Esp2013,
            Records = records,
            File = "synthetic",
        };
    }

    private static int Poisson(Random random, double mean)
    {
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal(random))));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
