using System.CommandLine;
using Geo.Data;
using Geo.Data.Demo;
using Geo.Data.Loading;

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

    public static Dataset Load(FileInfo? manifest, DirectoryInfo? dataRoot, ConsoleProgress progress)
    {
        if (manifest is null)
        {
            progress.Report("generating the synthetic demo dataset");
            return DatasetLoader.Build(DemoDataset.Generate().Source, progress);
        }

        return DatasetLoader.Load(manifest.FullName, dataRoot?.FullName, progress);
    }
}
