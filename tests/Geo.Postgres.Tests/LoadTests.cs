using Geo.Demo;
using Geo.Data.Loading;
using Npgsql;

namespace Geo.Postgres.Tests;

/// <summary><c>geo load</c>: migrations, replacement, and all-or-nothing.</summary>
[Trait("Category", "Database")]
public class LoadTests
{
    [DatabaseFact]
    public async Task LoadOnAnEmptyDatabase_CreatesTheSchemaAtTheNewestVersion()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var store = new PostgresStore(database.ConnectionString);
        var error = await Assert.ThrowsAsync<StoreException>(() => store.ReadAsync());
        Assert.Contains("geo load", error.Message);

        var version = await store.LoadAsync(DatasetLoader.Build(DemoDataset.Generate(7).Source));

        Assert.Equal(version, await store.VersionAsync());
        Assert.Equal(PostgresStore.SchemaVersion, await Scalar<int>(database, "select max(version) from geo.schema_version"));
        Assert.Equal((long)SqlText.Migrations().Count, await Scalar<long>(database, "select count(*) from geo.schema_version"));
    }

    [DatabaseFact]
    public async Task DatabaseOfAnOlderSchema_IsRefusedForReadingThenUpgradedByTheNextLoad()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = SqlText.Migrations()[0];
        await Execute(database, SqlText.Get("extensions") + SqlText.Get("schema_version") + first.Sql
            + $"insert into geo.schema_version (version, name) values ({first.Version}, '{first.Name}');");
        using var store = new PostgresStore(database.ConnectionString);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.ReadAsync());
        Assert.Contains($"schema version {first.Version}", error.Message);
        Assert.Contains("run `geo load` to upgrade", error.Message);

        var demo = DatasetLoader.Build(DemoDataset.Generate(7).Source);
        await store.LoadAsync(demo);
        Assert.Equal(PostgresStore.SchemaVersion, await Scalar<int>(database, "select max(version) from geo.schema_version"));
        Assert.Equal(demo.Flows!.Flows, (await store.ReadAsync()).Dataset.Flows!.Flows);
    }

    [DatabaseFact]
    public async Task SecondLoad_ReplacesTheFirstWithoutReapplyingMigrations()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var store = new PostgresStore(database.ConnectionString);
        var first = await store.LoadAsync(DatasetLoader.Build(DemoDataset.Generate(7).Source));
        var other = DatasetLoader.Build(DemoDataset.Generate(8).Source);
        var second = await store.LoadAsync(other);

        Assert.NotEqual(first, second);
        var read = await store.ReadAsync();
        Assert.Equal(second, read.Version);
        Assert.Equal(other.Geography.Count, read.Dataset.Geography.Count);
        Assert.Equal(other.Geography.Count, await Scalar<long>(database, "select count(*) from geo.area"));
        Assert.Equal((long)SqlText.Migrations().Count, await Scalar<long>(database, "select count(*) from geo.schema_version"));
    }

    [DatabaseFact]
    public async Task LoadFailingHalfWay_LeavesThePreviousDatasetUntouched()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var store = new PostgresStore(database.ConnectionString);
        var first = DatasetLoader.Build(DemoDataset.Generate(7).Source);
        var version = await store.LoadAsync(first);
        var records = await Scalar<long>(database, "select count(*) from geo.indicator_record");

        // Cancelled once the areas and indicators of the new dataset are in, while the tile features are copied.
        using var cancel = new CancellationTokenSource();
        var progress = new Stage(s =>
        {
            if (s.StartsWith("copying", StringComparison.Ordinal) && s.Contains("tile features", StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.LoadAsync(DatasetLoader.Build(DemoDataset.Generate(8).Source), progress, cancel.Token));

        var read = await store.ReadAsync();
        Assert.Equal(version, read.Version);
        Assert.Equal(first.Geography.Count, read.Dataset.Geography.Count);
        Assert.Equal(records, await Scalar<long>(database, "select count(*) from geo.indicator_record"));
        StoreParityTests.AssertIndicatorsIdentical(first, read.Dataset);
    }

    [DatabaseFact]
    public async Task DatabaseOfANewerSchema_IsRefusedWithAClearMessage()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var store = new PostgresStore(database.ConnectionString);
        await store.LoadAsync(DatasetLoader.Build(DemoDataset.Generate(7).Source));
        await Scalar<int>(database, "insert into geo.schema_version (version, name) values (9999, '9999_future') returning version");

        var error = await Assert.ThrowsAsync<StoreException>(() => store.ReadAsync());
        Assert.Contains("9999", error.Message);
        Assert.Contains("upgrade Geo", error.Message);
    }

    private static async Task Execute(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Calls back on the loading thread, at once (Progress&lt;T&gt; would post later).</summary>
    private sealed class Stage(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
