using System.CommandLine;
using Geo.Query;
using Geo.Query.Vocabulary;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo trend</c>: an area's value and 95% limits per period with the recent-trend marker and a control chart, as CSV
/// (<see cref="DatasetQueries.Trend"/>, the same use case as <c>GET /api/indicators/{id}/areas/{code}/trend.csv</c>).
/// </summary>
internal static class TrendCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var connection = CommonOptions.Connection();
        var indicator = IndicatorOptions.Indicator();
        var area = new Option<string>("--area") { Description = "Area code.", Required = true };
        var period = new Option<string?>("--period") { Description = "The last period of the series (default: the latest)." };
        var chart = new Option<string?>("--chart") { Description = ChartWords.Help + "." };
        var output = new Option<FileInfo?>("--out") { Description = "File to write; without it, the CSV goes to standard output." };
        var command = new Command("trend", "An area's value and 95% limits per period, the Fingertips recent-trend marker and an SPC chart "
            + "with its special causes, as CSV; suppressed periods are left out of both.")
        {
            dataset, dataRoot, connection, indicator, area, period, chart, output,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var progress = ConsoleProgress.OnStandardError();
            var queries = new DatasetQueries(CommonOptions.Load(result.GetValue(dataset), result.GetValue(dataRoot), result.GetValue(connection), progress));
            var answer = queries.Trend(result.GetRequiredValue(indicator), result.GetValue(period), result.GetRequiredValue(area), result.GetValue(chart));
            CsvOutput.Write(result.GetValue(output), w => TrendCsv.Write(w, answer));

            Console.Error.WriteLine($"# {answer.Indicator.Definition.Name}, {answer.Area.Area.Name} ({answer.Area.Area.Code}): {answer.MarkerWords}.");
            Console.Error.WriteLine($"# {answer.ChartMethod}" + (answer.ChartNote is null ? "" : " " + answer.ChartNote));
            return 0;
        }));
        return command;
    }
}
