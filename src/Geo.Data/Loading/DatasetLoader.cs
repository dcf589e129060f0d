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

    /// <summary>Reads and validates every file the manifest names, without building anything.</summary>
    public static DatasetSource ReadSource(string manifestPath, string? dataRoot = null, IProgress<string>? progress = null)
    {
        var manifest = ManifestReader.Read(manifestPath);
        ManifestReader.CheckPaths(manifestPath, dataRoot, manifest);
        string Resolve(string relative) => ManifestReader.Resolve(manifestPath, dataRoot, relative);

        var boundaryFile = Resolve(manifest.Neighbourhoods.Path);
        progress?.Report($"reading boundaries {boundaryFile}");
        var boundaries = BoundaryReader.Read(boundaryFile, manifest.Neighbourhoods);

        var hierarchyFile = Resolve(manifest.Hierarchy.Path);
        progress?.Report($"reading lookup {hierarchyFile}");
        var hierarchy = HierarchyReader.Read(hierarchyFile, manifest.Hierarchy);

        string? icpFile = null;
        IReadOnlyList<IcpRecord> icps = [];
        if (manifest.Icps is { } icpSpec)
        {
            icpFile = Resolve(icpSpec.Path);
            progress?.Report($"reading ICPs {icpFile}");
            icps = IcpReader.Read(icpFile, icpSpec);
        }

        string? populationFile = null;
        IReadOnlyList<AgeBand> bands = [];
        IReadOnlyList<PopulationRecord> population = [];
        if (manifest.Population is { } populationSpec)
        {
            populationFile = Resolve(populationSpec.Path);
            progress?.Report($"reading population {populationFile}");
            (bands, population) = PopulationReader.Read(populationFile, populationSpec);
        }

        string? deprivationFile = null;
        IReadOnlyList<DeprivationRecord> deprivation = [];
        if (manifest.Deprivation is { } deprivationSpec)
        {
            deprivationFile = Resolve(deprivationSpec.Path);
            progress?.Report($"reading deprivation {deprivationFile}");
            deprivation = DeprivationReader.Read(deprivationFile, deprivationSpec);
        }

        var context = IndicatorReadContext.ForDataset(manifestPath, hierarchy, bands, population);
        // One reading of each flow table serves both the indicators attributed through it and the catchments.
        var flowTables = new FlowTables(Resolve);
        var indicators = IndicatorReader.ReadAll(manifest.Indicators, Resolve, context, progress, manifest.Flows, flowTables);
        var flows = manifest.Flows is { } flowSpec ? flowTables.Read(flowSpec, context with { Entry = "flows" }, "flows", progress) : null;

        return new DatasetSource
        {
            Name = manifest.Name,
            Synthetic = manifest.Synthetic,
            BoundaryVintage = manifest.BoundaryVintage ?? Path.GetFileName(boundaryFile),
            CountryCode = manifest.CountryCode,
            CountryName = manifest.CountryName,
            Boundaries = boundaries,
            BoundaryFile = boundaryFile,
            Hierarchy = hierarchy,
            HierarchyFile = hierarchyFile,
            Icps = icps,
            IcpFile = icpFile,
            AgeBands = bands,
            Population = population,
            PopulationFile = populationFile,
            Deprivation = deprivation,
            DeprivationFile = deprivationFile,
            Indicators = indicators,
            Flows = flows,
            Suppression = Suppression(manifestPath, manifest.Suppression),
        };
    }

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

        var inDataset = repaired.Where(b => geography.Find(b.Code)?.Level == Level.Neighbourhood).ToList();
        MatchBoundaries(source, geography, repaired, report);


        var population = MatchNeighbourhoodRows(geography, source.Population, r => r.Neighbourhood, r => r.Counts,
            source.PopulationFile, "population", report);
        var deprivation = MatchNeighbourhoodRows(geography, source.Deprivation, r => r.Neighbourhood, r => r,
            source.DeprivationFile, "deprivation", report);

        progress?.Report("dissolving place, ICP and system boundaries from the neighbourhoods");
        var neighbourhoods = inDataset.ToDictionary(b => b.Code, b => b.Boundary, StringComparer.OrdinalIgnoreCase);
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
