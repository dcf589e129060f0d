using System.CommandLine;
using Geo.Data.Snapshots;
using Geo.Model;
using Geo.Demo;

namespace Geo.Cli.Commands;

/// <summary>The options every dataset command shares, and loading the dataset they name.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo?> Dataset() => new("--dataset")
    {
        Description = "Dataset manifest (JSON). Without it, the embedded synthetic demo.",
    };

    public static Option<DirectoryInfo?> DataRoot() => new("--data-root")
    {
        Description = "Folder the manifest's relative file paths are resolved against (default: the manifest's folder).",
    };

    public static Option<string?> Connection() => new("--connection")
    {
        Description = "Npgsql connection string of a PostgreSQL + PostGIS database loaded by `geo load`, e.g. "
            + "\"Host=localhost;Database=geo;Username=geo\" (the password may come from PGPASSWORD or ~/.pgpass). "
            + "Given, the dataset is read from it and --dataset is not used.",
    };

    public static Option<FileInfo?> Snapshot() => new("--snapshot")
    {
        Description = "A snapshot written by `geo snapshot`: start from it instead of reading the dataset's files. Refused, with "
            + "the reason, when any of those files changed since, or when it was made from another --dataset than the one given.",
    };

    /// <summary>The dataset from the database when a connection string is given, else from the manifest (or the demo).</summary>
    public static Dataset Load(FileInfo? manifest, DirectoryInfo? dataRoot, string? connection, ConsoleProgress progress)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            return Load(manifest, dataRoot, progress);
        }

        using var store = new Geo.Postgres.PostgresStore(connection);
        progress.Report($"reading the dataset from {store.Describe}");
        var stored = store.ReadAsync().GetAwaiter().GetResult();
        progress.Report($"read {stored.Dataset.Name} (load {stored.Version})");
        return stored.Dataset;
    }

    public static Dataset Load(FileInfo? manifest, DirectoryInfo? dataRoot, ConsoleProgress progress) =>
        DatasetOrDemo.Load(manifest?.FullName, dataRoot?.FullName, progress);

    /// <summary>The dataset from <paramref name="snapshot"/> when given (made from <paramref name="manifest"/>, when that is
    /// given too), else from the manifest (or the demo).</summary>
    public static Dataset Load(FileInfo? manifest, DirectoryInfo? dataRoot, FileInfo? snapshot, ConsoleProgress progress) =>
        snapshot is null
            ? Load(manifest, dataRoot, progress)
            : DatasetSnapshot.Read(snapshot.FullName, manifest?.FullName, dataRoot?.FullName, progress);

    /// <summary>Only what a point join needs of the dataset (or the demo): its neighbourhood polygons and their indexes.</summary>
    public static NeighbourhoodPolygons LoadNeighbourhoods(FileInfo? manifest, DirectoryInfo? dataRoot, ConsoleProgress progress) =>
        DatasetOrDemo.LoadNeighbourhoods(manifest?.FullName, dataRoot?.FullName, progress);
}
