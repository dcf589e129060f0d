using System.CommandLine;
using Geo.Cli.Commands;

var root = new RootCommand("geo: health indicators from integrated care systems down to neighbourhoods.")
{
    ServeCommand.Create(),
    LoadCommand.Create(),
    CheckCommand.Create(),
    SnapshotCommand.Create(),
    JoinCommand.Create(),
    ExportCommand.Create(),
    HotspotsCommand.Create(),
    TrendCommand.Create(),
    BivariateCommand.Create(),
    SegmentCommand.Create(),
    DemoCommand.Create(),
    TilesCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
