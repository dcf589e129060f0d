using System.CommandLine;
using Geo.Api.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Geo.Cli.Commands;

/// <summary><c>geo serve</c>: the HTTP API and the map viewer on a dataset or the demo.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var connection = CommonOptions.Connection();
        var snapshot = CommonOptions.Snapshot();
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'.",
            DefaultValueFactory = _ => "http://localhost:5000",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log ASP.NET Core's own messages too (otherwise one line a request)." };
        var command = new Command("serve", "Serve the API and viewer on a dataset, or on a database loaded by `geo load` (default: the embedded synthetic demo).")
        {
            dataset, dataRoot, connection, snapshot, urls, verbose,
        };
        var indicatorFile = new IndicatorFileOptions();
        indicatorFile.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (indicatorFile.File(result) is { } file && !string.IsNullOrWhiteSpace(result.GetValue(connection)))
            {
                await Console.Error.WriteLineAsync("error: --indicator-file adds to a dataset served from files; with --connection, add it to the manifest and `geo load` it.");
                return CommandErrors.BadInput;
            }

            if (result.GetValue(snapshot) is not null && !string.IsNullOrWhiteSpace(result.GetValue(connection)))
            {
                await Console.Error.WriteLineAsync("error: give --snapshot or --connection, not both.");
                return CommandErrors.BadInput;
            }

            var app = GeoServer.Build([], builder =>
            {
                builder.Services.Configure<GeoOptions>(o =>
                {
                    o.IndicatorFile = indicatorFile.File(result)?.FullName;
                    o.IndicatorFileOptions = indicatorFile.Options(result);
                });
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.Dataset)}"] = result.GetValue(dataset)?.FullName;
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.DataRoot)}"] = result.GetValue(dataRoot)?.FullName;
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.Connection)}"] = result.GetValue(connection);
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.Snapshot)}"] = result.GetValue(snapshot)?.FullName;
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.WarmTiles)}"] = "true";
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.Verbose)}"] = result.GetValue(verbose) ? "true" : "false";
                builder.WebHost.UseUrls(result.GetRequiredValue(urls));
            });
            try
            {
                app.LoadDataset();
            }
            catch (Data.Upload.IndicatorUploadException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return CommandErrors.BadInput;
            }
            catch (Core.Sources.GeoDataException e)
            {
                // a refused snapshot or a bad file: one line naming it, not a stack trace
                await Console.Error.WriteLineAsync($"error: {e.Message.ReplaceLineEndings(" ")}");
                return CommandErrors.BadInput;
            }

            // IHost.RunAsync: WebApplication's own RunAsync takes a URL, not a token.
            await HostingAbstractionsHostExtensions.RunAsync(app, cancellation);
            return 0;
        });
        return command;
    }
}
