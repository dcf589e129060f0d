using System.Text.Json;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Sources;
using Geo.Core.Statistics;
using Geo.Model;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Geo.Postgres;

/// <summary>
/// Reads the stored dataset back, in one repeatable-read transaction so that a load committing meanwhile is
/// either wholly seen or not at all. Records come back in their import order, so sums match the files' exactly.
/// </summary>
internal static class DatasetReader
{
    public static async Task<StoredDataset> ReadAsync(PostgresStore store, CancellationToken cancellation)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellation);
        await store.CheckSchemaAsync(connection, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellation);

        string name, vintage, reportJson, version;
        bool synthetic;
        SuppressionPolicy policy;
        await using (var command = new NpgsqlCommand(SqlText.Get("read_dataset"), connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            if (!await reader.ReadAsync(cancellation))
            {
                throw new StoreException($"The database {store.Describe} has the Geo schema but no dataset: load one with `geo load --connection ...`.");
            }

            name = reader.GetString(0);
            synthetic = reader.GetBoolean(1);
            vintage = reader.GetString(2);
            policy = reader.GetBoolean(3) ? new SuppressionPolicy(reader.GetInt32(4), reader.GetInt32(5)) : SuppressionPolicy.None;
            reportJson = reader.GetString(6);
            version = reader.GetString(7);
        }

        var (geography, boundaries) = await ReadAreasAsync(connection, cancellation);
        var bands = await ReadListAsync(connection, "read_age_bands", r => new AgeBand(r.GetInt32(0), r.IsDBNull(1) ? null : r.GetInt32(1)), cancellation);

        var population = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, band, count) in await ReadListAsync(connection, "read_population", r => (r.GetString(0), r.GetInt16(1), r.GetDouble(2)), cancellation))
        {
            if (!population.TryGetValue(code, out var counts))
            {
                population[code] = counts = new double[bands.Count];
            }

            counts[band] = count;
        }

        var deprivation = (await ReadListAsync(connection, "read_deprivation",
                r => new DeprivationRecord(r.GetString(0), r.GetInt16(1), r.IsDBNull(2) ? null : r.GetDouble(2), r.GetInt64(3)), cancellation))
            .ToDictionary(d => d.Neighbourhood, StringComparer.OrdinalIgnoreCase);

        var indicators = await ReadIndicatorsAsync(connection, cancellation);
        var flows = await ReadFlowsAsync(connection, cancellation);
        await transaction.CommitAsync(cancellation);

        var dataset = new Dataset
        {
            Name = name,
            Synthetic = synthetic,
            BoundaryVintage = vintage,
            Geography = geography,
            Boundaries = boundaries,
            AgeBands = bands,
            Population = population,
            Deprivation = deprivation,
            Report = (JsonSerializer.Deserialize<StoredReport>(reportJson) ?? throw new StoreException("The stored dataset report is empty.")).ToReport(),
            Indicators = indicators,
            Flows = flows,
            Suppression = policy,
        };
        return new StoredDataset(dataset, version);
    }

    private static async Task<(Geography Geography, Dictionary<string, Geometry> Boundaries)> ReadAreasAsync(
        NpgsqlConnection connection, CancellationToken cancellation)
    {
        var rows = await ReadListAsync(connection, "read_areas", r => (
            Code: r.GetString(0),
            Name: r.GetString(1),
            Level: (Level)r.GetInt16(2),
            Parent: r.IsDBNull(3) ? null : r.GetString(3),
            Partial: r.GetBoolean(5),
            District: r.IsDBNull(6) ? null : r.GetString(6),
            Boundary: r.IsDBNull(7) ? null : r.GetFieldValue<Geometry>(7)), cancellation);

        // Rows come ordered by level, parent and position among the parent's children.
        var children = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => r.Parent is not null))
        {
            if (!children.TryGetValue(row.Parent!, out var list))
            {
                children[row.Parent!] = list = [];
            }

            list.Add(row.Code);
        }

        var areas = rows.Select(r => new Area(r.Code, r.Name, r.Level, r.Parent,
            children.TryGetValue(r.Code, out var c) ? c : [], r.Partial, r.District)).ToList();
        var root = areas.SingleOrDefault(a => a.ParentCode is null)
            ?? throw new StoreException("The stored areas do not have exactly one root (the country).");
        var boundaries = new Dictionary<string, Geometry>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => r.Boundary is not null))
        {
            boundaries[row.Code] = row.Boundary!;
        }

        return (new Geography(root, areas.Where(a => !ReferenceEquals(a, root))), boundaries);
    }

    private static async Task<List<IndicatorSource>> ReadIndicatorsAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        var bands = (await ReadListAsync(connection, "read_indicator_bands",
                r => (Indicator: r.GetString(0), Band: new AgeBand(r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2))), cancellation))
            .ToLookup(b => b.Indicator, b => b.Band, StringComparer.Ordinal);

        var records = new Dictionary<string, List<IndicatorRecord>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(SqlText.Get("read_indicator_records"), connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            List<IndicatorRecord>? current = null;
            string? currentId = null;
            while (await reader.ReadAsync(cancellation))
            {
                var id = reader.GetString(0);
                if (id != currentId)
                {
                    records[id] = current = [];
                    currentId = id;
                }

                current!.Add(new IndicatorRecord(reader.GetString(1), reader.GetString(2), reader.GetInt16(3), reader.GetDouble(4),
                    reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.GetInt64(6)));
            }
        }

        return await ReadListAsync(connection, "read_indicators", r =>
        {
            var id = r.GetString(0);
            return new IndicatorSource
            {
                Definition = new IndicatorDefinition(
                    id,
                    r.GetString(1),
                    Enum.Parse<IndicatorValueType>(r.GetString(2)),
                    r.GetDouble(3),
                    Enum.Parse<Polarity>(r.GetString(4)),
                    r.GetString(5),
                    r.GetString(6)),
                Periods = r.GetFieldValue<string[]>(7),
                DataLevel = (Level)r.GetInt16(8),
                File = r.GetString(9),
                ImportNotes = r.GetFieldValue<string[]>(10),
                PublicationPool = r.GetInt16(11),
                Origins = Origins(r.GetFieldValue<string[]>(12)),
                Bands = [.. bands[id]],
                Records = records.TryGetValue(id, out var list) ? list : [],
            };
        }, cancellation);
    }

    /// <summary>The 'code=Origin' pairs of an indicator's input_origins column.</summary>
    private static Dictionary<string, InputOrigin> Origins(string[] pairs)
    {
        var origins = new Dictionary<string, InputOrigin>(pairs.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var at = pair.LastIndexOf('=');
            origins[pair[..at]] = Enum.Parse<InputOrigin>(pair[(at + 1)..]);
        }

        return origins;
    }

    private static async Task<FlowSource?> ReadFlowsAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        var source = (await ReadListAsync(connection, "read_flow_source",
            r => (Providers: r.GetString(0), Counts: r.GetString(1), File: r.GetString(2), Notes: r.GetFieldValue<string[]>(3)), cancellation)).SingleOrDefault();
        if (source.File is null)
        {
            return null;
        }

        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, name) in await ReadListAsync(connection, "read_flow_providers", r => (r.GetString(0), r.GetString(1)), cancellation))
        {
            names[code] = name;
        }

        return new FlowSource
        {
            Providers = source.Providers,
            Counts = source.Counts,
            ProviderNames = names,
            Flows = await ReadListAsync(connection, "read_flows",
                r => new ProviderFlow(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetInt64(3)), cancellation),
            File = source.File,
            ImportNotes = source.Notes,
        };
    }

    private static async Task<List<T>> ReadListAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(SqlText.Get(sql), connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellation))
        {
            list.Add(read(reader));
        }

        return list;
    }
}
