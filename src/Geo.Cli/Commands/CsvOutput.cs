using System.Text;

namespace Geo.Cli.Commands;

/// <summary>
/// Where a command's CSV goes: to <c>--out</c> (UTF-8 with a byte-order mark, with <c>{file}.metadata.json</c> beside it
/// when the command has metadata), or to standard output. Stateless.
/// </summary>
internal static class CsvOutput
{
    /// <param name="metadata">The metadata JSON for the command line given; null when the command writes none.</param>
    public static void Write(FileInfo? file, Action<TextWriter> write, Func<string, string>? metadata = null)
    {
        if (file is null)
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput());
            write(stdout);
            return;
        }

        using (var writer = new StreamWriter(file.FullName, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            write(writer);
        }

        if (metadata is not null)
        {
            var line = "geo " + string.Join(' ', IndicatorOptions.WithoutSecrets(Environment.GetCommandLineArgs().Skip(1)));
            File.WriteAllText(file.FullName + ".metadata.json", metadata(line));
        }
    }
}
