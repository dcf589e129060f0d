using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Geo.Api.Apis;
using Geo.Api.Hosting;
using Geo.Query;
using Geo.Query.Vocabulary;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo segment</c>: the neighbourhoods of an area (every neighbourhood by default) clustered by k-means on standardised
/// indicator profiles, the members as CSV and each cluster's profile on standard error (<see cref="DatasetQueries.Segments"/>,
/// the same use case as <c>GET /api/areas/{code}/segments.csv</c>).
/// </summary>
internal static class SegmentCommand
{
    private static readonly JsonSerializerOptions Indented = new(ApiJsonContext.Default.Options) { WriteIndented = true };

    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var connection = CommonOptions.Connection();
        var indicators = new Option<string>("--indicators") { Description = SegmentWords.IndicatorsHelp + ".", Required = true };
        var within = new Option<string?>("--within") { Description = "Area code whose neighbourhoods are clustered (default: the whole country)." };
        var k = new Option<string?>("--k") { Description = SegmentWords.KHelp + "." };
        var seed = new Option<int?>("--seed") { Description = $"Seed of the k-means++ seeding and the silhouette's sample (default {SegmentWords.DefaultSeed})." };
        var output = new Option<FileInfo?>("--out")
        {
            Description = "File to write (gets a .metadata.json beside it: the indicators' export metadata, the clusters' profiles and "
                + "the silhouette). Without it, the CSV goes to standard output.",
        };
        var command = new Command("segment", "Cluster the neighbourhoods of an area on standardised indicator profiles (k-means, k given "
            + "or chosen by silhouette): each neighbourhood's cluster as CSV, each cluster's size and profile on standard error; "
            + "suppressed neighbourhoods are left out.")
        {
            dataset, dataRoot, connection, indicators, within, k, seed, output,
        };
        var indicatorFile = new IndicatorFileOptions();
        indicatorFile.AddTo(command);
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var progress = ConsoleProgress.OnStandardError();
            var queries = indicatorFile.Open(result, dataset, dataRoot, connection, progress);
            var answer = queries.Segments(result.GetRequiredValue(indicators), result.GetValue(k), result.GetValue(seed),
                result.GetValue(within) ?? queries.Dataset.Geography.Root.Code);
            CsvOutput.Write(result.GetValue(output), w => SegmentCsv.Write(w, answer),
                line => JsonSerializer.Serialize(SegmentsApi.Dto(answer, line), Indented));

            Console.Error.WriteLine($"# {answer.Members.Count} of {answer.Neighbourhoods} neighbourhoods of {answer.Area.Code} clustered "
                + $"({answer.Suppressed} suppressed, {answer.NoValue} without a value of every indicator left out)");
            if (answer.Reason is not null)
            {
                Console.Error.WriteLine($"no clusters: {answer.Reason}");
                return CommandErrors.NothingListed;
            }

            var r = answer.Result;
            Console.Error.WriteLine($"# k = {r.K}{(r.ChosenBySilhouette ? " chosen by silhouette" : "")}, mean silhouette {F(r.Silhouette!.Value)} "
                + $"over {r.SilhouetteScored} neighbourhoods, seed {answer.Seed}");
            var ids = answer.Indicators.Select(i => i.Definition.Id).ToArray();
            foreach (var p in r.Profiles)
            {
                var measures = p.Measures.Select((m, j) => $"{ids[j]} {F(m.Mean)} (sd {F(m.StandardDeviation)})");
                Console.Error.WriteLine($"# cluster {p.Cluster}: {p.Size} neighbourhoods; {string.Join("; ", measures)}");
            }

            return 0;
        }));
        return command;
    }

    private static string F(double x) => x.ToString("0.######", CultureInfo.InvariantCulture);
}
