using System.Globalization;
using Geo.Core.Sources;
using NetTopologySuite.IO.Esri;

namespace Geo.Data.Import;

/// <summary>
/// Reads an ESRI Shapefile (.shp with its .dbf, and .prj when there is one) with NetTopologySuite.IO.Esri.
/// Feature numbers count the records of the file, deleted ones included, from 1.
/// </summary>
internal static class ShapefileBoundaryFile
{
    public static void Read(BoundaryCollector collector)
    {
        var path = collector.Path;
        var spec = collector.Spec;
        if (!File.Exists(path))
        {
            throw collector.Error(null, null, "the file does not exist");
        }

        if (!File.Exists(Path.ChangeExtension(path, ".dbf")))
        {
            throw collector.Error(null, null, "the shapefile has no .dbf beside it, so its features have no attributes (no codes)");
        }

        long feature = 0;
        var opened = false;
        try
        {
            using var reader = Shapefile.OpenRead(path);
            opened = true;
            var fields = reader.Fields.Select(f => f.Name).ToArray();
            var code = FieldIndex(collector, fields, spec.CodeField);
            var name = spec.NameField is null ? -1 : FieldIndex(collector, fields, spec.NameField);
            if (!string.IsNullOrWhiteSpace(reader.Projection))
            {
                var wkt = reader.Projection.Trim();
                var shown = wkt.Length > 80 ? wkt[..80] + "…" : wkt;
                collector.Claim = new CrsClaim(CrsClaim.FromWkt(wkt), $"from the .prj {shown}");
            }

            while (reader.Read(out var deleted))
            {
                feature++;
                if (deleted)
                {
                    continue;
                }

                collector.Add(
                    feature,
                    Text(reader.Fields[code].Value),
                    name < 0 ? null : Text(reader.Fields[name].Value),
                    reader.Geometry);
            }
        }
        catch (Exception e) when (e is not GeoDataException and (IOException or InvalidDataException or ArgumentException or NotSupportedException or FormatException or InvalidOperationException))
        {
            throw collector.Error(opened ? feature + 1 : null, null, "the shapefile cannot be read: " + e.Message, e);
        }
    }

    private static int FieldIndex(BoundaryCollector collector, string[] fields, string wanted)
    {
        var exact = Array.IndexOf(fields, wanted);
        if (exact >= 0)
        {
            return exact;
        }

        var matches = fields.Select((f, i) => (f, i)).Where(x => string.Equals(x.f.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
        return matches.Length == 1
            ? matches[0].i
            : throw collector.Error(null, wanted, "the shapefile has no such attribute; its attributes are " + string.Join(", ", fields.Select(f => $"'{f}'")));
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
