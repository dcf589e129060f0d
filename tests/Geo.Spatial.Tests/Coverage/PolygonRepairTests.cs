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
public sealed class PolygonRepairTests(ITestOutputHelper output)
{
    private const string FileName = "test.geojson";

    private static readonly WKTReader Wkt = new(new NetTopologySuite.NtsGeometryServices(new PrecisionModel(), 27700));

    [Fact]
    public void Repair_BowTie_SplitIntoTwoTrianglesAndReported()
    {
        var report = new DatasetReport();
        var input = Boundary("E01000001", "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))", feature: 3);

        var result = PolygonRepair.Repair([input], FileName, report);

        AssertSameShape("MULTIPOLYGON (((0 0, 0 2, 1 1, 0 0)), ((1 1, 2 2, 2 0, 1 1)))", result[0].Boundary);
        Assert.True(result[0].Boundary.IsValid);
        Assert.Equal(("E01000001", 3L), (result[0].Code, result[0].Feature));
        var repair = Assert.Single(report.Repairs);
        Assert.Equal("E01000001", repair.Code);
        Assert.Equal(FileName, repair.File);
        Assert.Equal(3, repair.Feature);
        Assert.Equal("Self-intersection at (1 1)", repair.Problem);
        // The two lobes wind opposite ways, so NTS's ring area of the bow-tie is 0; after repair it is 2.
        Assert.Equal(2.0, repair.AreaChange, 12);
    }

    [Fact]
    public void Repair_ValidPolygons_PassedThroughAsSameInstance()
    {
        var report = new DatasetReport();
        var square = Boundary("A", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
        var islands = Boundary("B", "MULTIPOLYGON (((20 0, 30 0, 30 10, 20 0)), ((40 0, 50 0, 50 10, 40 0)))");
        var withHole = Boundary("C", "POLYGON ((0 20, 10 20, 10 30, 0 30, 0 20), (4 24, 6 24, 6 26, 4 24))");

        var result = PolygonRepair.Repair([square, islands, withHole], FileName, report);

        Assert.Same(square, result[0]);
        Assert.Same(islands, result[1]);
        Assert.Same(withHole, result[2]);
        Assert.Empty(report.Repairs);
    }

    [Fact]
    public void Repair_HoleOutsideShell_MendedWithAreaChange()
    {
        var report = new DatasetReport();
        // The "hole" pokes 2 m out of the shell: 10x10 square with a 2x4 hole, half of it outside.
        var input = Boundary("A", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (8 4, 12 4, 12 6, 8 6, 8 4))");

        var result = PolygonRepair.Repair([input], FileName, report);

        Assert.True(result[0].Boundary.IsValid);
        Assert.IsType<Polygon>(result[0].Boundary);
        var repair = Assert.Single(report.Repairs);
        Assert.StartsWith("Self-intersection at (10 ", repair.Problem, StringComparison.Ordinal);
        Assert.Equal(result[0].Boundary.Area - input.Boundary.Area, repair.AreaChange, 9);
    }

    [Fact]
    public void Repair_CollapsedPolygon_ThrowsNamingFileAndFeature()
    {
        var report = new DatasetReport();
        var good = Boundary("A", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", feature: 1);
        var bowTie = Boundary("B", "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))", feature: 2);
        var flat = Boundary("C", "POLYGON ((0 0, 1 1, 2 2, 0 0))", feature: 7);

        var ex = Assert.Throws<GeoDataException>(() => PolygonRepair.Repair([good, bowTie, flat], FileName, report));

        Assert.Equal(FileName, ex.File);
        Assert.Equal(7, ex.Line);
        Assert.Contains("C", ex.Problem, StringComparison.Ordinal);
        Assert.Empty(report.Repairs);
    }

    [Fact]
    public void Repair_ManyFeatures_ResultsAndRepairsInInputOrder()
    {
        var report = new DatasetReport();
        var input = Enumerable.Range(0, 500)
            .Select(i => i % 3 == 0
                ? Boundary($"N{i:D3}", $"POLYGON (({i * 10} 0, {i * 10 + 2} 2, {i * 10 + 2} 0, {i * 10} 2, {i * 10} 0))", i + 1)
                : Boundary($"N{i:D3}", $"POLYGON (({i * 10} 0, {i * 10 + 2} 0, {i * 10 + 2} 2, {i * 10} 2, {i * 10} 0))", i + 1))
            .ToList();

        var result = PolygonRepair.Repair(input, FileName, report);

        Assert.Equal(input.Select(b => b.Code), result.Select(b => b.Code));
        Assert.All(result, b => Assert.True(b.Boundary.IsValid));
        Assert.Equal(input.Where((_, i) => i % 3 == 0).Select(b => b.Feature), report.Repairs.Select(r => r.Feature));
    }

    [EnglandFact]
    public void Repair_Lsoa2011Bgc_Reports90RepairsAndAllResultsValid()
    {
        var path = SharedData.England("boundaries", EnglandData.Lsoa11File);
        var boundaries = EnglandData.ReadGeoJson(path, "LSOA11CD", "LSOA11NM");
        var report = new DatasetReport();

        var clock = Stopwatch.StartNew();
        var result = PolygonRepair.Repair(boundaries, EnglandData.Lsoa11File, report);
        clock.Stop();

        Assert.Equal(32_844, result.Count);
        Assert.Equal(90, report.Repairs.Count);
        Assert.All(result, b => Assert.True(b.Boundary.IsValid, $"{b.Code} still invalid"));
        Assert.All(result, b => Assert.True(b.Boundary is Polygon or MultiPolygon));
        Assert.Equal(report.Repairs.Select(r => r.Feature).Order(), report.Repairs.Select(r => r.Feature));
        output.WriteLine($"Repaired {report.Repairs.Count} of {result.Count} LSOA 2011 BGC polygons in {clock.ElapsedMilliseconds} ms.");
        foreach (var group in report.Repairs.GroupBy(r => r.Problem.Split(" at ")[0]))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }
    }

    private static NeighbourhoodBoundary Boundary(string code, string wkt, long feature = 1) =>
        new(code, null, Wkt.Read(wkt), feature);

    private static void AssertSameShape(string expectedWkt, Geometry actual)
    {
        var expected = Wkt.Read(expectedWkt).Normalized();
        Assert.True(expected.EqualsExact(actual.Normalized()), $"expected {expected}, got {actual.Normalized()}");
    }
}
