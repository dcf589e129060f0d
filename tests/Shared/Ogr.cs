using System.Diagnostics;

namespace Geo.Tests;

/// <summary>Runs GDAL's command-line programs (ogrinfo, ogr2ogr) as a user would, and reads their answers.</summary>
internal static class Ogr
{
    /// <summary>The program's full path on the PATH, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="program"/> and gives its standard output; fails the test on a non-zero exit.</summary>
    public static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(Find(program) ?? throw new InvalidOperationException(GdalFactAttribute.Message))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 5 minutes.");
        }

        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
    }

    /// <summary>The values of a field in <c>ogrinfo -al -q</c> output (<c>  name (Type) = value</c>), in feature order.</summary>
    public static IReadOnlyList<string> Values(string ogrinfoOutput, string field) =>
        [.. ogrinfoOutput.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith(field + " (", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(" =", StringComparison.Ordinal) + 2)..].Trim())];
}
