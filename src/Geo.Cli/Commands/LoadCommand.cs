using System.CommandLine;
using System.Diagnostics;
using Geo.Postgres;

namespace Geo.Cli.Commands;

/// <summary><c>geo load</c>: a dataset (or the demo) into PostgreSQL + PostGIS, replacing the one there, all or nothing.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var connection = CommonOptions.Connection();
        connection.Required = true;
        var command = new Command("load",
            "Load a dataset into PostgreSQL + PostGIS (schema created or upgraded first), in one transaction: a failed load leaves the database as it was.")
        {
            dataset, dataRoot, connection,
        };
        command.SetAction((result, cancellation) => Task.FromResult(CommandErrors.Run(() =>
        {
            var progress = ConsoleProgress.OnStandardError();
            var clock = Stopwatch.StartNew();
            var loaded = CommonOptions.Load(result.GetValue(dataset), result.GetValue(dataRoot), progress);
            var read = clock.Elapsed;
            using var store = new PostgresStore(result.GetRequiredValue(connection)!);
            var version = store.LoadAsync(loaded, progress, cancellation).GetAwaiter().GetResult();
            progress.Report($"loaded {loaded.Name} into {store.Describe} as load {version} " +
                            $"(schema {PostgresStore.SchemaVersion}; files {read.TotalSeconds:F1} s, database {(clock.Elapsed - read).TotalSeconds:F1} s)");
            return 0;
        })));
        return command;
    }
}
