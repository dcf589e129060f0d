using System.CommandLine;
using Geo.Query;
using Geo.Query.Vocabulary;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo export</c>: one row per area of a level (<see cref="DatasetQueries.Level"/>), with every figure the engine
/// publishes; or, with <c>--catchments</c>, one row per provider's catchment (<see cref="DatasetQueries.CatchmentRows"/>).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var connection = CommonOptions.Connection();
        var indicator = IndicatorOptions.Indicator();
        var level = new Option<string?>("--level") { Description = LevelWords.Help + ". Give this or --catchments." };
        var catchments = new Option<string?>("--catchments")
        {
            Description = "Export catchments instead of a level: " + CatchmentWords.MethodHelp + " Needs the dataset's flow table.",
        };
        var threshold = new Option<string?>("--threshold") { Description = CatchmentWords.ThresholdHelp };
        var period = IndicatorOptions.Period();
        var pool = IndicatorOptions.Pool();
        var within = new Option<string?>("--within") { Description = "Only areas inside this area code (catchments: those with a neighbourhood inside it)." };
        var funnel = new Option<string?>("--funnel") { Description = FunnelWords.RowsHelp + ". With --level only." };
        var format = IndicatorOptions.Format();
        var output = IndicatorOptions.Output();
        var command = new Command("export", "Export an indicator for every area of a level, or every catchment, with intervals, comparisons and excess; suppression applied.")
        {
            dataset, dataRoot, connection, indicator, level, catchments, threshold, period, pool, within, funnel, format, output,
        };
        var indicatorFile = new IndicatorFileOptions();
        indicatorFile.AddTo(command);
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var levelName = result.GetValue(level);
            var method = result.GetValue(catchments);
            if ((levelName is null) == (method is null))
            {
                throw new ArgumentException("Give either --level (" + LevelWords.Help + ") or --catchments (proportional, fptp).");
            }

            if (method is not null && result.GetValue(funnel) is not null)
            {
                throw new ArgumentException("--funnel applies to the rows of a --level (each catchment is its own area, with no siblings to "
                    + "estimate overdispersion among); leave it out with --catchments.");
            }

            var progress = ConsoleProgress.OnStandardError();
            var queries = indicatorFile.Open(result, dataset, dataRoot, connection, progress);
            var formatName = result.GetRequiredValue(format);
            var answer = method is null
                ? queries.Level(result.GetRequiredValue(indicator), result.GetValue(period), levelName, result.GetValue(within), result.GetValue(pool),
                    result.GetValue(funnel))
                : queries.CatchmentRows(result.GetRequiredValue(indicator), result.GetValue(period), method, result.GetValue(threshold),
                    result.GetValue(within), withBoundaries: formatName is "geojson" or "gpkg", result.GetValue(pool));
            IndicatorOptions.Write(answer, formatName, result.GetValue(output), Environment.GetCommandLineArgs());
            progress.Report($"{answer.Rows.Count:N0} rows");
            return 0;
        }));
        return command;
    }
}
