using Geo.Tiles;
using Npgsql;

namespace Geo.Postgres;

/// <summary>
/// Vector tiles of one level cut by PostGIS (ST_AsMVT) from the tile features <c>geo load</c> stored per zoom band,
/// clipped, rounded and filtered as the in-process encoder does (Sql/tile.sql), so they carry the same features,
/// ids and properties as the in-process tiles. Thread-safe.
/// </summary>
internal sealed class PostgisTileSource(NpgsqlDataSource dataSource, AreaTileSource definition) : ITileSource
{
    public TileSourceInfo Info { get; } = definition.Info;

    public byte[] GetTile(TileCoordinate tile, CancellationToken cancellation = default)
    {
        if (!tile.IsInGrid || tile.Z > Info.MaxZoom)
        {
            throw new ArgumentOutOfRangeException(nameof(tile), tile, $"Tile {tile} is outside zooms 0-{Info.MaxZoom} or the grid.");
        }

        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand(SqlText.Get("tile"), connection);
        command.Parameters.AddWithValue("layer", Info.Id);
        command.Parameters.AddWithValue("minx", tile.MinX);
        command.Parameters.AddWithValue("maxy", tile.MaxY);
        command.Parameters.AddWithValue("scale", (double)TileSettings.Extent / tile.Size);
        command.Parameters.AddWithValue("level", (short)definition.Level);
        command.Parameters.AddWithValue("band", (short)Math.Min(tile.Z, definition.BandCount - 1));
        using var registration = cancellation.Register(command.Cancel);
        return command.ExecuteScalar() as byte[] ?? [];
    }
}
