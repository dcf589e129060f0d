using Geo.Spatial.Join;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Postgres;

/// <summary>
/// Locates points in the database: each batch is split over a few connections, copied (binary COPY) into each
/// session's temporary table and joined to the stored neighbourhood polygons through their GiST index, so only one
/// batch is ever held in memory however large the event file. The connections live as long as the locator; not
/// thread-safe (the join calls it from one thread).
/// </summary>
public sealed class PostgisPointLocator : IPointLocator, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PointCoordinateSystem _system;
    private readonly string[] _codes;
    private readonly Dictionary<string, int> _index;
    private readonly NpgsqlConnection?[] _connections;

    // Fewer points than this per connection are not worth splitting.
    private const int MinimumSlice = 4096;

    internal PostgisPointLocator(NpgsqlDataSource dataSource, PointCoordinateSystem system, IReadOnlyList<string> neighbourhoodCodes, int connections)
    {
        _dataSource = dataSource;
        _system = system;
        _codes = [.. neighbourhoodCodes];
        _connections = new NpgsqlConnection?[Math.Clamp(connections, 1, 64)];
        _index = new Dictionary<string, int>(_codes.Length, StringComparer.Ordinal);
        for (var i = 0; i < _codes.Length; i++)
        {
            _index[_codes[i]] = i;
        }
    }

    public int Count => _codes.Length;

    public string Code(int index) => _codes[index];

    public void LocateAll(ReadOnlyMemory<double> xs, ReadOnlyMemory<double> ys, Memory<int> result, CancellationToken cancellation)
    {
        // One slice per connection, joined at once: each PostgreSQL backend uses one core.
        var slices = Math.Min(_connections.Length, Math.Max(1, xs.Length / MinimumSlice));
        var size = (xs.Length + slices - 1) / slices;
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices, CancellationToken = cancellation }, s =>
        {
            var start = s * size;
            var length = Math.Min(size, xs.Length - start);
            Locate(s, xs.Slice(start, length), ys.Slice(start, length), result.Slice(start, length), cancellation);
        });
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection?.Dispose();
        }
    }

    private void Locate(int slice, ReadOnlyMemory<double> xs, ReadOnlyMemory<double> ys, Memory<int> result, CancellationToken cancellation)
    {
        var connection = _connections[slice] ??= _dataSource.OpenConnection();
        using (var prepare = new NpgsqlCommand(SqlText.Get("join_points_table"), connection))
        {
            prepare.ExecuteNonQuery();
        }

        var x = xs.Span;
        var y = ys.Span;
        using (var writer = connection.BeginBinaryImport(SqlText.Get("copy_points")))
        {
            for (var i = 0; i < x.Length; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                writer.StartRow();
                writer.Write(i, NpgsqlDbType.Integer);
                if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
                {
                    writer.Write(x[i], NpgsqlDbType.Double);
                    writer.Write(y[i], NpgsqlDbType.Double);
                }
                else
                {
                    writer.WriteNull();
                    writer.WriteNull();
                }
            }

            writer.Complete();
        }

        var found = result.Span;
        found.Fill(Spatial.Join.PointIndex.Outside);
        var sql = _system == PointCoordinateSystem.BritishNationalGrid ? "join_bng" : "join_wgs84";
        using var command = new NpgsqlCommand(SqlText.Get(sql), connection) { CommandTimeout = 0 };
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var code = reader.GetString(1);
            found[reader.GetInt32(0)] = _index.TryGetValue(code, out var i)
                ? i
                : throw new StoreException($"Neighbourhood {code} appeared in the database during the join; run it again.");
        }
    }
}
