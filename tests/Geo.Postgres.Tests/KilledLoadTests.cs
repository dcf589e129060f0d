using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Geo.Demo;
using Geo.Data.Loading;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Geo.Postgres.Tests;

/// <summary>
/// <c>geo load</c> killed with SIGKILL in its write phase (a real process, no chance to clean up) into a database that
/// holds a dataset: the previous dataset is still there, whole, and a server answering from it never notices.
/// </summary>
[Trait("Category", "Database")]
public class KilledLoadTests(ITestOutputHelper output)
{
    [DatabaseFact]
    public async Task LoadKilledHalfway_LeavesThePreviousDatasetWholeAndServing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var previous = DatasetLoader.Build(DemoDataset.Generate(7).Source);
        string version;
        using (var store = new PostgresStore(database.ConnectionString))
        {
            version = await store.LoadAsync(previous);
        }

        var counts = await Counts(database.ConnectionString);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Geo:Connection", database.ConnectionString)
            .UseSetting("Geo:DatabasePollSeconds", "0.2"));
        var client = factory.CreateClient();
        await DoorServers.WaitUntilReady(client);
        var country = await client.GetStringAsync("/api/indicators/copd-emergency-admissions/areas/X92000001");
        var bounds = JsonDocument.Parse(await client.GetStringAsync("/tiles/neighbourhood.json")).RootElement.GetProperty("bounds")
            .EnumerateArray().Select(b => b.GetDouble()).ToArray();
        var (x, y) = TileParityTests.TileOf((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 12);
        var tile = $"/tiles/neighbourhood/12/{x}/{y}.mvt";
        var tileBytes = await client.GetByteArrayAsync(tile);
        Assert.NotEmpty(tileBytes);

        // Requests all through the load and after the kill.
        var answers = new ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                answers.Add((await client.GetAsync("/api/indicators/copd-emergency-admissions/areas/X54000002/children", CancellationToken.None)).StatusCode);
                answers.Add((await client.GetAsync(tile, CancellationToken.None)).StatusCode);
            }
        });

        // The default demo (another seed: other counts) from files, killed on its first "copying" stage, which comes
        // after the previous dataset's rows were deleted inside the load's transaction.
        var folder = Directory.CreateTempSubdirectory("geo-killed-load-").FullName;
        try
        {
            Assert.Equal(0, Cli.Tests.GeoProcess.Run("demo", "--out", folder).ExitCode);
            var (stages, exit, killedAfter) = RunAndKill(
                ["load", "--dataset", Path.Combine(folder, "demo.dataset.json"), "--connection", database.ConnectionString],
                stage => stage.Contains("] copying", StringComparison.Ordinal));
            output.WriteLine($"geo load, killed {killedAfter.TotalSeconds:F1} s after it started; exit {exit}; its stages:");
            stages.ForEach(output.WriteLine);
            Assert.Equal(137, exit);
            Assert.Contains(stages, s => s.Contains("replacing the dataset", StringComparison.Ordinal));
            Assert.DoesNotContain(stages, s => s.Contains("analysing and committing", StringComparison.Ordinal) || s.Contains("] loaded ", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // Let the server poll the database a few times (it would read a new dataset now if one had been committed).
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await reading;
        output.WriteLine($"{answers.Count} requests during the load and after the kill: "
            + string.Join(", ", answers.GroupBy(a => a).Select(g => $"{(int)g.Key} × {g.Count()}")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.Equal(country, await client.GetStringAsync("/api/indicators/copd-emergency-admissions/areas/X92000001"));
        Assert.Equal(tileBytes, await client.GetByteArrayAsync(tile));

        // PostgreSQL sees the connection gone and ends the killed load's transaction (rolled back, its lock released).
        Assert.True(await NoneInTransaction(database.ConnectionString, TimeSpan.FromSeconds(30)),
            "the killed load's transaction was still open 30 s after the kill");

        // The same rows as before the load, and a fresh reader gets the previous dataset.
        Assert.Equal(counts, await Counts(database.ConnectionString));
        using (var store = new PostgresStore(database.ConnectionString))
        {
            Assert.Equal(version, await store.VersionAsync());
            var read = await store.ReadAsync();
            Assert.Equal(previous.Geography.Count, read.Dataset.Geography.Count);
            StoreParityTests.AssertIndicatorsIdentical(previous, read.Dataset);
        }

        var health = JsonDocument.Parse(await client.GetStringAsync("/api/health")).RootElement;
        Assert.Equal(previous.Geography.Count, health.GetProperty("areas").GetInt32());
    }

    /// <summary>Row counts of every table of the dataset, counted by PostgreSQL.</summary>
    private static async Task<Dictionary<string, long>> Counts(string connectionString)
    {
        string[] tables = ["dataset", "area", "population", "deprivation", "indicator", "indicator_record", "tile_feature"];
        var counts = new Dictionary<string, long>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"select count(*) from geo.{table}", connection);
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>Waits until no backend of the database is inside a transaction.</summary>
    private static async Task<bool> NoneInTransaction(string connectionString, TimeSpan within)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
            + "and (state like 'idle in transaction%' or xact_start is not null)", connection);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Runs <c>geo</c> and sends it SIGKILL as soon as a line of its progress (stderr) matches.</summary>
    private static (List<string> Stages, int ExitCode, TimeSpan KilledAfter) RunAndKill(string[] args, Func<string, bool> killOn)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["GEO_PROGRESS"] = "always"; // its stages, although piped
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "geo.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stages = new List<string>();
        var killedAfter = TimeSpan.Zero;
        while (process.StandardError.ReadLine() is { } line)
        {
            stages.Add(line);
            if (killOn(line))
            {
                process.Kill();   // SIGKILL on Linux
                killedAfter = clock.Elapsed;
                break;
            }
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill();
            throw new TimeoutException("geo load did not end in 5 minutes.");
        }

        stages.AddRange(process.StandardError.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return (stages, process.ExitCode, killedAfter);
    }
}
