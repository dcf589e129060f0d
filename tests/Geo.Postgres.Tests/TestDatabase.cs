using Npgsql;

namespace Geo.Postgres.Tests;

/// <summary>
/// A fresh database with PostGIS on the test server named by <c>GEO_TEST_POSTGRES</c> (an Npgsql connection string
/// of a role that may create databases; <c>.ci/run</c> starts one with <c>scripts/postgres.sh</c>). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Variable = "GEO_TEST_POSTGRES";

    private TestDatabase(string admin, string name)
    {
        Admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>The server's connection string, or null when no test server is configured.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public string Admin { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = Server ?? throw new InvalidOperationException(DatabaseFactAttribute.Message);
        var database = new TestDatabase(admin, "geo_test_" + Guid.NewGuid().ToString("N")[..12]);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database.Name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A test that needs the PostgreSQL test server; skipped with a message without <c>GEO_TEST_POSTGRES</c>.</summary>
public sealed class DatabaseFactAttribute : FactAttribute
{
    public const string Message = "No PostgreSQL test server: set GEO_TEST_POSTGRES to a connection string "
        + "(scripts/postgres.sh start DIR prints one; .ci/run does this).";

    public DatabaseFactAttribute()
    {
        if (TestDatabase.Server is null)
        {
            Skip = Message;
        }
    }

    /// <summary>Also needs the real England data (skipped with <see cref="Geo.Tests.EnglandFactAttribute.Message"/> without it).</summary>
    public bool England
    {
        get => false;
        init
        {
            if (value && Skip is null && Geo.Tests.SharedData.EnglandDirectory is null)
            {
                Skip = Geo.Tests.EnglandFactAttribute.Message;
            }
        }
    }
}

/// <summary>A theory that needs the PostgreSQL test server.</summary>
public sealed class DatabaseTheoryAttribute : TheoryAttribute
{
    public DatabaseTheoryAttribute()
    {
        if (TestDatabase.Server is null)
        {
            Skip = DatabaseFactAttribute.Message;
        }
    }
}
