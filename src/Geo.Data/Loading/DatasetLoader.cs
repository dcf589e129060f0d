using System.Diagnostics;
using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Reports;
using Geo.Core.Sources;
using Geo.Data.Flows;
using Geo.Data.Import;
using Geo.Data.Indicators;
using Geo.Data.Manifest;
using Geo.Spatial.Coverage;
using NetTopologySuite.Geometries;
using Geo.Model;

namespace Geo.Data.Loading;

/// <summary>
/// Turns a manifest's files, or an in-memory <see cref="DatasetSource"/> such as the demo, into a
/// <see cref="Dataset"/>: read and validate every file first, then repair polygons, check the
/// coverage, build the hierarchy from the lookup, match codes and dissolve the upper boundaries.
/// A bad file throws <see cref="GeoDataException"/> before anything is returned, so a caller that
/// swaps datasets keeps the previous one on failure.
/// </summary>
public static class DatasetLoader
{
    public static Dataset Load(string manifestPath, string? dataRoot = null, IProgress<string>? progress = null) =>
        Build(ReadSource(manifestPath, dataRoot, progress), progress);

    /// <summary>
    /// What a point join needs of the manifest's dataset and no more: the boundaries and the lookup (read side by side),
    /// the hierarchy built and invalid polygons repaired exactly as <see cref="Load"/> does, so the polygons, their order
    /// and so every answer are the same. Population, deprivation, indicators and flows are not read (only their paths
    /// checked, as every load does), and there is no coverage check or dissolve: <c>geo check</c> reports those.
    /// </summary>
    /// <exception cref="GeoDataException">The manifest, boundaries, lookup or ICP file is bad (file, line, field).</exception>
    public static NeighbourhoodPolygons LoadNeighbourhoods(string manifestPath, string? dataRoot = null, IProgress<string>? progress = null)
    {
        var manifest = ManifestReader.Read(manifestPath);
        ManifestReader.CheckPaths(manifestPath, dataRoot, manifest);
        string Resolve(string relative) => ManifestReader.Resolve(manifestPath, dataRoot, relative);

        var (boundaryFile, boundaries, lookup) = BesideBoundaries(manifest, Resolve, progress, () => ReadLookup(manifest, Resolve, progress));
        var source = Source(manifestPath, manifest, boundaryFile, boundaries, lookup, null);
        var report = new DatasetReport();
        progress?.Report("building the hierarchy from the lookup");
        var geography = HierarchyBuilder.Build(source, report);
        progress?.Report($"repairing invalid polygons among {boundaries.Count:N0}");
        var repaired = PolygonRepair.Repair(boundaries, boundaryFile, report);
        return NeighbourhoodPolygons.Of(geography, ByCode(InDataset(repaired, geography)));
    }

    /// <summary>Reads and validates every file the manifest names, without building anything.</summary>
    /// <remarks>
    /// The boundaries (polygons, the longest read but one) are read on a second thread while this one reads the lookup,
    /// ICPs, population, deprivation, indicators and flows. Both finish before anything is returned; when both fail, the
    /// boundaries' error is the one thrown, as when they were read first.
    /// </remarks>
    public static DatasetSource ReadSource(string manifestPath, string? dataRoot = null, IProgress<string>? progress = null)
    {
        var manifest = ManifestReader.Read(manifestPath);
        ManifestReader.CheckPaths(manifestPath, dataRoot, manifest);
        string Resolve(string relative) => ManifestReader.Resolve(manifestPath, dataRoot, relative);

        var (boundaryFile, boundaries, (lookup, tables)) = BesideBoundaries(manifest, Resolve, progress, () =>
        {
            var lookup = ReadLookup(manifest, Resolve, progress);
            return (lookup, ReadTables(manifestPath, manifest, lookup, Resolve, progress));
        });
        return Source(manifestPath, manifest, boundaryFile, boundaries, lookup, tables);
    }

    /// <summary>The source of what was read; without <paramref name="tables"/>, of the boundaries and lookup only.</summary>
    private static DatasetSource Source(string manifestPath, DatasetManifest manifest, string boundaryFile,
        IReadOnlyList<NeighbourhoodBoundary> boundaries, Lookup lookup, Tables? tables) => new()
        {
            Name = manifest.Name,
            Synthetic = manifest.Synthetic,
            BoundaryVintage = manifest.BoundaryVintage ?? Path.GetFileName(boundaryFile),
            CountryCode = manifest.CountryCode,
            CountryName = manifest.CountryName,
            Boundaries = boundaries,
            BoundaryFile = boundaryFile,
            Hierarchy = lookup.Hierarchy,
            HierarchyFile = lookup.HierarchyFile,
            Icps = lookup.Icps,
            IcpFile = lookup.IcpFile,
            AgeBands = tables?.Bands ?? [],
            Population = tables?.Population ?? [],
            PopulationFile = tables?.PopulationFile,
            Deprivation = tables?.Deprivation ?? [],
            DeprivationFile = tables?.DeprivationFile,
            Indicators = tables?.Indicators ?? [],
            Flows = tables?.Flows,
            Suppression = Suppression(manifestPath, manifest.Suppression),
        };

