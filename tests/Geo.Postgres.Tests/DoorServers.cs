using System.Net;
using Geo.Api.Hosting;
using Geo.Model;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Postgres.Tests;

/// <summary>
/// The three doors onto the demo: the API served from files, a fresh database filled by <c>geo load</c> (run as a user
/// runs it), and the API served from that database (<c>geo serve --connection</c>). The command line is run per request
/// with <see cref="Geo(string[])"/>. Shared by a test class; nothing starts without <c>GEO_TEST_POSTGRES</c>.
/// </summary>
public sealed class DoorServers : IAsyncLifetime
{
    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _files;
    private WebApplicationFactory<Program>? _store;

    public HttpClient Files { get; private set; } = null!;

    public HttpClient Store { get; private set; } = null!;

    public string ConnectionString => _database!.ConnectionString;

    /// <summary>The dataset the server from files holds: only to enumerate what to ask, never to compute an answer.</summary>
    public Dataset Dataset => _files!.Services.GetRequiredService<DatasetHost>().Dataset;

    public string Folder { get; } = Directory.CreateTempSubdirectory("geo-doors-").FullName;

    public async Task InitializeAsync()
    {
        if (TestDatabase.Server is null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync();
        var (exit, _, error) = Geo("load", "--connection", ConnectionString);
        Assert.True(exit == 0, error);
        _files = new WebApplicationFactory<Program>();
        _store = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Geo:Connection", ConnectionString));
        Files = _files.CreateClient();
        Store = _store.CreateClient();
        await WaitUntilReady(Store);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_files is not null)
        {
            await _files.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Runs <c>geo</c> as a separate process, as a user would.</summary>
    public static (int ExitCode, string Output, string Error) Geo(params string[] args) => Cli.Tests.GeoProcess.Run(args);

    /// <summary>Waits until a server reading a database answers its health check.</summary>
    internal static async Task WaitUntilReady(HttpClient client)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the server did not read the database within 10 s");
    }
}
