using System.Diagnostics;

namespace Geo.Cli.Commands;

/// <summary>Writes each stage of long work with the time since the command started, synchronously
/// (unlike <see cref="Progress{T}"/>, which posts to the thread pool and can reorder lines).</summary>
internal sealed class ConsoleProgress(TextWriter writer) : IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Report(string value) => writer.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:F1} s] {value}");
}
