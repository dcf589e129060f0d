using System.CommandLine;
using Geo.Api.Hosting;
using Microsoft.AspNetCore.Hosting;
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
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'.",
            DefaultValueFactory = _ => "http://localhost:5000",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log ASP.NET Core's own messages too (otherwise one line a request)." };
        var command = new Command("serve", "Serve the API and viewer on a dataset, or on a database loaded by `geo load` (default: the embedded synthetic demo).")
        {
            dataset, dataRoot, connection, urls, verbose,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var app = GeoServer.Build([], builder =>
            {
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.Dataset)}"] = result.GetValue(dataset)?.FullName;
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.DataRoot)}"] = result.GetValue(dataRoot)?.FullName;
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.Connection)}"] = result.GetValue(connection);
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.WarmTiles)}"] = "true";
                builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.Verbose)}"] = result.GetValue(verbose) ? "true" : "false";
                builder.WebHost.UseUrls(result.GetRequiredValue(urls));
            });
            app.LoadDataset();
            // IHost.RunAsync: WebApplication's own RunAsync takes a URL, not a token.
            await HostingAbstractionsHostExtensions.RunAsync(app, cancellation);
            return 0;
        });
        return command;
    }
}
