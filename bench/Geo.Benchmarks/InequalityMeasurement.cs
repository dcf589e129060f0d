using System.Diagnostics;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Inequality;
using Geo.Model;
using Geo.Demo;
using Geo.Data.Loading;

namespace Geo.Benchmarks;

/// <summary>
/// <c>inequality</c>: Getis-Ord Gi* (analytic z, Benjamini-Hochberg) over every neighbourhood of the dataset, and the
/// inequality profile (Core20, deciles, SII and RII with 10,000 simulated repetitions) of every system and place, on
/// one indicator. Loading the dataset, the engine's figures and the contiguity graph are built first and timed apart.
/// </summary>
internal static class InequalityMeasurement
{
    public static int Run(BenchArguments args)
    {
        var dataset = Load(args);
        var runs = args.Int("runs", 5);
        var engine = Engine(dataset, args.Optional("indicator"));
        var period = engine.LatestPeriod;
        var computed = engine.Compute(period);
        var view = engine.Publish(period);
        var neighbourhoods = dataset.Geography.AtLevel(Level.Neighbourhood).Count;
        Console.WriteLine($"inequality: {dataset.Name}: {neighbourhoods:N0} neighbourhoods, indicator {engine.Definition.Id} {period}");

        var clock = Stopwatch.StartNew();
        var contiguity = dataset.NeighbourhoodContiguity;
        Console.WriteLine($"queen contiguity of {contiguity.Codes.Count:N0} polygons, built once: {clock.Elapsed.TotalMilliseconds:F0} ms");

        // Gi* on the empirical Bayes smoothed ratios of every neighbourhood, as the hotspots endpoint computes them.
        var truth = computed.Where(r => r.Area.Level == Level.Neighbourhood && r is { Count: >= 0, Expected: > 0 })
            .ToDictionary(r => r.Area.Code, StringComparer.OrdinalIgnoreCase);
        var codes = contiguity.Codes.Where(truth.ContainsKey).ToArray();
        var smoothed = EmpiricalBayes.SmoothGlobal([.. codes.Select(c => truth[c].Count!.Value)], [.. codes.Select(c => truth[c].Expected!.Value)]).Rates;
        var graph = contiguity.Within(codes);
        IReadOnlyList<GiStarResult> gi = [];
        var giTimes = Timing.Measure($"Gi* + FDR over {codes.Length:N0} neighbourhoods", runs, () => gi = GetisOrd.GiStar(smoothed, graph));
        IReadOnlyList<IndicatorRow> hot = [];
        var findTimes = Timing.Measure("hotspots of the whole country by gistar (subgraph, smoothing, Gi*, FDR, order)", runs,
            () => hot = Hotspots.Find(view, computed, contiguity, dataset.Geography.Root.Code, HotspotOrder.GiStar, codes.Length));
        Console.WriteLine($"  {gi.Count(g => g.Class == HotspotClass.HotSpot):N0} hot spots, {gi.Count(g => g.Class == HotspotClass.ColdSpot):N0} cold spots; {hot.Count:N0} listed (shown ones)");

        // The profile of every system and place.
        var areas = dataset.Geography.AtLevel(Level.System).Concat(dataset.Geography.AtLevel(Level.Place)).ToArray();
        var withSlope = 0;
        var profiled = 0;
        var oneByOne = Timing.Measure($"inequality profiles (Core20, deciles, SII/RII, {InequalityProfile.Repetitions:N0} repetitions) of {areas.Length} systems and places, one by one", runs, () =>
        {
            withSlope = 0;
            profiled = 0;
            foreach (var area in areas)
            {
                var profile = InequalityProfile.Calculate(engine, period, area, dataset.Geography, dataset.Deprivation);
                withSlope += profile.Slope is null ? 0 : 1;
                profiled += profile.Deciles.Count > 0 ? 1 : 0;
            }
        });
        Console.WriteLine($"  {withSlope} of {areas.Length} areas have an SII; {Timing.Median(oneByOne) / areas.Length:F2} ms per area");
        var all = Timing.Measure($"the same {areas.Length} profiles in parallel (InequalityProfile.CalculateAll, {Environment.ProcessorCount} cores)", runs,
            () => InequalityProfile.CalculateAll(engine, period, areas, dataset.Geography, dataset.Deprivation));
        Console.WriteLine($"medians: Gi* {Timing.Median(giTimes):F1} ms, hotspots {Timing.Median(findTimes):F1} ms, "
            + $"profiles one by one {Timing.Median(oneByOne):F1} ms, in parallel {Timing.Median(all):F1} ms");
        // On the demo's single years no area has an SII: a decile is shown only when none of its neighbourhoods is hidden
        // (docs/methods.md), and most are; on England most areas have one. So the check is that every area was profiled.
        return gi.Count == codes.Length && profiled == areas.Length ? 0 : 1;
    }

    internal static Dataset Load(BenchArguments args)
    {
        var manifest = args.Optional("dataset");
        var clock = Stopwatch.StartNew();
        var dataset = manifest is null
            ? DatasetLoader.Build(DemoDataset.Generate().Source)
            : DatasetLoader.Load(manifest, args.Optional("data-root"));
        Console.WriteLine($"loaded {dataset.Name} in {clock.Elapsed.TotalSeconds:F1} s (not timed below)");
        return dataset;
    }

    /// <summary>The named indicator, or the first count-based one with neighbourhood data.</summary>
    private static IndicatorEngine Engine(Dataset dataset, string? id)
    {
        var source = id is null
            ? dataset.Indicators.First(i => InequalityProfile.Unsupported(i) is null)
            : dataset.Indicators.Single(i => i.Definition.Id == id);
        var engine = dataset.Indicator(source.Definition.Id);
        _ = engine.Publish(engine.LatestPeriod);
        return engine;
    }
}
