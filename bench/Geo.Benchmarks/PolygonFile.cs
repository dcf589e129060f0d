using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;

namespace Geo.Benchmarks;

/// <summary>Reads the (code, polygon) pairs of a GeoJSON FeatureCollection. Stateless.</summary>
internal static class PolygonFile
{
    /// <param name="fixInvalid">Mend invalid polygons with GeometryFixer (as buffer(0) would) and say how many.</param>
    public static List<(string Code, Geometry Polygon)> Read(string path, string codeField, bool fixInvalid, TextWriter log)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        FeatureCollection features;
        using (var stream = File.OpenRead(path))
        {
            features = JsonSerializer.Deserialize<FeatureCollection>(stream, options)
                ?? throw new InvalidDataException($"{path}: not a FeatureCollection");
        }

        var polygons = new List<(string Code, Geometry Polygon)>(features.Count);
        var fixedCount = 0;
        foreach (var feature in features)
        {
            var code = feature.Attributes?[codeField]?.ToString()
                ?? throw new InvalidDataException($"{path}: a feature has no '{codeField}'");
            var geometry = feature.Geometry;
            if (fixInvalid && !geometry.IsValid)
            {
                geometry = GeometryFixer.Fix(geometry);
                fixedCount++;
            }

            polygons.Add((code, geometry));
        }

        if (fixInvalid)
        {
            log.WriteLine($"fixed {fixedCount} invalid polygons with GeometryFixer");
        }

        return polygons;
    }
}
