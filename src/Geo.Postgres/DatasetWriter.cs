using System.Text.Json;
using Geo.Core.Geography;
using Geo.Model;
using Geo.Spatial.Projection;
using Geo.Tiles;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Postgres;

/// <summary>
/// <c>geo load</c>: migrations, then every table emptied and refilled by binary COPY, in one transaction
/// under an advisory lock (two loads never interleave). Nothing is visible to readers before the commit.
/// </summary>
internal static class DatasetWriter
{
    // pg_advisory_xact_lock key: "geo-load" in ASCII.
    private const long LoadLock = 0x67656f2d6c6f6164;

    public static async Task<string> WriteAsync(PostgresStore store, Dataset dataset, IProgress<string>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        // The slow part, simplifying every level's tile bands, is done before the transaction opens.
        progress?.Report("simplifying the tile features of every level and zoom band");
        var catalog = new TileCatalog(dataset, cacheBytes: 0);
        var tileFeatures = catalog.Sources
            .SelectMany(source => Enumerable.Range(0, source.BandCount)
                .Select(band => (source.Level, Band: band, Features: source.BandFeatures(band).ToList())))
            .ToList();

        await using (var first = await store.DataSource.OpenConnectionAsync(cancellation))
        {
            await ExecuteAsync(first, SqlText.Get("extensions"), cancellation);
        }

        // Connections opened before PostGIS existed in this database do not know its types.
        await store.DataSource.ReloadTypesAsync(cancellation);
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await ExecuteAsync(connection, SqlText.Get("load_lock"), cancellation, ("key", LoadLock));
        await MigrateAsync(connection, progress, cancellation);

        progress?.Report($"replacing the dataset in {store.Describe}");
        await ExecuteAsync(connection, SqlText.Get("clear"), cancellation);

        var version = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..12];
        await WriteDatasetRowAsync(connection, dataset, version, cancellation);
        progress?.Report($"copying {dataset.Geography.Count:N0} areas with their boundaries");
        await WriteAreasAsync(connection, dataset, cancellation);
        await WritePopulationAsync(connection, dataset, cancellation);
        await WriteDeprivationAsync(connection, dataset, cancellation);
        progress?.Report($"copying {dataset.Indicators.Count} indicators ({dataset.Indicators.Sum(i => i.Records.Count):N0} records)");
        await WriteIndicatorsAsync(connection, dataset, cancellation);
        await WriteFlowsAsync(connection, dataset, cancellation);
        progress?.Report($"copying {tileFeatures.Sum(t => t.Features.Count):N0} tile features");
        await WriteTileFeaturesAsync(connection, tileFeatures, cancellation);

