using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Geo.Core.Indicators;
using Geo.Spatial.Projection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Geo.Data.Export;

/// <summary>
/// Writes published indicator rows as CSV (with a <c>.metadata.json</c> sidecar) or GeoJSON (WGS84, the
/// metadata as a member of the collection), to a temporary file first so that a failure never leaves
/// half a file. CSV is UTF-8 with a BOM so that Excel reads names correctly. Stateless and thread-safe.
/// </summary>
public static class IndicatorExporter
{
    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>How the export metadata is written as JSON (the sidecar, GeoJSON's member, the GeoPackage's metadata).</summary>
    internal static readonly JsonSerializerOptions MetadataJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteCsv(TextWriter writer, IEnumerable<IndicatorRow> rows, IndicatorDefinition definition)
    {
        using var csv = CsvWriter.Create(writer, Csv, true);
        var columns = IndicatorColumns.All;
        csv.WriteHeader([.. columns.Select(c => c.Name)]);
        var cells = new string[columns.Count];
        foreach (var row in rows)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = columns[c].Cell(row, definition);
            }

            csv.WriteRecord(cells);
        }
    }

    public static void WriteCsvFile(string path, IEnumerable<IndicatorRow> rows, IndicatorDefinition definition, ExportMetadata metadata)
    {
        WriteAtomically(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            WriteCsv(writer, rows, definition);
        });
        WriteAtomically(path + ".metadata.json", stream => JsonSerializer.Serialize(stream, metadata, MetadataJson));
    }

    /// <summary>GeoJSON FeatureCollection in WGS84; <paramref name="boundaries"/> are in British National Grid.</summary>
    public static void WriteGeoJson(Stream stream, IEnumerable<IndicatorRow> rows, IndicatorDefinition definition,
        IReadOnlyDictionary<string, Geometry> boundaries, ExportMetadata metadata)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WritePropertyName("metadata");
        JsonSerializer.Serialize(json, metadata, MetadataJson);
        json.WriteStartArray("features");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", row.Area.Code);
            json.WritePropertyName("geometry");
            if (boundaries.TryGetValue(row.Area.Code, out var boundary))
            {
                JsonSerializer.Serialize(json, BritishNationalGrid.ToWgs84(boundary), options);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WritePropertyName("properties");
            IndicatorRowJson.Write(json, row, definition);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteGeoJsonFile(string path, IEnumerable<IndicatorRow> rows, IndicatorDefinition definition,
        IReadOnlyDictionary<string, Geometry> boundaries, ExportMetadata metadata) =>
        WriteAtomically(path, stream => WriteGeoJson(stream, rows, definition, boundaries, metadata));

    private static void WriteAtomically(string path, Action<Stream> write) => AtomicFile.Write(path, temporary =>
    {
        using var stream = File.Create(temporary);
        write(stream);
    });
}