    /// <summary>Reads the boundaries on another thread while <paramref name="readHere"/> runs on this one; the
    /// boundaries' error, if any, comes before <paramref name="readHere"/>'s.</summary>
    private static (string File, IReadOnlyList<NeighbourhoodBoundary> Boundaries, T Others) BesideBoundaries<T>(
        DatasetManifest manifest, Func<string, string> resolve, IProgress<string>? progress, Func<T> readHere)
    {
        var boundaryFile = resolve(manifest.Neighbourhoods.Path);
        progress?.Report($"reading boundaries {boundaryFile}");
        var boundaries = Task.Run(() => BoundaryReader.Read(boundaryFile, manifest.Neighbourhoods));
        T rest;
        try
        {
            rest = readHere();
        }
        catch (Exception)
        {
            boundaries.GetAwaiter().GetResult();
            throw;
        }

        return (boundaryFile, boundaries.GetAwaiter().GetResult(), rest);
    }

    private static Lookup ReadLookup(DatasetManifest manifest, Func<string, string> resolve, IProgress<string>? progress)
    {
        var hierarchyFile = resolve(manifest.Hierarchy.Path);
        progress?.Report($"reading lookup {hierarchyFile}");
        var hierarchy = HierarchyReader.Read(hierarchyFile, manifest.Hierarchy);

        string? icpFile = null;
        IReadOnlyList<IcpRecord> icps = [];
        if (manifest.Icps is { } icpSpec)
        {
            icpFile = resolve(icpSpec.Path);
            progress?.Report($"reading ICPs {icpFile}");
            icps = IcpReader.Read(icpFile, icpSpec);
        }

        return new Lookup(hierarchy, hierarchyFile, icps, icpFile);
    }

    private static Tables ReadTables(string manifestPath, DatasetManifest manifest, Lookup lookup, Func<string, string> resolve, IProgress<string>? progress)
    {
        string? populationFile = null;
        IReadOnlyList<AgeBand> bands = [];
        IReadOnlyList<PopulationRecord> population = [];
        if (manifest.Population is { } populationSpec)
        {
            populationFile = resolve(populationSpec.Path);
            progress?.Report($"reading population {populationFile}");
            (bands, population) = PopulationReader.Read(populationFile, populationSpec);
        }

        string? deprivationFile = null;
        IReadOnlyList<DeprivationRecord> deprivation = [];
        if (manifest.Deprivation is { } deprivationSpec)
        {
            deprivationFile = resolve(deprivationSpec.Path);
            progress?.Report($"reading deprivation {deprivationFile}");
            deprivation = DeprivationReader.Read(deprivationFile, deprivationSpec);
        }

        var context = IndicatorReadContext.ForDataset(manifestPath, lookup.Hierarchy, bands, population);
        // One reading of each flow table serves both the indicators attributed through it and the catchments.
        var flowTables = new FlowTables(resolve);
        var indicators = IndicatorReader.ReadAll(manifest.Indicators, resolve, context, progress, manifest.Flows, flowTables);
        var flows = manifest.Flows is { } flowSpec ? flowTables.Read(flowSpec, context with { Entry = "flows" }, "flows", progress) : null;
        return new Tables(bands, population, populationFile, deprivation, deprivationFile, indicators, flows);
    }

    private sealed record Lookup(IReadOnlyList<HierarchyRecord> Hierarchy, string HierarchyFile, IReadOnlyList<IcpRecord> Icps, string? IcpFile);

    private sealed record Tables(IReadOnlyList<AgeBand> Bands, IReadOnlyList<PopulationRecord> Population, string? PopulationFile,
        IReadOnlyList<DeprivationRecord> Deprivation, string? DeprivationFile, IReadOnlyList<Core.Indicators.IndicatorSource> Indicators, FlowSource? Flows);

    /// <summary>The boundaries of the geography's neighbourhoods (boundaries outside the lookup are left out).</summary>
    private static List<NeighbourhoodBoundary> InDataset(IReadOnlyList<NeighbourhoodBoundary> repaired, Geography geography) =>
        repaired.Where(b => geography.Find(b.Code)?.Level == Level.Neighbourhood).ToList();

    private static Dictionary<string, Geometry> ByCode(List<NeighbourhoodBoundary> boundaries) =>
        boundaries.ToDictionary(b => b.Code, b => b.Boundary, StringComparer.OrdinalIgnoreCase);