        progress?.Report("analysing and committing");
        await ExecuteAsync(connection, SqlText.Get("analyze"), cancellation);
        await transaction.CommitAsync(cancellation);
        return version;
    }

    /// <summary>Applies the migrations newer than the database's schema version, in order, in the caller's transaction.</summary>
    private static async Task MigrateAsync(NpgsqlConnection connection, IProgress<string>? progress, CancellationToken cancellation)
    {
        await ExecuteAsync(connection, SqlText.Get("schema_version"), cancellation);
        var current = await PostgresStore.SchemaVersionAsync(connection, cancellation);
        foreach (var (version, name, sql) in SqlText.Migrations().Where(m => m.Version > current))
        {
            progress?.Report($"applying schema migration {name}");
            await ExecuteAsync(connection, sql, cancellation);
            await ExecuteAsync(connection, SqlText.Get("schema_record"), cancellation, ("version", version), ("name", name));
        }
    }

    private static async Task WriteDatasetRowAsync(NpgsqlConnection connection, Dataset dataset, string version, CancellationToken cancellation)
    {
        var policy = dataset.Suppression;
        await ExecuteAsync(connection, SqlText.Get("write_dataset"), cancellation,
            ("name", dataset.Name),
            ("synthetic", dataset.Synthetic),
            ("vintage", dataset.BoundaryVintage),
            ("enabled", policy.IsEnabled),
            ("min", policy.MinimumHidden),
            ("max", policy.MaximumHidden),
            ("report", JsonSerializer.Serialize(StoredReport.From(dataset.Report))),
            ("version", version));
    }

    private static async Task WriteAreasAsync(NpgsqlConnection connection, Dataset dataset, CancellationToken cancellation)
    {
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var area in dataset.Geography.Areas)
        {
            for (var i = 0; i < area.ChildCodes.Count; i++)
            {
                ordinals[area.ChildCodes[i]] = i;
            }
        }

        await using var writer = await connection.BeginBinaryImportAsync(
            SqlText.Get("copy_area"), cancellation);
        foreach (var level in Enum.GetValues<Level>())
        {
            foreach (var area in dataset.Geography.AtLevel(level))
            {
                await writer.StartRowAsync(cancellation);
                await writer.WriteAsync(area.Code, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(area.Name, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync((short)area.Level, NpgsqlDbType.Smallint, cancellation);
                await WriteNullableAsync(writer, area.ParentCode, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(ordinals.GetValueOrDefault(area.Code), NpgsqlDbType.Integer, cancellation);
                await writer.WriteAsync(area.IsPartial, NpgsqlDbType.Boolean, cancellation);
                await WriteNullableAsync(writer, area.DistrictCode, NpgsqlDbType.Text, cancellation);
                if (dataset.Boundaries.TryGetValue(area.Code, out var boundary))
                {
                    var bng = boundary.Copy();
                    bng.SRID = 27700;
                    await writer.WriteAsync(bng, NpgsqlDbType.Geometry, cancellation);
                    if (area.Level == Level.Neighbourhood)
                    {
                        var wgs84 = BritishNationalGrid.ToWgs84(boundary);
                        wgs84.SRID = 4326;
                        await writer.WriteAsync(wgs84, NpgsqlDbType.Geometry, cancellation);
                    }
                    else
                    {
                        await writer.WriteNullAsync(cancellation);
                    }
                }
                else
                {
                    await writer.WriteNullAsync(cancellation);
                    await writer.WriteNullAsync(cancellation);
                }
            }
        }

        await writer.CompleteAsync(cancellation);
    }

    private static async Task WritePopulationAsync(NpgsqlConnection connection, Dataset dataset, CancellationToken cancellation)
    {
        await using (var bands = await connection.BeginBinaryImportAsync(SqlText.Get("copy_age_band"), cancellation))
        {
            for (var i = 0; i < dataset.AgeBands.Count; i++)
            {
                await bands.StartRowAsync(cancellation);
                await bands.WriteAsync((short)i, NpgsqlDbType.Smallint, cancellation);
                await bands.WriteAsync(dataset.AgeBands[i].From, NpgsqlDbType.Integer, cancellation);
                await WriteNullableAsync(bands, dataset.AgeBands[i].To, NpgsqlDbType.Integer, cancellation);
            }

            await bands.CompleteAsync(cancellation);
        }

        await using var writer = await connection.BeginBinaryImportAsync(SqlText.Get("copy_population"), cancellation);
        foreach (var (code, counts) in dataset.Population)
        {
            for (var band = 0; band < counts.Length; band++)
            {
                await writer.StartRowAsync(cancellation);
                await writer.WriteAsync(code, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync((short)band, NpgsqlDbType.Smallint, cancellation);
                await writer.WriteAsync(counts[band], NpgsqlDbType.Double, cancellation);
            }
        }

        await writer.CompleteAsync(cancellation);
    }

    private static async Task WriteDeprivationAsync(NpgsqlConnection connection, Dataset dataset, CancellationToken cancellation)
    {
        await using var writer = await connection.BeginBinaryImportAsync(SqlText.Get("copy_deprivation"), cancellation);
        foreach (var record in dataset.Deprivation.Values)
        {
            await writer.StartRowAsync(cancellation);
            await writer.WriteAsync(record.Neighbourhood, NpgsqlDbType.Text, cancellation);
            await writer.WriteAsync((short)record.Decile, NpgsqlDbType.Smallint, cancellation);
            await WriteNullableAsync(writer, record.Score, NpgsqlDbType.Double, cancellation);
            await writer.WriteAsync(record.Line, NpgsqlDbType.Bigint, cancellation);
        }

        await writer.CompleteAsync(cancellation);
    }

    private static async Task WriteIndicatorsAsync(NpgsqlConnection connection, Dataset dataset, CancellationToken cancellation)
    {
        await using (var writer = await connection.BeginBinaryImportAsync(
            SqlText.Get("copy_indicator"),
            cancellation))
        {
            for (var i = 0; i < dataset.Indicators.Count; i++)
            {
                var source = dataset.Indicators[i];
                var d = source.Definition;
                await writer.StartRowAsync(cancellation);
                await writer.WriteAsync(d.Id, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellation);
                await writer.WriteAsync(d.Name, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(d.ValueType.ToString(), NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(d.Multiplier, NpgsqlDbType.Double, cancellation);
                await writer.WriteAsync(d.Polarity.ToString(), NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(d.Unit, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(d.Source, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(source.Periods.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync((short)source.DataLevel, NpgsqlDbType.Smallint, cancellation);
                await writer.WriteAsync(source.File, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(source.ImportNotes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync((short)source.PublicationPool, NpgsqlDbType.Smallint, cancellation);
                await writer.WriteAsync(source.Origins.Select(o => $"{o.Key}={o.Value}").Order(StringComparer.Ordinal).ToArray(),
                    NpgsqlDbType.Array | NpgsqlDbType.Text, cancellation);
            }

            await writer.CompleteAsync(cancellation);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            SqlText.Get("copy_indicator_band"), cancellation))
        {
            foreach (var source in dataset.Indicators)
            {
                for (var b = 0; b < source.Bands.Count; b++)
                {
                    await writer.StartRowAsync(cancellation);
                    await writer.WriteAsync(source.Definition.Id, NpgsqlDbType.Text, cancellation);
                    await writer.WriteAsync((short)b, NpgsqlDbType.Smallint, cancellation);
                    await writer.WriteAsync(source.Bands[b].From, NpgsqlDbType.Integer, cancellation);
                    await WriteNullableAsync(writer, source.Bands[b].To, NpgsqlDbType.Integer, cancellation);
                }
            }

            await writer.CompleteAsync(cancellation);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            SqlText.Get("copy_indicator_record"), cancellation))
        {
            foreach (var source in dataset.Indicators)
            {
                var records = source.Records;
                for (var seq = 0; seq < records.Count; seq++)
                {
                    var r = records[seq];
                    await writer.StartRowAsync(cancellation);
                    await writer.WriteAsync(source.Definition.Id, NpgsqlDbType.Text, cancellation);
                    await writer.WriteAsync(seq, NpgsqlDbType.Integer, cancellation);
                    await writer.WriteAsync(r.Area, NpgsqlDbType.Text, cancellation);
                    await writer.WriteAsync(r.Period, NpgsqlDbType.Text, cancellation);
                    await writer.WriteAsync((short)r.Band, NpgsqlDbType.Smallint, cancellation);
                    await writer.WriteAsync(r.Numerator, NpgsqlDbType.Double, cancellation);
                    await WriteNullableAsync(writer, r.Denominator, NpgsqlDbType.Double, cancellation);
                    await writer.WriteAsync(r.Line, NpgsqlDbType.Bigint, cancellation);
                }
            }

            await writer.CompleteAsync(cancellation);
        }
    }

    private static async Task WriteFlowsAsync(NpgsqlConnection connection, Dataset dataset, CancellationToken cancellation)
    {
        if (dataset.Flows is not { } flows)
        {
            return;
        }

        await ExecuteAsync(connection, SqlText.Get("write_flow_source"), cancellation,
            ("providers", flows.Providers), ("counts", flows.Counts), ("file", flows.File), ("notes", flows.ImportNotes.ToArray()));
        await using (var writer = await connection.BeginBinaryImportAsync(SqlText.Get("copy_flow_provider"), cancellation))
        {
            var ordinal = 0;
            foreach (var (code, name) in flows.ProviderNames)
            {
                await writer.StartRowAsync(cancellation);
                await writer.WriteAsync(ordinal++, NpgsqlDbType.Integer, cancellation);
                await writer.WriteAsync(code, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(name, NpgsqlDbType.Text, cancellation);
            }

            await writer.CompleteAsync(cancellation);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(SqlText.Get("copy_flow"), cancellation))
        {
            for (var seq = 0; seq < flows.Flows.Count; seq++)
            {
                var flow = flows.Flows[seq];
                await writer.StartRowAsync(cancellation);
                await writer.WriteAsync(seq, NpgsqlDbType.Integer, cancellation);
                await writer.WriteAsync(flow.Provider, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(flow.Neighbourhood, NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync(flow.Count, NpgsqlDbType.Double, cancellation);
                await writer.WriteAsync(flow.Line, NpgsqlDbType.Bigint, cancellation);
            }

            await writer.CompleteAsync(cancellation);
        }
    }

    private static async Task WriteTileFeaturesAsync(
        NpgsqlConnection connection, List<(Level Level, int Band, List<TileFeature> Features)> bands, CancellationToken cancellation)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            SqlText.Get("copy_tile_feature"), cancellation);
        foreach (var (level, band, features) in bands)
        {
            foreach (var feature in features)
            {
                var properties = feature.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                await writer.StartRowAsync(cancellation);
                await writer.WriteAsync((short)level, NpgsqlDbType.Smallint, cancellation);
                await writer.WriteAsync((short)band, NpgsqlDbType.Smallint, cancellation);
                await writer.WriteAsync((long)feature.Id, NpgsqlDbType.Bigint, cancellation);
                await writer.WriteAsync((string)properties["code"], NpgsqlDbType.Text, cancellation);
                await writer.WriteAsync((string)properties["name"], NpgsqlDbType.Text, cancellation);
                await WriteNullableAsync(writer, properties.GetValueOrDefault("parent") as string, NpgsqlDbType.Text, cancellation);
                await WriteNullableAsync(writer, properties.GetValueOrDefault("partial") as bool?, NpgsqlDbType.Boolean, cancellation);
                await writer.WriteAsync(feature.Mercator, NpgsqlDbType.Geometry, cancellation);
            }
        }

        await writer.CompleteAsync(cancellation);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellation)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellation);
        }
        else
        {
            await writer.WriteAsync(value, type, cancellation);
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellation);
    }
}
