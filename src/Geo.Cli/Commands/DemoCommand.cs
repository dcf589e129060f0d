using System.CommandLine;
using Geo.Demo;

namespace Geo.Cli.Commands;

/// <summary><c>geo demo --out DIR</c>: writes the synthetic demo as ordinary files with a manifest.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the demo files into.", Required = true };
        var command = new Command("demo", "Write the synthetic demo dataset as files (GeoJSON, CSV) with a dataset manifest.") { output };
        command.SetAction(result =>
        {
            var manifest = DemoDataset.WriteFiles(DemoDataset.Generate(), result.GetRequiredValue(output).FullName);
            Console.WriteLine(manifest);
            return 0;
        });
        return command;
    }
}
