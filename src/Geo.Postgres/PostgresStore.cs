using Geo.Model;
using Npgsql;

namespace Geo.Postgres;

/// <summary>
/// A dataset kept in PostgreSQL + PostGIS: <see cref="LoadAsync"/> writes one (schema migrations, binary COPY,
/// all in one transaction), <see cref="ReadAsync"/> reads it back as the same <see cref="Dataset"/> the files
/// give, <see cref="TileSource"/> cuts vector tiles with ST_AsMVT and <see cref="LocatorAsync"/> joins points to
/// neighbourhoods inside the database. One instance per connection string; thread-safe (a pooled data source).
/// </summary>
public sealed class PostgresStore : IAsyncDisposable, IDisposable
{
    public PostgresStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The connection string is not valid: {e.Message}", nameof(connectionString), e);
        }

        Describe = $"{parsed.Host}:{parsed.Port}/{parsed.Database}";
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Tile queries are short but PostGIS's row estimates make them look costly: JIT compilation would add
        // about 200 ms to each for nothing.
        builder.ConnectionStringBuilder.Options = $"{builder.ConnectionStringBuilder.Options} -c jit=off".Trim();
        builder.UseNetTopologySuite();
        DataSource = builder.Build();
    }

    /// <summary>Host, port and database, without credentials: for messages and logs.</summary>
    public string Describe { get; }

    internal NpgsqlDataSource DataSource { get; }

    /// <summary>The schema version this build of Geo writes and reads (the newest migration).</summary>
    public static int SchemaVersion => SqlText.Migrations()[^1].Version;

    /// <summary>
    /// Writes <paramref name="dataset"/> in one transaction, replacing the dataset held before: the schema is
    /// brought up to date first (in the same transaction), so a failure at any point leaves the database as
    /// it was. Readers see the previous dataset until the commit.
    /// </summary>
    /// <returns>The new dataset version.</returns>
    public Task<string> LoadAsync(Dataset dataset, IProgress<string>? progress = null, CancellationToken cancellation = default) =>
        DatasetWriter.WriteAsync(this, dataset, progress, cancellation);

    /// <summary>Reads the current dataset.</summary>
    /// <exception cref="StoreException">The database has no Geo schema, an older or newer one, or no dataset.</exception>
    public Task<StoredDataset> ReadAsync(CancellationToken cancellation = default) => DatasetReader.ReadAsync(this, cancellation);

    /// <summary>The current dataset's version (changes with every load), or null when none is loaded.</summary>
    /// <exception cref="StoreException">The schema is missing or of another version.</exception>
    public async Task<string?> VersionAsync(CancellationToken cancellation = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellation);
        await CheckSchemaAsync(connection, cancellation);
        await using var command = new NpgsqlCommand(SqlText.Get("read_version"), connection);
        return await command.ExecuteScalarAsync(cancellation) as string;
    }

    /// <summary>A tile source serving <paramref name="definition"/>'s level from the stored tile features.</summary>
    public Tiles.ITileSource TileSource(Tiles.AreaTileSource definition) => new PostgisTileSource(DataSource, definition);

    /// <summary>Locates points in the stored neighbourhood polygons, in the database; dispose it when done.</summary>
    /// <param name="connections">Backends each batch is split over (each uses one of the database server's cores);
    /// by default as many as this machine has cores.</param>
    /// <exception cref="StoreException">The database holds no dataset of this schema version.</exception>
    public async Task<PostgisPointLocator> LocatorAsync(
        Spatial.Join.PointCoordinateSystem system, int? connections = null, CancellationToken cancellation = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellation);
        await CheckSchemaAsync(connection, cancellation);
        await using var command = new NpgsqlCommand(SqlText.Get("read_neighbourhood_codes"), connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var codes = new List<string>();
        while (await reader.ReadAsync(cancellation))
        {
            codes.Add(reader.GetString(0));
        }

        return new PostgisPointLocator(DataSource, system, codes, connections ?? Environment.ProcessorCount);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();

    /// <summary>The schema version applied so far: 0 when the database has no Geo schema.</summary>
    internal static async Task<int> SchemaVersionAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using (var exists = new NpgsqlCommand(SqlText.Get("schema_exists"), connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellation))!)
            {
                return 0;
            }
        }

        await using var command = new NpgsqlCommand(SqlText.Get("schema_current"), connection);
        return (int)(await command.ExecuteScalarAsync(cancellation))!;
    }

    internal async Task CheckSchemaAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        var version = await SchemaVersionAsync(connection, cancellation);
        if (version == 0)
        {
            throw new StoreException($"The database {Describe} holds no Geo dataset: load one with `geo load --connection ...`.");
        }

        if (version != SchemaVersion)
        {
            throw new StoreException(version < SchemaVersion
                ? $"The database {Describe} has Geo schema version {version}; this Geo needs {SchemaVersion}: run `geo load` to upgrade it."
                : $"The database {Describe} has Geo schema version {version}, newer than this Geo's {SchemaVersion}: upgrade Geo.");
        }
    }
}
