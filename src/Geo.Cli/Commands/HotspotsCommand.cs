using System.CommandLine;
using Geo.Core.Indicators;

namespace Geo.Cli.Commands;

/// <summary><c>geo hotspots</c>: the neighbourhoods inside an area in hotspot order.</summary>
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
        var top = new Option<int>("--top") { Description = "How many neighbourhoods to list.", DefaultValueFactory = _ => 20 };
        var by = new Option<string>("--by")
        {
            Description = "rate (highest value), excess (most excess events), funnel (above the 99.8% then 95% limits), "
                + "gistar (Getis-Ord Gi* hot spots of empirical Bayes smoothed rates, queen contiguity, FDR 0.05) or moran (local Moran high-high clusters, likewise).",
            DefaultValueFactory = _ => "rate",
        };
        by.AcceptOnlyFromAmong("rate", "excess", "funnel", "gistar", "moran");
        var format = IndicatorOptions.Format();
        var output = IndicatorOptions.Output();
        var command = new Command("hotspots", "List the neighbourhoods inside an area by rate, excess, funnel-plot outliers, Gi* hot spots or Moran clusters; suppression applied.")
        {
            dataset, dataRoot, connection, indicator, within, period, top, by, format, output,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            if (result.GetValue(top) <= 0)
            {
                throw new ArgumentException("--top must be at least 1.");
            }

            var progress = new ConsoleProgress(Console.Error);
            var loaded = CommonOptions.Load(result.GetValue(dataset), result.GetValue(dataRoot), result.GetValue(connection), progress);
            var (engine, view) = IndicatorOptions.Publish(loaded, result.GetRequiredValue(indicator), result.GetValue(period));
            var container = result.GetRequiredValue(within);
            _ = loaded.Geography.Find(container) ?? throw new ArgumentException($"--within: no area has the code '{container}'.");
            var order = Enum.Parse<HotspotOrder>(result.GetRequiredValue(by), ignoreCase: true);
            var rows = order is HotspotOrder.GiStar or HotspotOrder.Moran
                ? Hotspots.Find(view, engine.Compute(view.Period), loaded.NeighbourhoodContiguity, container, order, result.GetValue(top))
                : Hotspots.Find(view, container, order, result.GetValue(top));
            var selection = $"top {result.GetValue(top)} neighbourhoods inside {container} by {order.ToString().ToLowerInvariant()}";
            IndicatorOptions.Write(loaded, engine, view, rows, selection, result.GetRequiredValue(format), result.GetValue(output), Environment.GetCommandLineArgs());
            progress.Report($"{rows.Count:N0} rows");
            return 0;
        }));
        return command;
    }
}
