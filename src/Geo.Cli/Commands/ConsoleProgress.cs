using System.Diagnostics;

namespace Geo.Cli.Commands;

/// <summary>Writes each stage of long work with the time since the command started, synchronously
/// (unlike <see cref="Progress{T}"/>, which posts to the thread pool and can reorder lines).</summary>
internal sealed class ConsoleProgress(TextWriter writer) : IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Report(string value) => writer.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:F1} s] {value}");

    /// <summary>A progress for a running count, reported as "{count} {unit}".</summary>
    public IProgress<long> Counting(string unit) => new Counter(this, unit);

    private sealed class Counter(ConsoleProgress owner, string unit) : IProgress<long>
    {
        public void Report(long value) => owner.Report($"{value:N0} {unit}");
    }
}
