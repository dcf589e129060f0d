using Geo.Api.Apis;
using Geo.Model;
using Geo.Core.Indicators;
using Geo.Demo;
using Geo.Data.Snapshots;
using Geo.Data.Upload;
using Geo.Postgres;
using Geo.Query;
using Geo.Tiles;
using Microsoft.Extensions.Options;

namespace Geo.Api.Hosting;

/// <summary>
/// Holds the dataset the server answers from: from files (or the demo), loaded once and never changed; or
/// from PostgreSQL (<see cref="GeoOptions.Connection"/>), read at start-up and read again whenever
/// <see cref="RefreshAsync"/> sees that a <c>geo load</c> has replaced it there. Each dataset is served
/// from one immutable snapshot (dataset, search index, tiles), swapped whole, so handlers read it without locks.
/// </summary>
public sealed class DatasetHost : IDisposable
{
    private readonly GeoOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _loading = new();
    private readonly Lock _adding = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Snapshot? _snapshot;
    private volatile string? _unavailable;

    public DatasetHost(IOptions<GeoOptions> options, ILogger<DatasetHost> logger)
    {
        _options = options.Value;
        _logger = logger;
        if (!string.IsNullOrWhiteSpace(_options.Connection))
        {
            Store = new PostgresStore(_options.Connection);
        }
    }

    /// <summary>The database the server answers from, or null when it answers from files.</summary>
    public PostgresStore? Store { get; }

    /// <summary>Why the database cannot be used now (it is down, or holds no dataset), or null when it can.</summary>
    public string? Unavailable => _unavailable;

    /// <exception cref="DatabaseUnavailableException">Serving from a database that has not answered yet.</exception>
    public Dataset Dataset => Current.Dataset;

    /// <summary>Every use case over the dataset served now.</summary>
    public DatasetQueries Queries => Current.Queries;

    /// <summary>The name and code index of every area, built on first use.</summary>
    public AreaSearch Search => Current.Search.Value;

    /// <summary>The tiles of every level: cut in this process, or by PostGIS when serving from a database.</summary>
    public TileCatalog Tiles => Current.Tiles.Value;

    /// <summary>Names the data served: the server's start (files) or the database load; part of every entity tag.</summary>
    public string Version => Current.Version;

    private Snapshot Current => _snapshot ?? FirstSnapshot();