    private static SuppressionPolicy Suppression(string manifestPath, SuppressionSpec? spec)
    {
        if (spec is null)
        {
            return SuppressionPolicy.Default;
        }

        if (spec.Minimum < 0 || spec.Maximum < spec.Minimum)
        {
            throw new GeoDataException(manifestPath, null, "suppression",
                $"suppresses counts from {spec.Minimum} to {spec.Maximum}; the minimum must be 0 or more and the maximum at least the minimum.");
        }

        return new SuppressionPolicy(spec.Minimum, spec.Maximum);
    }

    public static Dataset Build(DatasetSource source, IProgress<string>? progress = null)
    {
        var report = new DatasetReport();

        progress?.Report("building the hierarchy from the lookup");
        var geography = HierarchyBuilder.Build(source, report);

        progress?.Report($"repairing invalid polygons among {source.Boundaries.Count:N0}");
        var repaired = PolygonRepair.Repair(source.Boundaries, source.BoundaryFile, report);

        var inDataset = InDataset(repaired, geography);
        MatchBoundaries(source, geography, repaired, report);


        var population = MatchNeighbourhoodRows(geography, source.Population, r => r.Neighbourhood, r => r.Counts,
            source.PopulationFile, "population", report);
        var deprivation = MatchNeighbourhoodRows(geography, source.Deprivation, r => r.Neighbourhood, r => r,
            source.DeprivationFile, "deprivation", report);

        progress?.Report("dissolving place, ICP and system boundaries from the neighbourhoods");
        var neighbourhoods = ByCode(inDataset);
        var boundaries = new Dictionary<string, Geometry>(BoundaryDissolver.Dissolve(geography, neighbourhoods), StringComparer.OrdinalIgnoreCase);

        // The country boundary is the union of every neighbourhood: the gap search reuses it.
        progress?.Report("checking the coverage for gaps and overlaps");
        CoverageCheck.Check(inDataset, report, union: boundaries.GetValueOrDefault(geography.Root.Code));
        foreach (var (code, geometry) in neighbourhoods)
        {
            boundaries[code] = geometry;
        }

        return new Dataset
        {
            Name = source.Name,
            Synthetic = source.Synthetic,
            BoundaryVintage = source.BoundaryVintage,
            Geography = geography,
            Boundaries = boundaries,
            AgeBands = source.AgeBands,
            Population = population,
            Deprivation = deprivation,
            Report = report,
            Indicators = source.Indicators,
            Flows = source.Flows,
            Suppression = source.Suppression,
        };
    }

    private static void MatchBoundaries(DatasetSource source, Geography geography,
        IReadOnlyList<NeighbourhoodBoundary> boundaries, DatasetReport report)
    {
        var drawn = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var b in boundaries)
        {
            drawn.Add(b.Code);
            if (geography.Find(b.Code)?.Level != Level.Neighbourhood)
            {
                report.UnmatchedCodes.Add(new UnmatchedCode(b.Code, source.BoundaryFile, $"feature {b.Feature} is not in the lookup, so it belongs to no place"));
            }
        }

        foreach (var n in geography.AtLevel(Level.Neighbourhood).Where(n => !drawn.Contains(n.Code)))
        {
            report.UnmatchedCodes.Add(new UnmatchedCode(n.Code, source.HierarchyFile, "neighbourhood has no polygon in the boundary file"));
        }
    }

    /// <summary>
    /// Keeps the rows of neighbourhoods in the geography. A neighbourhood without a row is an unmatched
    /// code; rows for neighbourhoods outside the dataset are normal (national files cover England and
    /// Wales) and are only counted.
    /// </summary>
    private static Dictionary<string, TValue> MatchNeighbourhoodRows<TRow, TValue>(
        Geography geography, IReadOnlyList<TRow> rows, Func<TRow, string> code, Func<TRow, TValue> value,
        string? file, string what, DatasetReport report)
    {
        var result = new Dictionary<string, TValue>(StringComparer.OrdinalIgnoreCase);
        if (file is null)
        {
            return result;
        }

        var outside = 0;
        foreach (var row in rows)
        {
            var c = code(row);
            if (geography.Find(c)?.Level == Level.Neighbourhood)
            {
                result[c] = value(row);
            }
            else
            {
                outside++;
            }
        }

        if (outside > 0)
        {
            report.Notes.Add($"{outside:N0} {what} rows are for neighbourhoods outside this dataset and were skipped ({file}).");
        }

        foreach (var n in geography.AtLevel(Level.Neighbourhood).Where(n => !result.ContainsKey(n.Code)))
        {
            report.UnmatchedCodes.Add(new UnmatchedCode(n.Code, file, $"neighbourhood has no {what} row"));
        }

        return result;
    }

    /// <summary>Time and peak memory of a load, for <c>geo check</c> and the benchmarks.</summary>
    public static (Dataset Dataset, TimeSpan Elapsed, long PeakWorkingSet) Measure(Func<Dataset> load)
    {
        var clock = Stopwatch.StartNew();
        var dataset = load();
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        return (dataset, clock.Elapsed, process.PeakWorkingSet64);
    }
}
