using System.CommandLine;
using Geo.Data.Join;
using Geo.Data.Snapshots;

namespace Geo.Cli.Commands;

/// <summary><c>geo join</c>: append the neighbourhood and a status to every row of a points CSV.</summary>
internal static class JoinCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var connection = CommonOptions.Connection();
        var snapshot = CommonOptions.Snapshot();
        var points = new Option<FileInfo>("--points") { Description = "CSV of points, one per row, with a header.", Required = true };
        var lon = new Option<string?>("--lon") { Description = "Column of WGS84 longitude (degrees)." };
        var lat = new Option<string?>("--lat") { Description = "Column of WGS84 latitude (degrees)." };
        var easting = new Option<string?>("--easting") { Description = "Column of British National Grid easting (metres)." };
        var northing = new Option<string?>("--northing") { Description = "Column of British National Grid northing (metres)." };
        var output = new Option<FileInfo>("--out") { Description = "CSV to write: the input rows with neighbourhood and status columns appended.", Required = true };
        var command = new Command("join", "Assign points to neighbourhoods (point in polygon); points outside every polygon are kept with status 'outside'.")
        {
            dataset, dataRoot, connection, snapshot, points, lon, lat, easting, northing, output,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(snapshot) is not null && !string.IsNullOrWhiteSpace(result.GetValue(connection)))
            {
                result.AddError("Give --snapshot or --connection, not both.");
            }

            var lonLat = result.GetValue(lon) is not null || result.GetValue(lat) is not null;
            var grid = result.GetValue(easting) is not null || result.GetValue(northing) is not null;
            if (lonLat == grid)
            {
                result.AddError("Give either --lon and --lat, or --easting and --northing.");
            }
            else if (lonLat && (result.GetValue(lon) is null || result.GetValue(lat) is null))
            {
                result.AddError("--lon and --lat go together.");
            }
            else if (grid && (result.GetValue(easting) is null || result.GetValue(northing) is null))
            {
                result.AddError("--easting and --northing go together.");
            }
        });
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var columns = result.GetValue(lon) is { } lonColumn
                ? PointColumns.LonLat(lonColumn, result.GetValue(lat)!)
                : PointColumns.EastingNorthing(result.GetValue(easting)!, result.GetValue(northing)!);
            var progress = ConsoleProgress.OnStandardError();
            var input = result.GetRequiredValue(points).FullName;
            var target = result.GetRequiredValue(output).FullName;
            PointJoinCounts counts;
            if (result.GetValue(connection) is { Length: > 0 } connectionString)
            {
                // In the database: one batch of points in memory at a time, however large the file.
                using var store = new Geo.Postgres.PostgresStore(connectionString);
                using var locator = store.LocatorAsync(columns.CoordinateSystem).GetAwaiter().GetResult();
                progress.Report($"joining {input} in {store.Describe}");
                counts = PointJoinCsv.Run(input, target, locator, columns, progress.Counting("rows joined"));
            }
            else if (result.GetValue(snapshot) is { } saved)
            {
                // The point index as saved, its grid already classified: nothing else of the dataset is read.
                var index = DatasetSnapshot.ReadPointIndex(saved.FullName, columns.CoordinateSystem, result.GetValue(dataset)?.FullName,
                    result.GetValue(dataRoot)?.FullName, progress);
                progress.Report($"joining {input}");
                counts = PointJoinCsv.Run(input, target, index, columns, progress.Counting("rows joined"));
            }
            else
            {
                // Only the neighbourhood polygons: no population, indicators, flows, coverage check or dissolve.
                var neighbourhoods = CommonOptions.LoadNeighbourhoods(result.GetValue(dataset), result.GetValue(dataRoot), progress);
                progress.Report("building the point index");
                var index = neighbourhoods.Index(columns.CoordinateSystem);
                progress.Report($"joining {input}");
                counts = PointJoinCsv.Run(input, target, index, columns, progress.Counting("rows joined"));
            }

            progress.Report($"wrote {target}: {counts.Rows:N0} rows, {counts.Matched:N0} matched, {counts.Outside:N0} outside, {counts.Invalid:N0} invalid");
            return 0;
        }));
        return command;
    }
}