    /// <summary>
    /// Asks the database for its dataset version and reads the dataset again when it changed. Records why the
    /// database cannot be used when it fails, and clears that when it answers again. No-op when serving files.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellation = default)
    {
        if (Store is null)
        {
            return;
        }

        await _refreshing.WaitAsync(cancellation);
        try
        {
            var version = await Store.VersionAsync(cancellation)
                ?? throw new StoreException($"The database {Store.Describe} has the Geo schema but no dataset: load one with `geo load --connection ...`.");
            if (_snapshot?.Version != version)
            {
                var stored = await Store.ReadAsync(cancellation);
                _snapshot = NewSnapshot(stored.Dataset, stored.Version, Store);
                _logger.LogInformation("Read {Name} (load {Version}) from {Database}: {Count} areas.",
                    stored.Dataset.Name, stored.Version, Store.Describe, stored.Dataset.Geography.Count);
            }

            if (_unavailable is not null)
            {
                _logger.LogInformation("The database {Database} answers again.", Store.Describe);
            }

            _unavailable = null;
        }
        catch (Exception e) when (DatabaseUnavailableException.IsDatabaseFailure(e) && !cancellation.IsCancellationRequested)
        {
            MarkUnavailable(e);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// Adds an indicator for the server's lifetime (an upload): <paramref name="read"/> reads it against the dataset served
    /// now, and a new snapshot (the dataset with the indicator, with a new <see cref="Version"/>; search index and tiles
    /// shared, as they do not depend on indicators) is swapped in whole. Additions are made one at a time, so two cannot
    /// lose each other. The caller empties the output cache.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server answers from a database.</exception>
    public IndicatorSource AddIndicator(Func<Dataset, IndicatorSource> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Store is not null)
        {
            throw new InvalidOperationException("Indicators cannot be added to a dataset served from a database.");
        }

        lock (_adding)
        {
            var current = Current;
            var source = read(current.Dataset);
            var dataset = current.Dataset.WithIndicator(source);
            _snapshot = current with { Dataset = dataset, Version = NewVersion(), Queries = new DatasetQueries(dataset) };
            _logger.LogInformation("Added indicator {Id} ({Records} records from {File}).", source.Definition.Id, source.Records.Count, source.File);
            return source;
        }
    }

    /// <summary>Records that a request found the database failing; <see cref="RefreshAsync"/> clears it.</summary>
    public void MarkUnavailable(Exception failure)
    {
        var reason = DatabaseUnavailableException.Describe(failure, Store?.Describe ?? "the database");
        if (_unavailable != reason)
        {
            _logger.LogWarning("The database cannot be used: {Reason}", reason);
        }

        _unavailable = reason;
    }

    public void Dispose()
    {
        Store?.Dispose();
        _refreshing.Dispose();
    }

    private Snapshot FirstSnapshot()
    {
        if (Store is not null)
        {
            // The monitor reads the database; until it has, there is nothing to answer from.
            throw new DatabaseUnavailableException(_unavailable ?? $"The dataset has not been read from {Store.Describe} yet.");
        }

        lock (_loading)
        {
            return _snapshot ??= NewSnapshot(Load(_options, _logger), NewVersion(), store: null);
        }
    }

    private static Snapshot NewSnapshot(Dataset dataset, string version, PostgresStore? store) => new(
        dataset,
        version,
        new DatasetQueries(dataset),
        new Lazy<AreaSearch>(() => new AreaSearch(dataset.Geography)),
        new Lazy<TileCatalog>(() => store is null ? new TileCatalog(dataset) : new TileCatalog(dataset, serve: store.TileSource)));

    private static string NewVersion() => Convert.ToHexStringLower(BitConverter.GetBytes(DateTime.UtcNow.Ticks))[..12];

    private static Dataset Load(GeoOptions options, ILogger logger)
    {
        var (manifest, dataRoot) = (options.Dataset, options.DataRoot);
        Dataset dataset;
        if (options.Snapshot is { Length: > 0 } snapshot)
        {
            dataset = DatasetSnapshot.Read(snapshot, manifest, dataRoot, new LogProgress(logger));
            if (string.IsNullOrWhiteSpace(manifest) && options.IndicatorFile is { Length: > 0 })
            {
                // An uploaded file of 2011 codes is mapped through the manifest's lookup, as when served from the files.
                var origin = DatasetSnapshot.Describe(snapshot);
                (manifest, dataRoot) = (origin.Manifest, origin.DataRoot);
            }
        }
        else
        {
            dataset = DatasetOrDemo.Load(manifest, dataRoot, new LogProgress(logger), options.DemoSeed);
        }

        if (options.IndicatorFile is { Length: > 0 } file)
        {
            dataset = dataset.WithIndicator(IndicatorUpload.ReadFile(file, options.IndicatorFileOptions ?? new IndicatorUploadOptions(), dataset,
                IndicatorUpload.FindLsoa11Lookup(manifest, dataRoot)));
        }

        logger.LogInformation("Loaded {Name}: {Count} areas.", dataset.Name, dataset.Geography.Count);
        return dataset;
    }

    private sealed record Snapshot(Dataset Dataset, string Version, DatasetQueries Queries, Lazy<AreaSearch> Search, Lazy<TileCatalog> Tiles);

    /// <summary>Logs each loading stage as it happens (Progress&lt;T&gt; would post them out of order).</summary>
    private sealed class LogProgress(ILogger logger) : IProgress<string>
    {
        public void Report(string value) => logger.LogInformation("{Stage}", value);
    }
}
