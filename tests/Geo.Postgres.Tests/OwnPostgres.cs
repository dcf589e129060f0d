using System.Diagnostics;
using Geo.Tests;

namespace Geo.Postgres.Tests;

/// <summary>
/// A PostgreSQL + PostGIS server of the test's own, started with <c>scripts/postgres.sh</c> in a fresh folder, so the test
/// can stop and start it (<see cref="Pause"/>, <see cref="Resume"/>) without disturbing the shared test server. Deleted on
/// dispose.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _folder;

    private OwnPostgres(string folder, string connectionString)
    {
        _folder = folder;
        ConnectionString = connectionString;
    }

    /// <summary>Where the server binaries are looked for, as <c>scripts/postgres.sh</c> does.</summary>
    public static bool BinariesPresent =>
        Directory.Exists("/usr/lib/postgresql")
        && Directory.EnumerateDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb")));

    public string ConnectionString { get; }

    public static OwnPostgres Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "geo-own-pg-" + Guid.NewGuid().ToString("N")[..10]);
        return new OwnPostgres(folder, Script("start", folder).Trim());
    }

    /// <summary>Stops the server (fast shutdown: every open connection is cut); its data stay.</summary>
    public void Pause() => Script("pause", _folder);

    /// <summary>Starts the paused server again on the same port.</summary>
    public void Resume() => Script("resume", _folder);

    public ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Script("stop", _folder);
        return ValueTask.CompletedTask;
    }

    private static string Script(string action, string folder)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(SharedData.RepositoryRoot, "scripts", "postgres.sh"));
        start.ArgumentList.Add(action);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/postgres.sh {action} did not finish in 2 minutes.");
        }

        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"scripts/postgres.sh {action} {folder} failed ({process.ExitCode}): {error.Result}");
    }
}

/// <summary>A test that starts its own PostgreSQL server; skipped with a message when the server binaries are absent.</summary>
public sealed class OwnPostgresFactAttribute : FactAttribute
{
    public const string Message = "No PostgreSQL server binaries under /usr/lib/postgresql (Debian: apt-get install -y "
        + "postgresql-15 postgresql-15-postgis-3; .ci/run does this): this test starts and stops a server of its own.";

    public OwnPostgresFactAttribute()
    {
        if (!OwnPostgres.BinariesPresent)
        {
            Skip = Message;
        }
    }
}
