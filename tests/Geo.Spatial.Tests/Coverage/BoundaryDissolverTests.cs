using System.Diagnostics;
using Geo.Core.Geography;
using Geo.Core.Reports;
using Geo.Spatial.Coverage;
using Geo.Tests;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.OverlayNG;
using Xunit.Abstractions;

namespace Geo.Spatial.Tests.Coverage;

[Collection(EnglandCollection.Name)]
public sealed class BoundaryDissolverTests(ITestOutputHelper output)
{
    private static readonly WKTReader Wkt = new(new NetTopologySuite.NtsGeometryServices(new PrecisionModel(), 27700));

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 27700);

    /// <summary>
    /// A 4x4 grid of 1 m neighbourhoods N{column}{row}; places are its 2x2 quarters (P1 south-west, P2
    /// south-east, P3 north-west, P4 north-east); ICP I1 = P1 + P3 in system S1; ICPs I2 = P2 and
    /// I3 = P4 in system S2; root E.
    /// </summary>
    private static readonly Geography Grid = BuildGrid();

    [Fact]
    public void Dissolve_Grid_BoundaryForEveryPlaceIcpSystemAndRoot()
    {
        var result = BoundaryDissolver.Dissolve(Grid, GridNeighbourhoods());

        Assert.Equal(["E", "I1", "I2", "I3", "P1", "P2", "P3", "P4", "S1", "S2"], result.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Values, g => Assert.True(g.IsValid));
    }

    [Fact]
    public void Dissolve_Grid_ShapesKeepEveryNeighbourhoodVertex()
    {
        var result = BoundaryDissolver.Dissolve(Grid, GridNeighbourhoods());

        AssertSameShape("POLYGON ((0 0, 1 0, 2 0, 2 1, 2 2, 1 2, 0 2, 0 1, 0 0))", result["P1"]);
        AssertSameShape("POLYGON ((0 0, 1 0, 2 0, 2 1, 2 2, 2 3, 2 4, 1 4, 0 4, 0 3, 0 2, 0 1, 0 0))", result["S1"]);
        AssertSameShape("POLYGON ((2 0, 3 0, 4 0, 4 1, 4 2, 4 3, 4 4, 3 4, 2 4, 2 3, 2 2, 2 1, 2 0))", result["S2"]);
        AssertSameShape("POLYGON ((0 0, 1 0, 2 0, 3 0, 4 0, 4 1, 4 2, 4 3, 4 4, 3 4, 2 4, 1 4, 0 4, 0 3, 0 2, 0 1, 0 0))", result["E"]);
    }

    [Fact]
    public void Dissolve_Grid_SiblingsShareEdgesExactlyAndParentsEqualTheirChildren()
    {
        var neighbourhoods = GridNeighbourhoods();
        var result = BoundaryDissolver.Dissolve(Grid, neighbourhoods);

        foreach (var parent in Grid.Areas.Where(a => a.Level != Level.Neighbourhood && a.ChildCodes.Count > 1))
        {
            var children = parent.ChildCodes.Select(c => result.TryGetValue(c, out var g) ? g : neighbourhoods[c]).ToArray();
            for (var i = 0; i < children.Length; i++)
            {
                for (var j = i + 1; j < children.Length; j++)
                {
                    Assert.Equal(0.0, children[i].Intersection(children[j]).Area);
                }
            }

            var parentArea = result[parent.Code].Area;
            Assert.Equal(1.0, OverlayNGRobust.Union(children, Factory).Area / parentArea, 1e-6);
            Assert.Equal(1.0, children.Sum(c => c.Area) / parentArea, 1e-6);
        }

        // The edge between neighbouring places is the same line on both sides, and nothing more.
        var shared = result["P1"].Intersection(result["P2"]);
        Assert.Equal(Dimension.Curve, shared.Dimension);
        Assert.Equal(2.0, shared.Length, 12);
        Assert.Equal(4.0, result["P1"].Area);
        Assert.Equal(8.0, result["S2"].Area);
        Assert.Equal(16.0, result["E"].Area);
    }

    [Fact]
    public void Dissolve_NeighbourhoodsWithoutPolygon_Skipped()
    {
        var neighbourhoods = GridNeighbourhoods();
        foreach (var code in new[] { "N22", "N32", "N23", "N33", "N30" })
        {
            neighbourhoods.Remove(code);
        }

        var result = BoundaryDissolver.Dissolve(Grid, neighbourhoods);

        Assert.False(result.ContainsKey("P4"));
        Assert.False(result.ContainsKey("I3"));
        Assert.Equal(3.0, result["P2"].Area);
        Assert.Equal(3.0, result["S2"].Area);
        Assert.Equal(11.0, result["E"].Area);
        Assert.All(result.Values, g => Assert.True(g.IsValid));
    }

    [Fact]
    public void Dissolve_OverlappingNeighbourhoods_FallsBackToValidUnion()
    {
        var geography = OnePlace("A", "B");
        var neighbourhoods = new Dictionary<string, Geometry>
        {
            ["A"] = Wkt.Read("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"),
            ["B"] = Wkt.Read("POLYGON ((1 0, 3 0, 3 2, 1 2, 1 0))"),
        };

        var result = BoundaryDissolver.Dissolve(geography, neighbourhoods);

        Assert.True(result["P"].IsValid);
        AssertSameShape("POLYGON ((0 0, 1 0, 2 0, 3 0, 3 2, 2 2, 1 2, 0 2, 0 0))", result["P"]);
    }

    [Fact]
    public void Dissolve_VertexOnNeighboursEdge_FallsBackToValidUnion()
    {
        // B's corner (2 1) lies on A's edge, where A has no vertex: not a clean coverage.
        var geography = OnePlace("A", "B");
        var neighbourhoods = new Dictionary<string, Geometry>
        {
            ["A"] = Wkt.Read("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"),
            ["B"] = Wkt.Read("POLYGON ((2 0, 3 0, 3 1, 2 1, 2 0))"),
        };

        var result = BoundaryDissolver.Dissolve(geography, neighbourhoods);

        Assert.True(result["P"].IsValid);
        AssertSameShape("POLYGON ((0 0, 2 0, 3 0, 3 1, 2 1, 2 2, 0 2, 0 0))", result["P"]);
    }

    [EnglandFact]
    public void Dissolve_England_EveryAreaDissolvedAndNestingExactly()
    {
        var repaired = PolygonRepair.Repair(EnglandData.Lsoa21Bng, EnglandData.Lsoa21File, new DatasetReport());
        var neighbourhoods = repaired.ToDictionary(b => b.Code, b => b.Boundary, StringComparer.OrdinalIgnoreCase);
        var geography = EnglandData.Geography;

        var clock = Stopwatch.StartNew();
        var result = BoundaryDissolver.Dissolve(geography, neighbourhoods);
        clock.Stop();

        Assert.Equal(310, geography.AtLevel(Level.Place).Count);
        Assert.Equal(45, geography.AtLevel(Level.Icp).Count);
        Assert.Equal(42, geography.AtLevel(Level.System).Count);
        Assert.Equal(310 + 45 + 42 + 1, result.Count);
        output.WriteLine($"Dissolved {result.Count} areas from {neighbourhoods.Count} neighbourhoods in {clock.ElapsedMilliseconds} ms.");

        clock.Restart();
        Assert.All(result, r => Assert.True(r.Value.IsValid, $"{r.Key} is invalid"));
        foreach (var parent in geography.Areas.Where(a => a.Level != Level.Neighbourhood))
        {
            var childArea = parent.ChildCodes.Sum(c => (geography.Get(c).Level == Level.Neighbourhood ? neighbourhoods : result)[c].Area);
            Assert.True(Math.Abs(childArea - result[parent.Code].Area) <= 1e-6 * childArea,
                $"{parent}: children {childArea} m², dissolved {result[parent.Code].Area} m²");
        }

        // Neighbouring places (whatever their ICP or system) meet along identical edges: not a
        // square millimetre of overlap between any two.
        var places = geography.AtLevel(Level.Place).Select(p => result[p.Code]).ToArray();
        var index = new STRtree<int>();
        for (var i = 0; i < places.Length; i++)
        {
            index.Insert(places[i].EnvelopeInternal, i);
        }

        index.Build();
        var pairs = Enumerable.Range(0, places.Length)
            .SelectMany(i => index.Query(places[i].EnvelopeInternal).Where(j => j > i).Select(j => (i, j)))
            .ToArray();
        var overlaps = pairs.AsParallel().Select(p => places[p.i].Intersection(places[p.j]).Area).ToArray();
        Assert.All(overlaps, area => Assert.Equal(0.0, area));
        output.WriteLine($"Checked validity, areas and {pairs.Length} neighbouring place pairs in {clock.ElapsedMilliseconds} ms.");
    }

    private static Dictionary<string, Geometry> GridNeighbourhoods()
    {
        var result = new Dictionary<string, Geometry>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < 4; c++)
        {
            for (var r = 0; r < 4; r++)
            {
                result[$"N{c}{r}"] = Factory.CreatePolygon([new(c, r), new(c + 1, r), new(c + 1, r + 1), new(c, r + 1), new(c, r)]);
            }
        }

        return result;
    }

    private static Geography BuildGrid()
    {
        var areas = new List<Area>();
        var places = new (string Code, string Icp, int Column, int Row)[] { ("P1", "I1", 0, 0), ("P2", "I2", 2, 0), ("P3", "I1", 0, 2), ("P4", "I3", 2, 2) };
        foreach (var (code, icp, column, row) in places)
        {
            var children = new[] { $"N{column}{row}", $"N{column + 1}{row}", $"N{column}{row + 1}", $"N{column + 1}{row + 1}" };
            areas.AddRange(children.Select(n => new Area(n, n, Level.Neighbourhood, code, [])));
            areas.Add(new Area(code, code, Level.Place, icp, children));
        }

        areas.Add(new Area("I1", "I1", Level.Icp, "S1", ["P1", "P3"]));
        areas.Add(new Area("I2", "I2", Level.Icp, "S2", ["P2"]));
        areas.Add(new Area("I3", "I3", Level.Icp, "S2", ["P4"]));
        areas.Add(new Area("S1", "S1", Level.System, "E", ["I1"]));
        areas.Add(new Area("S2", "S2", Level.System, "E", ["I2", "I3"]));
        return new Geography(new Area("E", "E", Level.Country, null, ["S1", "S2"]), areas);
    }

    private static Geography OnePlace(params string[] neighbourhoods)
    {
        var areas = neighbourhoods.Select(n => new Area(n, n, Level.Neighbourhood, "P", [])).ToList();
        areas.Add(new Area("P", "P", Level.Place, "I", neighbourhoods));
        areas.Add(new Area("I", "I", Level.Icp, "S", ["P"]));
        areas.Add(new Area("S", "S", Level.System, "E", ["I"]));
        return new Geography(new Area("E", "E", Level.Country, null, ["S"]), areas);
    }

    private static void AssertSameShape(string expectedWkt, Geometry actual)
    {
        var expected = Wkt.Read(expectedWkt).Normalized();
        Assert.True(expected.EqualsExact(actual.Normalized()), $"expected {expected}, got {actual.Normalized()}");
    }
}
