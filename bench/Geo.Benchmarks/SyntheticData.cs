using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Triangulate;

namespace Geo.Benchmarks;

/// <summary>
/// Reproducible stand-ins for the real files: Voronoi cells (a coverage with shared edges, like LSOAs) over part of
/// a lon/lat box, and random points over the whole box, so that many fall outside every cell. Stateless.
/// </summary>
internal static class SyntheticData
{
    // England's bounding box as make_points.py draws it; the cells cover its middle, about 40% of it.
    public static readonly Envelope PointBox = new(-5.75, 1.77, 49.95, 55.82);
    public static readonly Envelope CellBox = new(-3.5, 0.5, 51.0, 54.5);

    public static List<(string Code, Geometry Polygon)> Cells(int count, int seed)
    {
        var random = new Random(seed);
        var factory = new GeometryFactory();
        var sites = Enumerable.Range(0, count)
            .Select(_ => new Coordinate(CellBox.MinX + (random.NextDouble() * CellBox.Width), CellBox.MinY + (random.NextDouble() * CellBox.Height)))
            .ToArray();
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = CellBox };
        builder.SetSites(sites);
        var diagram = builder.GetDiagram(factory);
        var clip = factory.ToGeometry(CellBox);
        return [.. Enumerable.Range(0, diagram.NumGeometries)
            .Select(i => (string.Create(CultureInfo.InvariantCulture, $"S{i:D5}"), diagram.GetGeometryN(i).Intersection(clip)))];
    }

    public static PointFile Points(int count, int seed)
    {
        var random = new Random(seed);
        var xs = new double[count];
        var ys = new double[count];
        for (var i = 0; i < count; i++)
        {
            xs[i] = Math.Round(PointBox.MinX + (random.NextDouble() * PointBox.Width), 6);
            ys[i] = Math.Round(PointBox.MinY + (random.NextDouble() * PointBox.Height), 6);
        }

        return new PointFile([.. Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture))], xs, ys);
    }

    public static void WriteGeoJson(string path, IEnumerable<(string Code, Geometry Polygon)> polygons, string codeField)
    {
        var collection = new FeatureCollection();
        foreach (var (code, polygon) in polygons)
        {
            collection.Add(new Feature(polygon, new AttributesTable { { codeField, code } }));
        }

        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, collection, options);
    }
}
