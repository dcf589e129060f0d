using System.Diagnostics;
using Geo.Core.Reports;
using Geo.Core.Sources;
using Geo.Spatial.Coverage;
using Geo.Tests;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit.Abstractions;

namespace Geo.Spatial.Tests.Coverage;

[Collection(EnglandCollection.Name)]
public sealed class CoverageCheckTests(ITestOutputHelper output)
{
    private static readonly WKTReader Wkt = new(new NetTopologySuite.NtsGeometryServices(new PrecisionModel(), 27700));

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 27700);

    [Fact]
    public void Check_GridWithOverlapAndGap_ReportsBothWithCodesAndAreas()
    {
        // A 2x2 grid of 10 m squares. A bulges into B as the triangle (10 0, 13 5, 10 10):
        // an overlap of 1/2 x 10 x 3 = 15 m². D has its corner (10..12, 10..12) cut away, and B and C
        // carry the matching vertices, so that corner is a 2x2 = 4 m² hole enclosed by B, C and D
        // (A touches it only at the point (10 10)).
        var report = new DatasetReport();
        var boundaries = new[]
        {
            Boundary("A", "POLYGON ((0 0, 10 0, 13 5, 10 10, 0 10, 0 0))"),
            Boundary("B", "POLYGON ((10 0, 20 0, 20 10, 12 10, 10 10, 10 0))"),
            Boundary("C", "POLYGON ((0 10, 10 10, 10 12, 10 20, 0 20, 0 10))"),
            Boundary("D", "POLYGON ((12 10, 20 10, 20 20, 10 20, 10 12, 12 12, 12 10))"),
        };

        CoverageCheck.Check(boundaries, report);

        Assert.Equal(2, report.CoverageProblems.Count);
        var overlap = report.CoverageProblems[0];
        Assert.Equal("overlap", overlap.Kind);
        Assert.Equal(["A", "B"], overlap.Codes);
        Assert.Equal(15.0, overlap.Area, 9);
        Assert.True(Wkt.Read("POLYGON ((10 0, 13 5, 10 10, 10 0))").Contains(Point(overlap)));

        var gap = report.CoverageProblems[1];
        Assert.Equal("gap", gap.Kind);
        Assert.Equal(["B", "C", "D"], gap.Codes);
        Assert.Equal(4.0, gap.Area, 9);
        Assert.True(Wkt.Read("POLYGON ((10 10, 12 10, 12 12, 10 12, 10 10))").Contains(Point(gap)));
    }

    [Fact]
    public void Check_CleanGrid_NoProblems()
    {
        var report = new DatasetReport();

        CoverageCheck.Check(Grid(3, 3, 100), report);

        Assert.Empty(report.CoverageProblems);
    }

    [Fact]
    public void Check_EnclaveFillingHole_NoGap()
    {
        var report = new DatasetReport();
        var boundaries = new[]
        {
            Boundary("OUTER", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))"),
            Boundary("ENCLAVE", "POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))"),
        };

        CoverageCheck.Check(boundaries, report);

        Assert.Empty(report.CoverageProblems);
    }

    [Fact]
    public void Check_HoleWithNothingInIt_ReportedAsGapOfItsOwner()
    {
        var report = new DatasetReport();
        var boundaries = new[]
        {
            Boundary("OUTER", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))"),
            Boundary("EAST", "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))"),
        };

        CoverageCheck.Check(boundaries, report);

        var gap = Assert.Single(report.CoverageProblems);
        Assert.Equal("gap", gap.Kind);
        Assert.Equal(["OUTER"], gap.Codes);
        Assert.Equal(4.0, gap.Area, 9);
        Assert.True(Wkt.Read("POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))").Contains(Point(gap)));
    }

    [Fact]
    public void Check_IslandInLake_GapExcludesIsland()
    {
        // A 6x6 lake inside a 20x20 polygon, with a 2x2 island polygon in the middle of the lake.
        var report = new DatasetReport();
        var boundaries = new[]
        {
            Boundary("SHORE", "POLYGON ((0 0, 20 0, 20 20, 0 20, 0 0), (7 7, 13 7, 13 13, 7 13, 7 7))"),
            Boundary("ISLAND", "POLYGON ((9 9, 11 9, 11 11, 9 11, 9 9))"),
        };

        CoverageCheck.Check(boundaries, report);

        var gap = Assert.Single(report.CoverageProblems);
        Assert.Equal("gap", gap.Kind);
        Assert.Equal(36.0 - 4.0, gap.Area, 9);
        Assert.Equal(["ISLAND", "SHORE"], gap.Codes);
        var water = Wkt.Read("POLYGON ((7 7, 13 7, 13 13, 7 13, 7 7), (9 9, 11 9, 11 11, 9 11, 9 9))");
        Assert.True(water.Contains(Point(gap)));
    }

    [Fact]
    public void Check_NotchInOuterEdge_NotAGap()
    {
        // B has a bay cut into its northern edge: sea, open to the outside, not enclosed.
        var report = new DatasetReport();
        var boundaries = new[]
        {
            Boundary("A", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"),
            Boundary("B", "POLYGON ((10 0, 20 0, 20 10, 15 10, 15 5, 12 5, 12 10, 10 10, 10 0))"),
        };

        CoverageCheck.Check(boundaries, report);

        Assert.Empty(report.CoverageProblems);
    }

    [Fact]
    public void Check_GapSmallerThanMinimum_NotReportedUnlessMinimumLowered()
    {
        // A 0.5 x 0.5 m hole (0.25 m²) at the corner where four 10 m squares meet.
        var boundaries = new[]
        {
            Boundary("A", "POLYGON ((0 0, 10 0, 10 9.5, 9.5 9.5, 9.5 10, 0 10, 0 0))"),
            Boundary("B", "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 9.5, 10 0))"),
            Boundary("C", "POLYGON ((0 10, 9.5 10, 10 10, 10 20, 0 20, 0 10))"),
            Boundary("D", "POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))"),
        };

        var defaults = new DatasetReport();
        CoverageCheck.Check(boundaries, defaults);
        var lowered = new DatasetReport();
        CoverageCheck.Check(boundaries, lowered, minimumArea: 0.1);

        Assert.Empty(defaults.CoverageProblems);
        var gap = Assert.Single(lowered.CoverageProblems);
        Assert.Equal(0.25, gap.Area, 12);
        Assert.Equal(["A", "B", "C"], gap.Codes);
    }

    [Fact]
    public void Check_DuplicatePolygon_ReportedAsOverlapOfWholeArea()
    {
        var report = new DatasetReport();
        var boundaries = Grid(2, 1, 10).Append(Boundary("COPY", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")).ToArray();

        CoverageCheck.Check(boundaries, report);

        var overlap = Assert.Single(report.CoverageProblems);
        Assert.Equal("overlap", overlap.Kind);
        Assert.Equal(["COPY", "G0_0"], overlap.Codes);
        Assert.Equal(100.0, overlap.Area, 9);
    }

    [EnglandFact]
    public void Check_Lsoa2021Bsc_RunsInSecondsAndReportsEveryProblemOnce()
    {
        // The fixture's projection against PROJ's cs2cs for the same point, to within the few metres of a Helmert shift.
        var reference = EnglandData.ToBritishNationalGrid(1.7160520, 52.6579786);
        Assert.InRange(reference.X, 651_409.903 - 5, 651_409.903 + 5);
        Assert.InRange(reference.Y, 313_177.270 - 5, 313_177.270 + 5);
        var boundaries = EnglandData.Lsoa21Bng;
        var repairReport = new DatasetReport();
        var repaired = PolygonRepair.Repair(boundaries, EnglandData.Lsoa21File, repairReport);
        var report = new DatasetReport();

        var clock = Stopwatch.StartNew();
        CoverageCheck.Check(repaired, report);
        clock.Stop();

        Assert.Equal(33_755, repaired.Count);
        Assert.All(report.CoverageProblems, p =>
        {
            Assert.Contains(p.Kind, new[] { "overlap", "gap" });
            Assert.NotEmpty(p.Codes);
            Assert.True(p.Area >= 1.0);
            Assert.InRange(p.Easting, 0, 700_000);
            Assert.InRange(p.Northing, 0, 1_300_000);
        });
        // BSC is a near-clean coverage: a handful of square-metre slivers where neighbours' edges cross
        // (more, and larger, here than in the BNG original, because the WGS84 copy rounds to 1e-6°).
        Assert.InRange(report.CoverageProblems.Count, 1, 30);
        Assert.All(report.CoverageProblems, p => Assert.True(p.Area < 100, $"{p.Kind} of {p.Area} m² at {p.Easting} {p.Northing}"));
        Assert.Equal(report.CoverageProblems.Count,
            report.CoverageProblems.Select(p => (p.Kind, string.Join(",", p.Codes), p.Easting, p.Northing)).Distinct().Count());

        output.WriteLine($"{repaired.Count} polygons ({repairReport.Repairs.Count} repaired first), checked in {clock.ElapsedMilliseconds} ms.");
        foreach (var kind in report.CoverageProblems.GroupBy(p => p.Kind))
        {
            var largest = kind.MaxBy(p => p.Area)!;
            output.WriteLine($"{kind.Key}: {kind.Count()}, total {EnglandData.Describe(kind.Sum(p => p.Area))} m², "
                + $"largest {EnglandData.Describe(largest.Area)} m² ({string.Join(" ", largest.Codes)}) at "
                + $"{largest.Easting:F0} {largest.Northing:F0}");
        }

        foreach (var problem in report.CoverageProblems.OrderByDescending(p => p.Area).Take(15))
        {
            output.WriteLine($"  {problem.Kind} {EnglandData.Describe(problem.Area)} m² {string.Join(" ", problem.Codes)} at {problem.Easting:F0} {problem.Northing:F0}");
        }
    }

    private static NeighbourhoodBoundary Boundary(string code, string wkt) => new(code, null, Wkt.Read(wkt), 1);

    private static Point Point(CoverageProblem problem) => Factory.CreatePoint(new Coordinate(problem.Easting, problem.Northing));

    /// <summary>Squares of <paramref name="size"/> metres, coded G{column}_{row}, sharing vertices exactly.</summary>
    private static NeighbourhoodBoundary[] Grid(int columns, int rows, double size) =>
        Enumerable.Range(0, columns).SelectMany(c => Enumerable.Range(0, rows).Select(r =>
        {
            var (x0, y0, x1, y1) = (c * size, r * size, (c + 1) * size, (r + 1) * size);
            var square = Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
            return new NeighbourhoodBoundary($"G{c}_{r}", null, square, (c * rows) + r + 1);
        })).ToArray();
}
