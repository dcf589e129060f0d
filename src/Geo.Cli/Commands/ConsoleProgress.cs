using System.Diagnostics;

namespace Geo.Cli.Commands;

/// <summary>Writes each stage of long work with the time since the command started, synchronously
/// (unlike <see cref="Progress{T}"/>, which posts to the thread pool and can reorder lines); with no writer, says nothing.</summary>
internal sealed class ConsoleProgress(TextWriter? writer) : IProgress<string>
{
    /// <summary>The environment variable that overrides <see cref="OnStandardError"/>'s choice: <c>always</c> or <c>never</c>.</summary>
    public const string Switch = "GEO_PROGRESS";

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>
    /// Progress on standard error while someone watches it: shown on a terminal, quiet when standard error is piped or
    /// written to a file (a script or a log then holds only the answer and its errors). <c>GEO_PROGRESS=always</c> shows it
    /// anyway, <c>GEO_PROGRESS=never</c> hides it on a terminal too.
    /// </summary>
    public static ConsoleProgress OnStandardError() =>
        new(IsShown(Console.IsErrorRedirected, Environment.GetEnvironmentVariable(Switch)) ? Console.Error : null);

    /// <summary>Whether progress is shown, given whether the stream is redirected and the value of <see cref="Switch"/>.</summary>
    public static bool IsShown(bool redirected, string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        "always" => true,
        "never" => false,
        _ => !redirected,
    };

    public void Report(string value) => writer?.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:F1} s] {value}");

    /// <summary>A progress for a running count, reported as "{count} {unit}".</summary>
    public IProgress<long> Counting(string unit) => new Counter(this, unit);

    private sealed class Counter(ConsoleProgress owner, string unit) : IProgress<long>
    {
        public void Report(long value) => owner.Report($"{value:N0} {unit}");
    }
}
