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

    private static readonly JsonSerializerOptions MetadataJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteCsv(TextWriter writer, IEnumerable<IndicatorRow> rows, IndicatorDefinition definition)
    {
        using var csv = CsvWriter.Create(writer, Csv, true);
        csv.WriteHeader([.. IndicatorTable.Columns.Select(c => c.Name)]);
        foreach (var row in rows)
        {
            csv.WriteRecord(IndicatorTable.Cells(row, definition.Polarity));
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

            json.WriteStartObject("properties");
            var cells = IndicatorTable.Cells(row, definition.Polarity);
            for (var c = 0; c < cells.Length; c++)
            {
                var name = IndicatorTable.Columns[c].Name;
                if (cells[c].Length == 0)
                {
                    json.WriteNull(name);
                }
                else if (IsNumeric(name))
                {
                    json.WriteNumber(name, double.Parse(cells[c], CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteString(name, cells[c]);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteGeoJsonFile(string path, IEnumerable<IndicatorRow> rows, IndicatorDefinition definition,
        IReadOnlyDictionary<string, Geometry> boundaries, ExportMetadata metadata) =>
        WriteAtomically(path, stream => WriteGeoJson(stream, rows, definition, boundaries, metadata));

    private static bool IsNumeric(string column) => column is "count" or "denominator" or "value" or "lower95" or "upper95"
        or "lower998" or "upper998" or "rank" or "expected" or "excess" or "excess_share" or "funnel_lower95"
        or "funnel_upper95" or "funnel_lower998" or "funnel_upper998" or "coverage";

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
