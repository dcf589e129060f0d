using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Geo.Api.Apis;
using Geo.Api.Hosting;
using Geo.Query;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo bivariate</c>: two indicators across the children of an area, the pairs as CSV and Spearman's ρ with its 95%
/// interval on standard error (<see cref="DatasetQueries.Bivariate"/>, the same use case as
/// <c>GET /api/indicators/{x}/areas/{code}/bivariate.csv</c>).
/// </summary>
internal static class BivariateCommand
{
    private static readonly JsonSerializerOptions Indented = new(ApiJsonContext.Default.Options) { WriteIndented = true };

    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var connection = CommonOptions.Connection();
        var indicator = IndicatorOptions.Indicator();
        var with = new Option<string>("--with") { Description = "The second indicator's id.", Required = true };
        var within = new Option<string>("--within") { Description = "Area code whose children are paired.", Required = true };
        var periodX = new Option<string?>("--period-x") { Description = "The first indicator's period (default: its latest)." };
        var periodY = new Option<string?>("--period-y") { Description = "The second indicator's period (default: its latest)." };
        var output = new Option<FileInfo?>("--out")
        {
            Description = "File to write (gets a .metadata.json beside it: both indicators' export metadata, rho and its interval). "
                + "Without it, the CSV goes to standard output.",
        };
        var command = new Command("bivariate", "Two indicators across the children of an area: the pairs of published values with their "
            + "3x3 tertile classes as CSV, Spearman's rho and its 95% interval on standard error; suppressed rows are left out.")
        {
            dataset, dataRoot, connection, indicator, with, within, periodX, periodY, output,
        };
        var indicatorFile = new IndicatorFileOptions();
        indicatorFile.AddTo(command);
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var progress = ConsoleProgress.OnStandardError();
            var queries = indicatorFile.Open(result, dataset, dataRoot, connection, progress);
            var answer = queries.Bivariate(result.GetRequiredValue(indicator), result.GetValue(periodX), result.GetRequiredValue(with),
                result.GetValue(periodY), result.GetRequiredValue(within));
            CsvOutput.Write(result.GetValue(output), w => BivariateCsv.Write(w, answer),
                line => JsonSerializer.Serialize(BivariateApi.Dto(answer, line), Indented));

            var s = answer.Spearman;
            Console.Error.WriteLine($"# {answer.Pairs.Count} pairs of {answer.Children} children of {answer.Area.Code} "
                + $"({answer.Suppressed} suppressed, {answer.NoValue} without a value left out)");
            if (s.Rho is { } rho)
            {
                Console.Error.WriteLine($"# Spearman rho = {F(rho)}" + (s.Lower is { } lo && s.Upper is { } hi ? $", 95% interval {F(lo)} to {F(hi)}" : ""));
            }

            if (answer.Reason is not null)
            {
                Console.Error.WriteLine($"no correlation: {answer.Reason}");
                return CommandErrors.NothingListed;
            }

            return 0;
        }));
        return command;
    }

    private static string F(double x) => x.ToString("0.000000", CultureInfo.InvariantCulture);
}
