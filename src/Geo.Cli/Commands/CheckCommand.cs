using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Core.Geography;
using Geo.Model;
using Geo.Data.Indicators;
using Geo.Data.Loading;

namespace Geo.Cli.Commands;

/// <summary><c>geo check</c>: load a dataset and report what was found, for people or (--json) programs.</summary>
internal static class CheckCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var snapshot = CommonOptions.Snapshot();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a report." };
        var command = new Command("check", "Load a dataset and report levels, repairs, coverage problems, unmatched codes, time and memory.")
        {
            dataset, dataRoot, snapshot, json,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var asJson = result.GetValue(json);
            var (loaded, elapsed, peak) = DatasetLoader.Measure(() =>
                CommonOptions.Load(result.GetValue(dataset), result.GetValue(dataRoot), result.GetValue(snapshot), ConsoleProgress.OnStandardError()));
            var summary = Summarise(loaded, elapsed, peak);
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(summary, Json));
            }
            else
            {
                Print(summary, Console.Out);
            }

            return 0;
        }));
        return command;
    }

    private static CheckSummary Summarise(Dataset dataset, TimeSpan elapsed, long peakBytes)
    {
        var g = dataset.Geography;
        var partial = g.AtLevel(Level.Place).Where(p => p.IsPartial).Select(p => p.Code).ToArray();
        var levels = new Dictionary<string, LevelSummary>
        {
            ["system"] = new(g.AtLevel(Level.System).Count),
            ["icp"] = new(g.AtLevel(Level.Icp).Count),
            ["place"] = new(g.AtLevel(Level.Place).Count, partial.Length, partial),
            ["neighbourhood"] = new(g.AtLevel(Level.Neighbourhood).Count),
        };
        var report = dataset.Report;
        return new CheckSummary(dataset.Name, dataset.Synthetic, dataset.BoundaryVintage, levels,
            report.UnmatchedCodes.Select(u => new UnmatchedSummary(u.Code, u.File, u.Problem)).ToArray(),
            report.Repairs.Select(r => new RepairSummary(r.Code, r.File, r.Feature, r.Problem, Math.Round(r.AreaChange, 1))).ToArray(),
            report.CoverageProblems.Select(c => new CoverageSummary(c.Kind, c.Codes, Math.Round(c.Area, 1), Math.Round(c.Easting), Math.Round(c.Northing))).ToArray(),
            report.Notes,
            dataset.Indicators.Select(i => new IndicatorSummary(i.Definition.Id, i.Definition.Name, IndicatorTerms.Name(i.Definition.ValueType),
                LevelNames.ToName(i.DataLevel), i.Periods, i.Records.Count, i.ImportNotes)).ToArray(),
            Math.Round(elapsed.TotalSeconds, 2),
            Math.Round(peakBytes / 1048576.0, 1),
            dataset.Flows is { } f
                ? new FlowSummary(f.Providers, f.Counts, f.File, f.ProviderNames.Count, f.Flows.Count, f.ImportNotes)
                : null);
    }

    private static void Print(CheckSummary s, TextWriter o)
    {
        o.WriteLine($"{s.Dataset}{(s.Synthetic ? "  [SYNTHETIC DATA]" : "")}");
        o.WriteLine($"boundaries: {s.BoundaryVintage}");
        o.WriteLine();
        foreach (var (level, summary) in s.Levels)
        {
            var partial = summary.Partial is { } p ? $"  ({p} partial: {string.Join(", ", summary.PartialCodes!)})" : "";
            o.WriteLine($"{level,-14}{summary.Count,8:N0}{partial}");
        }

        o.WriteLine();
        Section(o, "repairs", s.Repairs, r => $"{r.Code} (feature {r.Feature}): {r.Problem}; area change {r.AreaChange:N1} m²");
        Section(o, "coverage problems", s.Coverage, c => $"{c.Kind} of {c.Area:N1} m² near E {c.Easting:F0} N {c.Northing:F0} between {string.Join(", ", c.Codes)}");
        Section(o, "unmatched codes", s.UnmatchedCodes, u => $"{u.Code} in {u.File}: {u.Problem}");
        foreach (var note in s.Notes)
        {
            o.WriteLine($"note: {note}");
        }

        o.WriteLine($"indicators: {s.Indicators.Count}");
        foreach (var i in s.Indicators)
        {
            o.WriteLine($"  {i.Id} ({i.ValueType}, data by {i.DataLevel}): {i.Name}; periods {string.Join(", ", i.Periods)}; {i.Records:N0} records");
            foreach (var note in i.ImportNotes)
            {
                o.WriteLine($"    {note}");
            }
        }

        if (s.Flows is { } flows)
        {
            o.WriteLine($"flows: {flows.Flows:N0} from {flows.ProviderCount:N0} {flows.Providers} ({flows.Counts}), {flows.File}");
            foreach (var note in flows.ImportNotes)
            {
                o.WriteLine($"    {note}");
            }
        }

        o.WriteLine($"loaded in {s.ElapsedSeconds:F2} s, peak memory {s.PeakMemoryMb:N0} MB");
    }

    private static void Section<T>(TextWriter o, string title, IReadOnlyList<T> items, Func<T, string> line)
    {
        const int Shown = 20;
        o.WriteLine($"{title}: {items.Count:N0}");
        foreach (var item in items.Take(Shown))
        {
            o.WriteLine("  " + line(item));
        }

        if (items.Count > Shown)
        {
            o.WriteLine($"  … and {items.Count - Shown:N0} more (use --json for all)");
        }
    }

    private sealed record CheckSummary(
        string Dataset,
        bool Synthetic,
        string BoundaryVintage,
        IReadOnlyDictionary<string, LevelSummary> Levels,
        IReadOnlyList<UnmatchedSummary> UnmatchedCodes,
        IReadOnlyList<RepairSummary> Repairs,
        IReadOnlyList<CoverageSummary> Coverage,
        IReadOnlyList<string> Notes,
        IReadOnlyList<IndicatorSummary> Indicators,
        double ElapsedSeconds,
        double PeakMemoryMb,
        FlowSummary? Flows);

    private sealed record FlowSummary(string Providers, string Counts, string File, int ProviderCount, int Flows,
        IReadOnlyList<string> ImportNotes);

    private sealed record IndicatorSummary(string Id, string Name, string ValueType, string DataLevel,
        IReadOnlyList<string> Periods, int Records, IReadOnlyList<string> ImportNotes);

    private sealed record LevelSummary(int Count, int? Partial = null, IReadOnlyList<string>? PartialCodes = null);

    private sealed record UnmatchedSummary(string Code, string File, string Problem);

    private sealed record RepairSummary(string Code, string File, long Feature, string Problem, double AreaChange);

    private sealed record CoverageSummary(string Kind, IReadOnlyList<string> Codes, double Area, double Easting, double Northing);
}
