using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Data.Import;

/// <summary>
/// Reads one feature layer of a GeoPackage (an SQLite file, opened read-only): the layer's table, its
/// geometry column and spatial reference system from the gpkg_* tables, geometry blobs decoded by
/// <see cref="GeoPackageGeoReader"/>. Feature numbers count the rows in rowid (fid) order from 1.
/// </summary>
internal static class GeoPackageBoundaryFile
{
    public static void Read(BoundaryCollector collector)
    {
        var path = collector.Path;
        if (!File.Exists(path))
        {
            throw collector.Error(null, null, "the file does not exist");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            var layer = Layer(connection, collector);
            var (geometryColumn, srsId) = GeometryColumn(connection, collector, layer);
            collector.Claim = Srs(connection, srsId);

            var columns = Strings(connection, "SELECT name FROM pragma_table_info($p)", layer);
            var code = Column(collector, layer, columns, collector.Spec.CodeField);
            var name = collector.Spec.NameField is { } nameField ? Column(collector, layer, columns, nameField) : null;

            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Quote(geometryColumn)}, {Quote(code)}, {(name is null ? "NULL" : Quote(name))} FROM {Quote(layer)} ORDER BY rowid";
            using var rows = command.ExecuteReader();
            var geometryReader = new GeoPackageGeoReader();
            long feature = 0;
            while (rows.Read())
            {
                feature++;
                Geometry? geometry = null;
                if (!rows.IsDBNull(0))
                {
                    try
                    {
                        geometry = geometryReader.Read((byte[])rows.GetValue(0));
                    }
                    catch (Exception e) when (e is ArgumentException or InvalidCastException or ParseException or IOException or InvalidOperationException)
                    {
                        throw collector.Error(feature, geometryColumn, "is not a GeoPackage geometry: " + e.Message, e);
                    }
                }

                collector.Add(feature, Text(rows, 1), Text(rows, 2), geometry);
            }
        }
        catch (SqliteException e)
        {
            throw collector.Error(null, null, "the GeoPackage cannot be read: " + e.Message, e);
        }
    }

    private static string Layer(SqliteConnection connection, BoundaryCollector collector)
    {
        var layers = Strings(connection, "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid", null);
        if (collector.Spec.Layer is not { } wanted)
        {
            return layers.Count > 0 ? layers[0] : throw collector.Error(null, "layer", "the GeoPackage has no feature layer");
        }

        return layers.FirstOrDefault(l => l == wanted)
            ?? layers.FirstOrDefault(l => string.Equals(l, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw collector.Error(
                null,
                "layer",
                $"the GeoPackage has no feature layer '{wanted}'; its feature layers are " + string.Join(", ", layers.Select(l => $"'{l}'")));
    }

    private static (string Column, long SrsId) GeometryColumn(SqliteConnection connection, BoundaryCollector collector, string layer)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = $p COLLATE NOCASE";
        command.Parameters.AddWithValue("$p", layer);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetString(0), reader.GetInt64(1))
            : throw collector.Error(null, "layer", $"layer '{layer}' has no geometry column in gpkg_geometry_columns");
    }

    private static CrsClaim? Srs(SqliteConnection connection, long srsId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT organization, organization_coordsys_id, definition, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = $p";
        command.Parameters.AddWithValue("$p", srsId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return new CrsClaim(null, $"from srs_id {srsId}, which gpkg_spatial_ref_sys does not define");
        }

        var organization = reader.IsDBNull(0) ? string.Empty : reader.GetString(0);
        var definition = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
        var source = $"from gpkg_spatial_ref_sys srs_id {srsId} '{(reader.IsDBNull(3) ? organization : reader.GetString(3))}'";
        if (string.Equals(organization, "EPSG", StringComparison.OrdinalIgnoreCase) && !reader.IsDBNull(1) && reader.GetInt64(1) > 0)
        {
            return new CrsClaim((int)reader.GetInt64(1), source);
        }

        // -1 and 0 are the GeoPackage's "undefined" Cartesian and geographic systems: the file does not say.
        return srsId is -1 or 0 && string.Equals(definition, "undefined", StringComparison.OrdinalIgnoreCase)
            ? null
            : new CrsClaim(CrsClaim.FromWkt(definition), source);
    }

    private static string Column(BoundaryCollector collector, string layer, List<string> columns, string wanted) =>
        columns.FirstOrDefault(c => c == wanted)
        ?? columns.FirstOrDefault(c => string.Equals(c, wanted.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw collector.Error(
            null,
            wanted,
            $"layer '{layer}' has no such column; its columns are " + string.Join(", ", columns.Select(c => $"'{c}'")));

    private static List<string> Strings(SqliteConnection connection, string sql, string? parameter)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("$p", parameter);
        }

        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static string? Text(SqliteDataReader rows, int ordinal) => rows.IsDBNull(ordinal)
        ? null
        : Convert.ToString(rows.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
