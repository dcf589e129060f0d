using System.CommandLine;
using System.Diagnostics;
using Geo.Data.Snapshots;
using Geo.Demo;

namespace Geo.Cli.Commands;

/// <summary><c>geo snapshot</c>: load a dataset (or the demo) from its files and save it prepared, for <c>--snapshot</c>.</summary>
internal static class SnapshotCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset();
        var dataRoot = CommonOptions.DataRoot();
        var output = new Option<FileInfo>("--out") { Description = "The snapshot file to write (replaced if it exists).", Required = true };
        var command = new Command("snapshot",
            "Load a dataset from its files and save it prepared to one file, which `geo serve`, `geo check` and `geo join` start from "
            + "with --snapshot in a fraction of a second; refused there once any of the files changes.")
        {
            dataset, dataRoot, output,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var progress = ConsoleProgress.OnStandardError();
            var manifest = result.GetValue(dataset)?.FullName;
            var root = result.GetValue(dataRoot)?.FullName;
            var clock = Stopwatch.StartNew();
            var origin = manifest is null
                ? SnapshotOrigin.Generated($"the embedded synthetic demo (seed {DemoDataset.DefaultSeed})")
                : SnapshotOrigin.FromManifest(manifest, root);
            var loaded = CommonOptions.Load(result.GetValue(dataset), result.GetValue(dataRoot), progress);
            var read = clock.Elapsed;
            var target = result.GetRequiredValue(output).FullName;
            progress.Report($"writing snapshot {target}");
            var bytes = DatasetSnapshot.Write(loaded, origin, target);
            Console.WriteLine($"wrote {target}: {bytes / 1048576.0:N1} MB, {loaded.Geography.Count:N0} areas, {loaded.Indicators.Count} indicators, "
                + $"{origin.Inputs.Count} input files (files {read.TotalSeconds:F1} s, snapshot {(clock.Elapsed - read).TotalSeconds:F1} s)");
            return 0;
        }));
        return command;
    }
}
