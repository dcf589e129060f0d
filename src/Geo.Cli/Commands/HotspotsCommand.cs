using System.CommandLine;
using Geo.Query;
using Geo.Query.Vocabulary;

namespace Geo.Cli.Commands;

/// <summary><c>geo hotspots</c>: the neighbourhoods inside an area in hotspot order (<see cref="DatasetQueries.Hotspots"/>).</summary>
internal static class HotspotsCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var connection = CommonOptions.Connection();
        var indicator = IndicatorOptions.Indicator();
        var within = new Option<string>("--within") { Description = "Area code whose neighbourhoods to rank.", Required = true };
        var period = IndicatorOptions.Period();
        var pool = IndicatorOptions.Pool();
        var top = new Option<int?>("--top") { Description = $"How many neighbourhoods to list, 1 to {DatasetQueries.MaxTop} (default {DatasetQueries.DefaultTop})." };
        var by = new Option<string?>("--by")
        {
            Description = HotspotOrderWords.Help + " (default rate). Gi* and Moran run on empirical Bayes smoothed rates, queen contiguity, FDR 0.05.",
        };
        var funnel = new Option<string?>("--funnel") { Description = "Funnel limits among the neighbourhoods inside the area: " + FunnelWords.Help + "." };
        var format = IndicatorOptions.Format();
        var output = IndicatorOptions.Output();
        var command = new Command("hotspots", "List the neighbourhoods inside an area by rate, excess, funnel-plot outliers, Gi* hot spots or Moran clusters; suppression applied.")
        {
            dataset, dataRoot, connection, indicator, within, period, pool, top, by, funnel, format, output,
        };
        var indicatorFile = new IndicatorFileOptions();
        indicatorFile.AddTo(command);
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var progress = ConsoleProgress.OnStandardError();
            var queries = indicatorFile.Open(result, dataset, dataRoot, connection, progress);
            var answer = queries.Hotspots(result.GetRequiredValue(indicator), result.GetValue(period), result.GetRequiredValue(within),
                result.GetValue(by), result.GetValue(top), result.GetValue(pool), result.GetValue(funnel));
            IndicatorOptions.Write(answer, result.GetRequiredValue(format), result.GetValue(output), Environment.GetCommandLineArgs());
            if (answer.Reason is not null)
            {
                Console.Error.WriteLine($"no rows: {answer.Reason}");
                return CommandErrors.NothingListed;
            }

            progress.Report($"{answer.Rows.Count:N0} rows");
            return 0;
        }));
        return command;
    }
}
