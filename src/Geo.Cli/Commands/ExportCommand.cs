using System.CommandLine;
using Geo.Core.Geography;

namespace Geo.Cli.Commands;

/// <summary><c>geo export</c>: one row per area of a level, with every figure the engine publishes.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var connection = CommonOptions.Connection();
        var indicator = IndicatorOptions.Indicator();
        var level = new Option<string>("--level") { Description = "system, icp, place or neighbourhood (or country).", Required = true };
        var period = IndicatorOptions.Period();
        var within = new Option<string?>("--within") { Description = "Only areas inside this area code." };
        var format = IndicatorOptions.Format();
        var output = IndicatorOptions.Output();
        var command = new Command("export", "Export an indicator for every area of a level, with intervals, comparisons and excess; suppression applied.")
        {
            dataset, dataRoot, connection, indicator, level, period, within, format, output,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            if (!LevelNames.TryParse(result.GetRequiredValue(level), out var parsedLevel))
            {
                throw new ArgumentException($"--level must be system, icp, place or neighbourhood, not '{result.GetValue(level)}'.");
            }

            var progress = new ConsoleProgress(Console.Error);
            var loaded = CommonOptions.Load(result.GetValue(dataset), result.GetValue(dataRoot), result.GetValue(connection), progress);
            var (engine, view) = IndicatorOptions.Publish(loaded, result.GetRequiredValue(indicator), result.GetValue(period));
            var container = result.GetValue(within);
            if (container is not null)
            {
                _ = loaded.Geography.Find(container) ?? throw new ArgumentException($"--within: no area has the code '{container}'.");
            }

            var rows = view.AtLevel(parsedLevel, container).ToArray();
            var selection = $"every {parsedLevel.ToName()}" + (container is null ? "" : $" inside {container}");
            IndicatorOptions.Write(loaded, engine, view, rows, selection, result.GetRequiredValue(format), result.GetValue(output), Environment.GetCommandLineArgs());
            progress.Report($"{rows.Length:N0} rows");
            return 0;
        }));
        return command;
    }
}
