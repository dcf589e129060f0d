using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Geo.Demo;
using Geo.Data.Loading;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace Geo.Postgres.Tests;

/// <summary>
/// PostgreSQL itself stopped under load and started again (not a cut connection: a real fast shutdown of a server of the
/// test's own): while it is away every request answers 503 ProblemDetails naming the reason with a Retry-After, quickly;
/// none hangs; once it is back everything answers 200 again without restarting the server.
/// </summary>
[Trait("Category", "Database")]
public class DatabaseStopTests(ITestOutputHelper output)
{
    private const string Indicator = "/api/indicators/copd-emergency-admissions";

    private static readonly string[] FixedPaths =
        ["/api/areas/X92000001", $"{Indicator}/areas/X54000002/children", $"{Indicator}/areas/X06000005/hotspots?by=excess"];

    /// <summary>No request may take longer than this, before, during or after the outage.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>The server polls the database every 2 s (its default); this is what it may take to notice either way
    /// (two polls and a margin for a busy machine).</summary>
    private static readonly TimeSpan Notice = TimeSpan.FromSeconds(5);

    [OwnPostgresFact]
    public async Task PostgresStoppedUnderLoad_Answers503WithTheReasonQuickly_ThenRecoversWithoutARestart()
    {
        await using var postgres = OwnPostgres.Start();
        using (var store = new PostgresStore(postgres.ConnectionString))
        {
            await store.LoadAsync(DatasetLoader.Build(DemoDataset.Generate().Source));
        }

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Geo:Connection", postgres.ConnectionString));
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        await DoorServers.WaitUntilReady(client);
        var bounds = JsonDocument.Parse(await client.GetStringAsync("/tiles/neighbourhood.json")).RootElement.GetProperty("bounds")
            .EnumerateArray().Select(b => b.GetDouble()).ToArray();

        // The first answers of a server publish the indicator and make its tile catalogue (seconds on a busy machine):
        // not part of the fault.
        foreach (var path in FixedPaths)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }

        for (var z = 12; z <= 14; z++)
        {
            var (x, y) = TileParityTests.TileOf((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, z);
            Assert.True((await client.GetAsync($"/tiles/neighbourhood/{z}/{x}/{y}.mvt")).IsSuccessStatusCode);
        }

        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentBag<Answer>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(() => Drive(client, bounds, w, clock, answers, stop.Token))).ToList();

        // Warm: at least 2 s and 200 answers (the first tiles wait for the tile catalogue) before the stop.
        await Task.Delay(TimeSpan.FromSeconds(2));
        while (answers.Count < 200)
        {
            await Task.Delay(100);
        }

        var pausing = clock.Elapsed;
        postgres.Pause();
        var down = clock.Elapsed;
        await Task.Delay(Notice + TimeSpan.FromSeconds(3));

        // While it is away: health and every other request say why, with a Retry-After.
        var health = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("application/problem+json", health.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(health.Headers.RetryAfter);
        var problem = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Database unavailable", problem.GetProperty("title").GetString());
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        var port = new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString).Port;
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"127.0.0.1:{port}/geo cannot be reached", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Username", detail, StringComparison.OrdinalIgnoreCase);

        var resuming = clock.Elapsed;
        postgres.Resume();
        var up = clock.Elapsed;
        await Task.Delay(Notice + TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);

