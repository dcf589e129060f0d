using Geo.Model;
using Geo.Demo;
using Geo.Data.Loading;

namespace Geo.Postgres.Tests;

/// <summary>The demo dataset built in memory and loaded into a fresh database, read back once. Shared by a test class.</summary>
public sealed class DemoStore : IAsyncLifetime
{
    private TestDatabase? _database;

    public Dataset Memory { get; } = DatasetLoader.Build(DemoDataset.Generate().Source);

    public Dataset Stored { get; private set; } = null!;

    public string Version { get; private set; } = "";

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        if (TestDatabase.Server is null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync();
        using var store = new PostgresStore(ConnectionString);
        Version = await store.LoadAsync(Memory);
        Stored = (await store.ReadAsync()).Dataset;
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
