using System.Text.Json;
using Geo.Core.Indicators;
using Geo.Spatial.Projection;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Data.Export;

/// <summary>
/// Writes published indicator rows as a GeoPackage 1.3 (an SQLite file, as QGIS and GDAL read it): one feature layer
/// whose columns are <see cref="IndicatorColumns"/> typed as the schema says (text TEXT, number REAL, integer INTEGER,
/// null where the row has none) and whose geometry is each area's boundary as a MULTIPOLYGON in British National Grid
/// (EPSG:27700, metres: the dataset's own coordinates, with no datum shift applied). The export metadata is the layer's
/// description (in words) and, whole, a JSON document in <c>gpkg_metadata</c> referenced to the layer (the GeoPackage
/// metadata extension). Written through a temporary file, so a failure never leaves half a file. Stateless and
/// thread-safe.
/// </summary>
public static class GeoPackageExporter
{
    /// <summary>The <c>md_standard_uri</c> of the metadata row: this project's export metadata (docs/data.md, "Exports").</summary>
    public const string MetadataStandard = "urn:x-geo:export-metadata";

    // OGC WKT 1 of the two systems the file names (EPSG's definitions); readers go by organization and code.
    private const string BritishNationalGridWkt =
        "PROJCS[\"OSGB36 / British National Grid\",GEOGCS[\"OSGB36\",DATUM[\"Ordnance_Survey_of_Great_Britain_1936\","
        + "SPHEROID[\"Airy 1830\",6377563.396,299.3249646,AUTHORITY[\"EPSG\",\"7001\"]],AUTHORITY[\"EPSG\",\"6277\"]],"
        + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
        + "AUTHORITY[\"EPSG\",\"4277\"]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",49],"
        + "PARAMETER[\"central_meridian\",-2],PARAMETER[\"scale_factor\",0.9996012717],PARAMETER[\"false_easting\",400000],"
        + "PARAMETER[\"false_northing\",-100000],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],"
        + "AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"27700\"]]";

    private const string Wgs84Wkt =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
        + "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
        + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],"
        + "AUTHORITY[\"EPSG\",\"4326\"]]";

    /// <summary>The layer's name for an indicator: its id with dashes as underscores (a plain SQL name).</summary>
    public static string LayerName(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Id.Replace('-', '_');
    }

    /// <summary>Writes the rows to <paramref name="path"/> (replacing it); <paramref name="boundaries"/> are in British National Grid.</summary>
    public static void WriteFile(string path, IEnumerable<IndicatorRow> rows, IndicatorDefinition definition,
        IReadOnlyDictionary<string, Geometry> boundaries, ExportMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(metadata);
        AtomicFile.Write(path, temporary => Write(temporary, [.. rows], definition, boundaries, metadata));
    }

    private static void Write(string path, IReadOnlyList<IndicatorRow> rows, IndicatorDefinition definition,
        IReadOnlyDictionary<string, Geometry> boundaries, ExportMetadata metadata)
    {
        var layer = LayerName(definition);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute(connection, "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300; PRAGMA journal_mode = OFF;");
        using var transaction = connection.BeginTransaction();
        CreateCoreTables(connection);
        var columns = IndicatorColumns.All;
        Execute(connection, $"CREATE TABLE {Quote(layer)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON, "
            + string.Join(", ", columns.Select(c => $"{Quote(c.Name)} {SqlType(c.Type)}{(c.Nullable ? "" : " NOT NULL")}")) + ")");

        var envelope = new Envelope();
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO {Quote(layer)} (geom, {string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES "
                + $"($g, {string.Join(", ", columns.Select((_, i) => $"$c{i}"))})";
            var geometry = insert.Parameters.Add("$g", SqliteType.Blob);
            var cells = columns.Select((c, i) => insert.Parameters.Add($"$c{i}", SqlParameterType(c.Type))).ToArray();
            var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
            foreach (var row in rows)
            {
                if (boundaries.TryGetValue(row.Area.Code, out var boundary))
                {
                    var multi = AsMultiPolygon(boundary);
                    envelope.ExpandToInclude(multi.EnvelopeInternal);
                    geometry.Value = writer.Write(multi);
                }
                else
                {
                    geometry.Value = DBNull.Value;
                }

                for (var c = 0; c < columns.Count; c++)
                {
                    cells[c].Value = Cell(columns[c], row, definition);
                }

                insert.ExecuteNonQuery();
            }
        }

        var description = $"{metadata.IndicatorName}, {metadata.Period}: {metadata.Selection} ({metadata.Dataset}"
            + $"{(metadata.Synthetic ? ", synthetic" : "")}). {metadata.Unit}. {metadata.SuppressionRule}";
        Execute(connection,
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) "
            + "VALUES ($t, 'features', $i, $d, $x0, $y0, $x1, $y1, $srs)",
            ("$t", layer), ("$i", $"{metadata.IndicatorName}, {metadata.Period}"), ("$d", description),
            ("$x0", envelope.IsNull ? DBNull.Value : envelope.MinX), ("$y0", envelope.IsNull ? DBNull.Value : envelope.MinY),
            ("$x1", envelope.IsNull ? DBNull.Value : envelope.MaxX), ("$y1", envelope.IsNull ? DBNull.Value : envelope.MaxY),
            ("$srs", BritishNationalGrid.Srid));
        Execute(connection, "INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', 'MULTIPOLYGON', $srs, 0, 0)",
            ("$t", layer), ("$srs", BritishNationalGrid.Srid));
        Execute(connection, "INSERT INTO gpkg_metadata (id, md_scope, md_standard_uri, mime_type, metadata) VALUES (1, 'dataset', $u, 'application/json', $m)",
            ("$u", MetadataStandard), ("$m", JsonSerializer.Serialize(metadata, IndicatorExporter.MetadataJson)));
        Execute(connection, "INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) VALUES ('table', $t, 1)", ("$t", layer));
        transaction.Commit();
    }

    /// <summary>The tables every GeoPackage has, and those of the metadata extension (OGC 12-128r18, 2.1, 2.4 and F.8).</summary>
    private static void CreateCoreTables(SqliteConnection connection)
    {
        Execute(connection, """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
              scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
            CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset',
              md_standard_uri TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '');
            CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER,
              timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id INTEGER NOT NULL, md_parent_id INTEGER,
              CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),
              CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id));
            INSERT INTO gpkg_extensions VALUES
              ('gpkg_metadata', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec/#extension_metadata', 'read-write'),
              ('gpkg_metadata_reference', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec/#extension_metadata', 'read-write');
            INSERT INTO gpkg_spatial_ref_sys VALUES
              ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
              ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """);
        Execute(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, $w, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
            ("$w", Wgs84Wkt));
        Execute(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ('OSGB36 / British National Grid', $srs, 'EPSG', $srs, $w, 'British National Grid, metres')",
            ("$srs", BritishNationalGrid.Srid), ("$w", BritishNationalGridWkt));
    }

    private static MultiPolygon AsMultiPolygon(Geometry boundary)
    {
        var factory = new GeometryFactory(boundary.PrecisionModel, BritishNationalGrid.Srid);
        return boundary switch
        {
            Polygon polygon => factory.CreateMultiPolygon([(Polygon)polygon.Copy()]),
            MultiPolygon multi => factory.CreateMultiPolygon([.. multi.Geometries.Cast<Polygon>().Select(p => (Polygon)p.Copy())]),
            _ => factory.CreateMultiPolygon([.. Enumerable.Range(0, boundary.NumGeometries).Select(boundary.GetGeometryN).OfType<Polygon>()]),
        };
    }

    private static object Cell(IndicatorColumn column, IndicatorRow row, IndicatorDefinition definition) => column.Type switch
    {
        IndicatorColumnType.Text => column.TextOf(row, definition) is { } text ? text : DBNull.Value,
        IndicatorColumnType.Integer => column.NumberOf(row) is { } integer ? (long)integer : DBNull.Value,
        _ => column.NumberOf(row) is { } number ? number : DBNull.Value,
    };

    private static string SqlType(IndicatorColumnType type) => type switch
    {
        IndicatorColumnType.Text => "TEXT",
        IndicatorColumnType.Integer => "INTEGER",
        _ => "REAL",
    };

    private static SqliteType SqlParameterType(IndicatorColumnType type) => type switch
    {
        IndicatorColumnType.Text => SqliteType.Text,
        IndicatorColumnType.Integer => SqliteType.Integer,
        _ => SqliteType.Real,
    };

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