        var all = answers.OrderBy(a => a.Started).ToList();
        var before = all.Where(a => a.Finished < pausing).ToList();
        var away = all.Where(a => a.Started > down + Notice && a.Finished < resuming).ToList();
        var after = all.Where(a => a.Started > up + Notice).ToList();
        var firstUnavailable = all.FirstOrDefault(a => a.Status == 503);
        var lastUnavailable = all.LastOrDefault(a => a.Status == 503);
        output.WriteLine(FormattableString.Invariant(
            $"{all.Count} requests by 8 clients; stop took {(down - pausing).TotalSeconds:F2} s, start {(up - resuming).TotalSeconds:F2} s"));
        output.WriteLine(FormattableString.Invariant(
            $"before: {before.Count}, all 200 or 204: {before.All(a => a.Status is 200 or 204)}; slowest {Slowest(before)} ({before.MaxBy(a => a.Finished - a.Started)?.Path})"));
        var firstAt = firstUnavailable is null ? "none" : FormattableString.Invariant($"{(firstUnavailable.Started - pausing).TotalSeconds:F2} s after the stop began (negative: during it)");
        output.WriteLine(FormattableString.Invariant(
            $"first 503 {firstAt}; away: {away.Count}, 503s: {away.Count(a => a.Status == 503)}; 503 latency median {Percentile(away, 50)}, p99 {Percentile(away, 99)}, slowest {Slowest(away)}"));
        var lastAt = lastUnavailable is null ? "none" : FormattableString.Invariant($"{(lastUnavailable.Started - up).TotalSeconds:F2} s after the server was up");
        output.WriteLine($"last 503 {lastAt}; after: {after.Count}, all 200 or 204: {after.All(a => a.Status is 200 or 204)}; slowest {Slowest(after)}");
        output.WriteLine("reasons: " + string.Join("; ", all.Where(a => a.Status == 503)
            .Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("detail").GetString()).Distinct()));
        output.WriteLine("statuses: " + string.Join(", ", all.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}")));
        foreach (var odd in all.Where(a => a.Status is not (200 or 204 or 503)).Take(5))
        {
            output.WriteLine($"{odd.Status} {odd.Path}: {odd.Body}");
        }

        Assert.All(all, a => Assert.True(a.Status is 200 or 204 or 503, $"{a.Path} answered {a.Status}: {a.Body}"));
        Assert.All(all, a => Assert.True(a.Finished - a.Started < Bound,
            FormattableString.Invariant($"{a.Path} took {(a.Finished - a.Started).TotalSeconds:F1} s (status {a.Status})")));
        Assert.NotEmpty(before);
        Assert.All(before, a => Assert.True(a.Status is 200 or 204, $"{a.Path} answered {a.Status} before the stop: {a.Body}"));
        Assert.NotEmpty(away);
        Assert.All(away, a => Assert.True(a.Status == 503 && a.Problem && a.RetryAfter,
            $"{a.Path} answered {a.Status} while the database was away: {a.Body}"));
        // Every 503 names the database and why (away, or shutting down), never a query it refused.
        Assert.All(all.Where(a => a.Status == 503), a => Assert.True(
            a.Body.Contains($"127.0.0.1:{port}/geo cannot be reached", StringComparison.Ordinal)
            || a.Body.Contains($"127.0.0.1:{port}/geo is shut down or restarting", StringComparison.Ordinal),
            $"{a.Path}: {a.Body}"));
        Assert.NotEmpty(after);
        Assert.All(after, a => Assert.True(a.Status is 200 or 204, $"{a.Path} answered {a.Status} after the database was back: {a.Body}"));
    }

    private static string Slowest(List<Answer> answers) => answers.Count == 0
        ? "-"
        : FormattableString.Invariant($"{answers.Max(a => (a.Finished - a.Started).TotalMilliseconds):F0} ms");

    private static string Percentile(List<Answer> answers, int percent)
    {
        var unavailable = answers.Where(a => a.Status == 503).Select(a => (a.Finished - a.Started).TotalMilliseconds).Order().ToList();
        return unavailable.Count == 0
            ? "-"
            : string.Create(CultureInfo.InvariantCulture, $"{unavailable[Math.Min(unavailable.Count - 1, unavailable.Count * percent / 100)]:F1} ms");
    }

    /// <summary>One client: the demo's country, a system's children, a place's hotspots and random neighbourhood tiles (cut by PostGIS), in turn.</summary>
    private static async Task Drive(HttpClient client, double[] bounds, int worker, Stopwatch clock, ConcurrentBag<Answer> answers, CancellationToken stop)
    {
        var random = new Random(worker);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            string path;
            if (i % 2 == 0)
            {
                path = FixedPaths[i / 2 % FixedPaths.Length];
            }
            else
            {
                var z = 12 + random.Next(3);
                var (x0, y0) = TileParityTests.TileOf(bounds[0], bounds[3], z);
                var (x1, y1) = TileParityTests.TileOf(bounds[2], bounds[1], z);
                path = $"/tiles/neighbourhood/{z}/{random.Next(x0, x1 + 1)}/{random.Next(y0, y1 + 1)}.mvt";
            }

            var started = clock.Elapsed;
            using var response = await client.GetAsync(path, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            answers.Add(new Answer(path, started, clock.Elapsed, (int)response.StatusCode,
                response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    && body.Contains("\"title\":\"Database unavailable\"", StringComparison.Ordinal),
                response.Headers.RetryAfter is not null,
                response.StatusCode == HttpStatusCode.OK ? "" : body));
        }
    }

    private sealed record Answer(string Path, TimeSpan Started, TimeSpan Finished, int Status, bool Problem, bool RetryAfter, string Body);
}
