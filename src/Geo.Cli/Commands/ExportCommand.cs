using System.CommandLine;
using Geo.Core.Catchments;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Model;
using NetTopologySuite.Geometries;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo export</c>: one row per area of a level, with every figure the engine publishes; or, with
/// <c>--catchments</c>, one row per provider's catchment, summed from its neighbourhoods.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var connection = CommonOptions.Connection();
        var indicator = IndicatorOptions.Indicator();
        var level = new Option<string?>("--level") { Description = "system, icp, place or neighbourhood (or country). Give this or --catchments." };
        var catchments = new Option<string?>("--catchments")
        {
            Description = "Export catchments instead of a level: proportional (every provider used by at least --threshold of a "
                + "neighbourhood's residents; members weighted by that share) or fptp (first past the post). Needs the dataset's flow table.",
        };
        catchments.AcceptOnlyFromAmong("proportional", "fptp");
        var threshold = new Option<double>("--threshold")
        {
            Description = "For --catchments proportional: the least share of a neighbourhood's flow that makes it a member (0 < t <= 1).",
            DefaultValueFactory = _ => CatchmentOptions.DefaultThreshold,
        };
        var period = IndicatorOptions.Period();
        var within = new Option<string?>("--within") { Description = "Only areas inside this area code (catchments: those with a neighbourhood inside it)." };
        var format = IndicatorOptions.Format();
        var output = IndicatorOptions.Output();
        var command = new Command("export", "Export an indicator for every area of a level, or every catchment, with intervals, comparisons and excess; suppression applied.")
        {
            dataset, dataRoot, connection, indicator, level, catchments, threshold, period, within, format, output,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var levelName = result.GetValue(level);
            var method = result.GetValue(catchments);
            if ((levelName is null) == (method is null))
            {
                throw new ArgumentException("Give either --level (system, icp, place, neighbourhood) or --catchments (proportional, fptp).");
            }

            Level parsedLevel = default;
            if (levelName is not null && !LevelNames.TryParse(levelName, out parsedLevel))
            {
                throw new ArgumentException($"--level must be system, icp, place or neighbourhood, not '{levelName}'.");
            }

            var options = new CatchmentOptions
            {
                Method = method == "fptp" ? CatchmentMethod.FirstPastThePost : CatchmentMethod.ProportionalFlow,
                Threshold = result.GetValue(threshold),
            };
            if (method is not null && options.Problem() is { } problem)
            {
                throw new ArgumentException("--threshold: " + problem);
            }

            var progress = new ConsoleProgress(Console.Error);
            var loaded = CommonOptions.Load(result.GetValue(dataset), result.GetValue(dataRoot), result.GetValue(connection), progress);
            var (engine, view) = IndicatorOptions.Publish(loaded, result.GetRequiredValue(indicator), result.GetValue(period));
            var container = result.GetValue(within);
            if (container is not null)
            {
                _ = loaded.Geography.Find(container) ?? throw new ArgumentException($"--within: no area has the code '{container}'.");
            }

            var geojson = result.GetRequiredValue(format) == "geojson";
            IReadOnlyList<IndicatorRow> rows;
            string selection;
            IReadOnlyDictionary<string, Geometry>? boundaries = null;
            if (method is null)
            {
                rows = view.AtLevel(parsedLevel, container).ToArray();
                selection = $"every {parsedLevel.ToName()}" + (container is null ? "" : $" inside {container}");
            }
            else
            {
                (rows, boundaries) = Catchments(loaded, engine, view.Period, options, container, geojson);
                selection = $"every catchment ({options.Describe()})" + (container is null ? "" : $" with a neighbourhood inside {container}");
            }

            IndicatorOptions.Write(loaded, engine, view, rows, selection, result.GetRequiredValue(format), result.GetValue(output),
                Environment.GetCommandLineArgs(), boundaries);
            progress.Report($"{rows.Count:N0} rows");
            return 0;
        }));
        return command;
    }

    /// <summary>The published row of every non-empty catchment (touching <paramref name="within"/> when given), in provider
    /// code order, and their dissolved boundaries when GeoJSON is wanted.</summary>
    private static (IReadOnlyList<IndicatorRow> Rows, IReadOnlyDictionary<string, Geometry>? Boundaries) Catchments(
        Dataset dataset, IndicatorEngine engine, string period, CatchmentOptions options, string? within, bool withBoundaries)
    {
        if (dataset.Flows is null)
        {
            throw new ArgumentException($"--catchments: dataset '{dataset.Name}' has no flow table (the manifest's flows entry).");
        }

        if (CatchmentIndicator.Unsupported(engine.Source) is { } reason)
        {
            throw new ArgumentException(reason);
        }

        var set = dataset.Catchments(options);
        var chosen = set.Catchments.Where(c => c.Members.Count > 0).ToArray();
        if (within is not null)
        {
            var area = dataset.Geography.Get(within);
            var inside = (area.Level == Level.Neighbourhood ? [area] : dataset.Geography.Neighbourhoods(area))
                .Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            chosen = [.. chosen.Where(c => c.Members.Any(m => inside.Contains(m.Neighbourhood)))];
        }

        var rows = new IndicatorRow[chosen.Length];
        Parallel.For(0, chosen.Length, i => rows[i] = CatchmentIndicator.Publish(engine, period, chosen[i]));
        if (!withBoundaries)
        {
            return (rows, null);
        }

        var boundaries = new Geometry?[chosen.Length];
        Parallel.For(0, chosen.Length, i => boundaries[i] = dataset.CatchmentBoundary(options, chosen[i].Provider));
        var byCode = new Dictionary<string, Geometry>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < chosen.Length; i++)
        {
            if (boundaries[i] is { } b)
            {
                byCode[chosen[i].Provider] = b;
            }
        }

        return (rows, byCode);
    }
}
