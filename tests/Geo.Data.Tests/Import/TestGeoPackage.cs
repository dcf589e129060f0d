using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Data.Tests.Import;

/// <summary>Writes the smallest GeoPackage the importer needs: the gpkg_* tables and one layer, via SQLite.</summary>
internal static class TestGeoPackage
{
    public const string BngDefinition =
        "PROJCS[\"OSGB36 / British National Grid\",GEOGCS[\"OSGB36\",DATUM[\"Ordnance_Survey_of_Great_Britain_1936\",SPHEROID[\"Airy 1830\",6377563.396,299.3249646]],"
        + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",49],"
        + "PARAMETER[\"central_meridian\",-2],PARAMETER[\"scale_factor\",0.9996012717],PARAMETER[\"false_easting\",400000],"
        + "PARAMETER[\"false_northing\",-100000],UNIT[\"metre\",1]]";

    public const string Wgs84Definition =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";

    /// <summary>A square of <paramref name="size"/> metres (or degrees) with its lower left corner at (x, y).</summary>
    public static Polygon Square(double x, double y, double size) => new GeometryFactory().CreatePolygon(
    [
        new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y),
    ]);

    public static void Create(
        string path,
        string layer,
        int srsId,
        string organization,
        int organizationId,
        string definition,
        IEnumerable<(string? Code, string? Name, Geometry? Geometry)> features)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined', NULL);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);
            INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('notes', 'attributes', 'notes');
            """);
        if (srsId > 0)
        {
            Execute(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ('test', $1, $2, $3, $4, NULL)", srsId, organization, organizationId, definition);
        }

        Execute(connection, $"CREATE TABLE \"{layer}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON, LSOA21CD TEXT, LSOA21NM TEXT)");
        Execute(connection, "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ($1, 'features', $1, $2)", layer, srsId);
        Execute(connection, "INSERT INTO gpkg_geometry_columns VALUES ($1, 'geom', 'MULTIPOLYGON', $2, 0, 0)", layer, srsId);
        var writer = new GeoPackageGeoWriter();
        foreach (var (code, name, geometry) in features)
        {
            if (geometry is not null)
            {
                geometry.SRID = srsId;
            }

            Execute(
                connection,
                $"INSERT INTO \"{layer}\" (geom, LSOA21CD, LSOA21NM) VALUES ($1, $2, $3)",
                geometry is null ? DBNull.Value : writer.Write(geometry),
                (object?)code ?? DBNull.Value,
                (object?)name ?? DBNull.Value);
        }
    }

    private static void Execute(SqliteConnection connection, string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i]);
        }

        command.ExecuteNonQuery();
    }
}
