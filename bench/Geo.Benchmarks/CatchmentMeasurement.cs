using Geo.Core.Catchments;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Data.Flows;
using Geo.Data.Indicators;
using Geo.Data.Manifest;
using Geo.Spatial.Coverage;
using NetTopologySuite.Geometries;

namespace Geo.Benchmarks;

/// <summary>
/// <c>catchments</c>: every provider's catchment from the dataset's flow table. Times reading and mapping the flow file
/// (with a manifest), building the proportional-flow (30%) and first-past-the-post memberships, dissolving every
/// non-empty catchment's boundary (in parallel, as geo export does), and an indicator row for every catchment.
/// </summary>
internal static class CatchmentMeasurement
{
    public static int Run(BenchArguments args)
    {
        var dataset = InequalityMeasurement.Load(args);
        var flows = dataset.Flows ?? throw new ArgumentException("the dataset has no flow table");
        var runs = args.Int("runs", 5);
        Console.WriteLine($"catchments: {flows.ProviderNames.Count:N0} {flows.Providers}, {flows.Flows.Count:N0} flows to {dataset.Geography.AtLevel(Level.Neighbourhood).Count:N0} neighbourhoods");

        var medians = new List<double>();
        if (args.Optional("dataset") is { } manifestPath)
        {
            var manifest = ManifestReader.Read(manifestPath);
            var spec = manifest.Flows!;
            string Resolve(string p) => ManifestReader.Resolve(manifestPath, args.Optional("data-root"), p);
            var context = new IndicatorReadContext
            {
                Manifest = manifestPath,
                Entry = "flows",
                Neighbourhoods = dataset.Geography.AtLevel(Level.Neighbourhood).Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase),
                Places = dataset.Geography.AtLevel(Level.Place).Select(a => a.DistrictCode ?? a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase),
                Population = dataset.Population.ToDictionary(p => p.Key, p => p.Value.Sum(), StringComparer.OrdinalIgnoreCase),
            };
            FlowSource? read = null;
            Timing.Measure("read and map the flow file", runs, () => read = FlowReader.Read(spec, Resolve(spec.Path), context,
                spec.Lsoa11Lookup is { } l ? Resolve(l.Path) : null));
            Console.WriteLine($"  {read!.Flows.Count:N0} flows");
        }

        var proportional = CatchmentOptions.Default;
        var fptp = new CatchmentOptions { Method = CatchmentMethod.FirstPastThePost };
        CatchmentSet p = null!, f = null!;
        medians.Add(Timing.Median(Timing.Measure("proportional-flow memberships (30%)", runs, () => p = CatchmentBuilder.Build(flows, proportional))));
        medians.Add(Timing.Median(Timing.Measure("first-past-the-post memberships", runs, () => f = CatchmentBuilder.Build(flows, fptp))));
        Console.WriteLine($"  proportional: {p.Catchments.Count(c => c.Members.Count > 0):N0} non-empty catchments, neighbourhoods by memberships "
            + $"[{string.Join(", ", p.NeighbourhoodsByMemberships)}]; fptp: {f.Catchments.Count(c => c.Members.Count > 0):N0} non-empty, {f.Ties} ties");

        foreach (var (name, set) in new[] { ("proportional", p), ("fptp", f) })
        {
            var chosen = set.Catchments.Where(c => c.Members.Count > 0).ToArray();
            var vertices = 0L;
            medians.Add(Timing.Median(Timing.Measure($"dissolve {chosen.Length:N0} {name} catchment boundaries", runs, () =>
            {
                var boundaries = new Geometry?[chosen.Length];
                Parallel.For(0, chosen.Length, i => boundaries[i] = BoundaryDissolver.DissolveParts(
                    [.. chosen[i].Members.Select(m => dataset.Boundaries.GetValueOrDefault(m.Neighbourhood)).OfType<Geometry>()]));
                vertices = boundaries.Sum(b => (long)(b?.NumPoints ?? 0));
            })));
            Console.WriteLine($"  {vertices:N0} vertices");
        }

        // The named indicator, or the first with counts by neighbourhood (so that the suppression rule is exercised).
        var engine = dataset.Indicator(args.Optional("indicator") ?? dataset.Indicators
            .First(i => CatchmentIndicator.Unsupported(i) is null && i.Definition.ValueType != IndicatorValueType.Score).Definition.Id);
        var period = engine.LatestPeriod;
        _ = engine.Publish(period);
        var all = f.Catchments.Where(c => c.Members.Count > 0).ToArray();
        var rows = new IndicatorRow[all.Length];
        medians.Add(Timing.Median(Timing.Measure($"{engine.Definition.Id} rows of {all.Length:N0} fptp catchments", runs,
            () => Parallel.For(0, all.Length, i => rows[i] = CatchmentIndicator.Publish(engine, period, all[i])))));
        Console.WriteLine($"  {rows.Count(r => r.Suppression == Core.Indicators.Suppression.SuppressionReason.None):N0} shown");
        Console.WriteLine($"total of the medians (both memberships, both boundary sets, rows): {medians.Sum():F0} ms");

        // Answers: fptp puts every neighbourhood with flow in exactly one catchment; proportional members reach the threshold.
        var fptpMembers = f.Catchments.Sum(c => c.Members.Count);
        var proportionalOk = p.Catchments.SelectMany(c => c.Members).All(m => m.Share >= proportional.Threshold - CatchmentOptions.ShareTolerance);
        return fptpMembers == f.NeighbourhoodsWithFlow && proportionalOk ? 0 : 1;
    }
}
