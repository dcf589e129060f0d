using System.Diagnostics;

namespace Geo.Cli.Tests;

/// <summary>Runs the built <c>geo</c> program as a child process, as a user would.</summary>
internal static class GeoProcess
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs <c>geo</c> with these environment variables set (e.g. <c>GEO_PROGRESS=always</c>: progress although piped).</summary>
    public static (int ExitCode, string Output, string Error) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "geo.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("geo " + string.Join(' ', args) + " did not finish in 5 minutes.");
        }

        return (process.ExitCode, output, error.Result);
    }
}
