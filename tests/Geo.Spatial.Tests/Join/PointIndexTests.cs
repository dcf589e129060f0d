using Geo.Spatial.Join;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Triangulate;

namespace Geo.Spatial.Tests.Join;

public class PointIndexTests
{
    private static readonly WKTReader Wkt = new();
    private static readonly GeometryFactory Factory = new();

    // 300 Voronoi cells, 100,000 test points and the answers of a plain Covers scan, computed once for all grid sizes.
    private static readonly Lazy<(List<(string Code, Geometry Polygon)> Cells, Coordinate[] Points, int[] Expected)> VoronoiCase = new(() =>
    {
        var cells = VoronoiCells(300, seed: 17);
        var points = TestPoints(cells, 100_000, seed: 5);
        return (cells, points, BruteForce(cells, points));
    });

    // Four unit squares meeting at (1 1): A B on the bottom row, C D on the top row.
    private static readonly (string, string)[] Squares =
    [
        ("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
        ("B", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
        ("C", "POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))"),
        ("D", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))"),
    ];

    private const string Donut = "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3))";
    private const string Enclave = "POLYGON ((3 3, 7 3, 7 7, 3 7, 3 3))";

    [Theory]
    [InlineData(0.5, 0.5, "A")]
    [InlineData(1.5, 0.5, "B")]
    [InlineData(0.5, 1.5, "C")]
    [InlineData(1.5, 1.5, "D")]
    [InlineData(0, 0, "A")]
    [InlineData(2, 2, "D")]
    [InlineData(2, 0.5, "B")]
    [InlineData(1.5, 2, "D")]
    public void Locate_PointInOrOnOneSquare_ReturnsThatSquare(double x, double y, string expected)
    {
        var index = Build(Squares);

        Assert.Equal(expected, index.Code(index.Locate(x, y)));
    }

    [Theory]
    [InlineData(1, 0.5, "A")]
    [InlineData(0.5, 1, "A")]
    [InlineData(1.5, 1, "B")]
    [InlineData(1, 1.5, "C")]
    [InlineData(1, 1, "A")]
    [InlineData(1, 0, "A")]
    [InlineData(2, 1, "B")]
    public void Locate_PointOnSharedEdgeOrVertex_ReturnsLowestIndex(double x, double y, string expected)
    {
        var index = Build(Squares);

        Assert.Equal(expected, index.Code(index.Locate(x, y)));
    }

    [Theory]
    [InlineData(1, 0.5, "B")]
    [InlineData(1, 1, "D")]
    [InlineData(1.5, 1, "D")]
    [InlineData(0.5, 1, "C")]
    public void Locate_SquaresInReverseOrder_SharedEdgeGoesToNewLowestIndex(double x, double y, string expected)
    {
        var index = Build([.. Squares.Reverse()]);

        Assert.Equal(expected, index.Code(index.Locate(x, y)));
    }

    [Theory]
    [InlineData(-0.5, 0.5)]
    [InlineData(2.5, 0.5)]
    [InlineData(1, 2.0000001)]
    [InlineData(-1e-12, 0)]
    [InlineData(1e9, -1e9)]
    [InlineData(double.NaN, 0.5)]
    [InlineData(0.5, double.PositiveInfinity)]
    public void Locate_PointOutsideEverySquare_ReturnsOutside(double x, double y)
    {
        var index = Build(Squares);

        Assert.Equal(PointIndex.Outside, index.Locate(x, y));
    }

    [Theory]
    [InlineData(5, 5, PointIndex.Outside)]
    [InlineData(1, 1, 0)]
    [InlineData(3, 5, 0)]
    [InlineData(3, 3, 0)]
    [InlineData(6.999999, 6.999999, PointIndex.Outside)]
    public void Locate_PolygonWithHole_HoleIsOutsideAndItsEdgeInside(double x, double y, int expected)
    {
        var index = Build([("donut", Donut)]);

        Assert.Equal(expected, index.Locate(x, y));
    }

    [Theory]
    [InlineData(5, 5, "enclave")]
    [InlineData(1, 1, "donut")]
    [InlineData(3, 5, "donut")]
    [InlineData(7, 7, "donut")]
    [InlineData(3.0000001, 5, "enclave")]
    public void Locate_EnclaveFillingHole_PointsGoToEnclaveAndEdgeToLowestIndex(double x, double y, string expected)
    {
        var index = Build([("donut", Donut), ("enclave", Enclave)]);

        Assert.Equal(expected, index.Code(index.Locate(x, y)));
    }

    [Fact]
    public void Locate_EnclaveListedFirst_HoleEdgeGoesToEnclave()
    {
        var index = Build([("enclave", Enclave), ("donut", Donut)]);

        Assert.Equal("enclave", index.Code(index.Locate(3, 5)));
        Assert.Equal("donut", index.Code(index.Locate(2.9999999, 5)));
    }

    [Theory]
    [InlineData(0.5, 0.5, 0)]
    [InlineData(10.5, 10.5, 0)]
    [InlineData(11, 10.2, 0)]
    [InlineData(5, 5, PointIndex.Outside)]
    [InlineData(5.5, 0.5, 1)]
    public void Locate_MultiPolygon_AnyPartMatches(double x, double y, int expected)
    {
        var index = Build(
        [
            ("multi", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((10 10, 11 10, 11 11, 10 11, 10 10)))"),
            ("single", "POLYGON ((5 0, 6 0, 6 1, 5 1, 5 0))"),
        ]);

        Assert.Equal(expected, index.Locate(x, y));
    }

    [Fact]
    public void Locate_OverlappingPolygons_LowestIndexWins()
    {
        var small = ("small", "POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))");
        var large = ("large", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");

        var smallFirst = Build([small, large]);
        var largeFirst = Build([large, small]);

        Assert.Equal("small", smallFirst.Code(smallFirst.Locate(5, 5)));
        Assert.Equal("small", smallFirst.Code(smallFirst.Locate(4, 5)));
        Assert.Equal("large", smallFirst.Code(smallFirst.Locate(1, 1)));
        Assert.Equal("large", largeFirst.Code(largeFirst.Locate(5, 5)));
        Assert.Equal("large", largeFirst.Code(largeFirst.Locate(4, 5)));
    }

    [Theory]
    [InlineData(400_000.5, 300_000.5, "west")]
    [InlineData(400_001, 300_000.5, "west")]
    [InlineData(400_001.000001, 300_000.5, "east")]
    [InlineData(400_002, 300_001, "east")]
    [InlineData(400_002.000001, 300_001, null)]
    public void Locate_BritishNationalGridScale_EdgesExactToTheMicrometre(double easting, double northing, string? expected)
    {
        var index = Build(
        [
            ("west", "POLYGON ((400000 300000, 400001 300000, 400001 300001, 400000 300001, 400000 300000))"),
            ("east", "POLYGON ((400001 300000, 400002 300000, 400002 300001, 400001 300001, 400001 300000))"),
        ]);

        var found = index.Locate(easting, northing);

        Assert.Equal(expected, found == PointIndex.Outside ? null : index.Code(found));
    }

    [Fact]
    public void Locate_NoPolygons_ReturnsOutside()
    {
        var index = new PointIndex([]);

        Assert.Equal(PointIndex.Outside, index.Locate(0, 0));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Locate_EmptyPolygon_NeverMatches()
    {
        var index = Build([("empty", "POLYGON EMPTY"), ("A", Squares[0].Item2)]);

        Assert.Equal(1, index.Locate(0.5, 0.5));
        Assert.Equal(PointIndex.Outside, index.Locate(5, 5));
    }

    [Fact]
    public void Constructor_LineString_ThrowsNamingThePolygon()
    {
        var error = Assert.Throws<ArgumentException>(() => Build([("A", Squares[0].Item2), ("road", "LINESTRING (0 0, 1 1)")]));

        Assert.Contains("road", error.Message);
        Assert.Contains("LineString", error.Message);
    }

    [Fact]
    public void Code_Outside_Throws()
    {
        var index = Build(Squares);

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Code(PointIndex.Outside));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Code(4));
        Assert.Equal("D", index.Code(3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(300)]
    [InlineData(0)]
    [InlineData(1_000_000)]
    public void Locate_RandomPointsOverVoronoiCells_EqualsCoversScan(int gridCells)
    {
        var (cells, points, expected) = VoronoiCase.Value;
        var index = gridCells == 0 ? new PointIndex(cells) : new PointIndex(cells, gridCells);

        var mismatches = Enumerable.Range(0, points.Length)
            .Where(i => index.Locate(points[i].X, points[i].Y) != expected[i])
            .Select(i => $"({points[i].X:R} {points[i].Y:R}): {index.Locate(points[i].X, points[i].Y)} not {expected[i]}")
            .Take(10)
            .ToList();
        Assert.Empty(mismatches);
        Assert.Contains(expected, e => e == PointIndex.Outside);
        Assert.Contains(expected, e => e == cells.Count - 1);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    public void Locate_IndexRestoredFromItsGrid_EqualsCoversScan(int gridCells)
    {
        var (cells, points, expected) = VoronoiCase.Value;
        var built = gridCells == 0 ? new PointIndex(cells) : new PointIndex(cells, gridCells);

        var restored = new PointIndex(cells, built.Grid);

        Assert.Equal(built.GridSize, restored.GridSize);
        var mismatches = Enumerable.Range(0, points.Length).Count(i => restored.Locate(points[i].X, points[i].Y) != expected[i]);
        Assert.Equal(0, mismatches);
        Assert.Equal(cells.Select(c => c.Code), Enumerable.Range(0, restored.Count).Select(restored.Code));
    }

    [Fact]
    public void Constructor_GridNamingAPolygonThatIsNotThere_Throws()
    {
        var (cells, _, _) = VoronoiCase.Value;
        var grid = new PointIndex(cells).Grid;
        var cellsNamingTooMany = (int[])grid.Cells.Clone();
        cellsNamingTooMany[0] = cells.Count;

        var e = Assert.Throws<ArgumentException>(() => new PointIndex(cells, grid with { Cells = cellsNamingTooMany }));

        Assert.Contains($"names {cells.Count}, which is not a polygon of {cells.Count}", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PointIndex(cells.Take(10).ToList(), grid));
    }

    [Fact]
    public void LocateAll_ManyPoints_EqualsLocateInOrder()
    {
        var cells = VoronoiCells(200, seed: 3);
        var points = TestPoints(cells, 50_000, seed: 9);
        var xs = points.Select(p => p.X).ToArray();
        var ys = points.Select(p => p.Y).ToArray();
        var index = new PointIndex(cells);
        var expected = points.Select(p => index.Locate(p.X, p.Y)).ToArray();

        var fromSpans = new int[xs.Length];
        index.LocateAll(xs.AsSpan(), ys.AsSpan(), fromSpans.AsSpan());
        var fromMemory = new int[xs.Length];
        index.LocateAll(xs.AsMemory(), ys.AsMemory(), fromMemory.AsMemory());

        Assert.Equal(expected, fromSpans);
        Assert.Equal(expected, fromMemory);
    }

    [Fact]
    public void LocateAll_FromSeveralThreadsAtOnce_GivesTheSameAnswers()
    {
        var cells = VoronoiCells(200, seed: 4);
        var points = TestPoints(cells, 20_000, seed: 2);
        var xs = points.Select(p => p.X).ToArray();
        var ys = points.Select(p => p.Y).ToArray();
        var index = new PointIndex(cells);
        var expected = points.Select(p => index.Locate(p.X, p.Y)).ToArray();

        var results = new int[8][];
        Parallel.For(0, results.Length, t =>
        {
            results[t] = new int[xs.Length];
            index.LocateAll(xs, ys, results[t]);
        });

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void LocateAll_LengthsDiffer_Throws()
    {
        var index = Build(Squares);

        Assert.Throws<ArgumentException>(() => index.LocateAll(new double[3].AsSpan(), new double[3].AsSpan(), new int[2].AsSpan()));
    }

    private static PointIndex Build((string Code, string Wkt)[] polygons) =>
        new([.. polygons.Select(p => (p.Code, Wkt.Read(p.Wkt)))]);

    // Voronoi cells of random sites in 0..100, clipped to that square: a coverage like LSOAs, with shared edges
    // and vertices.
    private static List<(string Code, Geometry Polygon)> VoronoiCells(int count, int seed)
    {
        var random = new Random(seed);
        var sites = Enumerable.Range(0, count).Select(_ => new Coordinate(random.NextDouble() * 100, random.NextDouble() * 100)).ToArray();
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        builder.ClipEnvelope = new Envelope(0, 100, 0, 100);
        var clip = Factory.ToGeometry(new Envelope(0, 100, 0, 100));
        var diagram = builder.GetDiagram(Factory);
        return [.. Enumerable.Range(0, diagram.NumGeometries).Select(i => ($"cell{i}", diagram.GetGeometryN(i).Intersection(clip)))];
    }

    // Uniform points over and around the cells, every cell vertex, and points on edges (midpoints, and points at
    // random fractions along them).
    private static Coordinate[] TestPoints(List<(string Code, Geometry Polygon)> cells, int count, int seed)
    {
        var random = new Random(seed);
        var points = new List<Coordinate>(count);
        var vertices = cells.SelectMany(c => c.Polygon.Coordinates).Distinct().ToList();
        points.AddRange(vertices);
        foreach (var (_, polygon) in cells)
        {
            var ring = polygon.Coordinates;
            for (var k = 1; k < ring.Length && points.Count < count / 2; k++)
            {
                var a = ring[k - 1];
                var b = ring[k];
                var t = random.NextDouble();
                points.Add(new Coordinate((a.X + b.X) / 2, (a.Y + b.Y) / 2));
                points.Add(new Coordinate(a.X + (t * (b.X - a.X)), a.Y + (t * (b.Y - a.Y))));
            }
        }

        // The clip square's own edges, exactly.
        points.AddRange(Enumerable.Range(0, 200).Select(i => new Coordinate(random.NextDouble() * 100, i % 2 == 0 ? 0 : 100)));
        points.AddRange(Enumerable.Range(0, 200).Select(i => new Coordinate(i % 2 == 0 ? 0 : 100, random.NextDouble() * 100)));
        while (points.Count < count)
        {
            points.Add(new Coordinate((random.NextDouble() * 120) - 10, (random.NextDouble() * 120) - 10));
        }

        return [.. points];
    }

    // The plain answer: the first polygon in the list whose Covers says yes.
    private static int[] BruteForce(List<(string Code, Geometry Polygon)> polygons, Coordinate[] points)
    {
        var result = new int[points.Length];
        Parallel.For(0, points.Length, i =>
        {
            var point = Factory.CreatePoint(points[i]);
            result[i] = polygons.FindIndex(p => p.Polygon.Covers(point));
        });
        return result;
    }
}
