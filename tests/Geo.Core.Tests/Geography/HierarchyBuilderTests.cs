using Geo.Core.Geography;
using Geo.Core.Reports;
using Geo.Core.Sources;

namespace Geo.Core.Tests.Geography;

public class HierarchyBuilderTests
{
    // Two systems; district D2 straddles them (two neighbourhoods in S1, one in S2).
    private static readonly (string N, string Place, string System)[] Lookup =
    [
        ("N1", "D1", "S1"), ("N2", "D1", "S1"),
        ("N3", "D2", "S1"), ("N4", "D2", "S1"), ("N5", "D2", "S2"),
        ("N6", "D3", "S2"), ("N7", "D4", "S2"),
    ];

    private static DatasetSource Source(IReadOnlyList<IcpRecord>? icps = null, IEnumerable<(string N, string Place, string System)>? lookup = null) => new()
    {
        Name = "test",
        BoundaryVintage = "test",
        Boundaries = [],
        BoundaryFile = "boundaries.geojson",
        Hierarchy = (lookup ?? Lookup).Select((r, i) => new HierarchyRecord(r.N, $"{r.N} name", r.Place, $"{r.Place} name",
            r.System, $"NHS {r.System} Integrated Care Board", i + 2)).ToArray(),
        HierarchyFile = "lookup.csv",
        Icps = icps ?? [],
        IcpFile = icps is null ? null : "icps.csv",
    };

    [Fact]
    public void Build_DistrictInTwoSystems_MakesOnePartialPlacePerSystem()
    {
        var g = HierarchyBuilder.Build(Source(), new DatasetReport());

        var parts = g.AtLevel(Level.Place).Where(p => p.DistrictCode == "D2").ToArray();
        Assert.Equal(["D2-S1", "D2-S2"], parts.Select(p => p.Code));
        Assert.All(parts, p => Assert.True(p.IsPartial));
        Assert.Equal(["N3", "N4"], g.Get("D2-S1").ChildCodes);
        Assert.Equal(["N5"], g.Get("D2-S2").ChildCodes);
        Assert.Equal("D2 name (part in S2)", g.Get("D2-S2").Name);
        Assert.False(g.Get("D1").IsPartial);
        Assert.Equal("D1", g.Get("D1").DistrictCode);
    }

    [Fact]
    public void Build_NoIcpFile_GivesEachSystemOneIcpHoldingAllItsPlaces()
    {
        var report = new DatasetReport();
        var g = HierarchyBuilder.Build(Source(), report);

        Assert.Equal(["S1-ICP", "S2-ICP"], g.AtLevel(Level.Icp).Select(i => i.Code));
        Assert.Equal(["D1", "D2-S1"], g.Get("S1-ICP").ChildCodes);
        Assert.Equal(["D2-S2", "D3", "D4"], g.Get("S2-ICP").ChildCodes);
        Assert.Equal(["S1-ICP"], g.Get("S1").ChildCodes);
        Assert.Equal("S1 ICP", g.Get("S1-ICP").Name);
        Assert.Contains(report.Notes, n => n.Contains("one ICP", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_IcpFile_SplitsItsSystemAndLeavesOthersWhole()
    {
        IcpRecord[] icps =
        [
            new("S2", "S2-A", "Area A", "D2", 2),
            new("S2", "S2-A", "Area A", "D3", 3),
            new("S2", "S2-B", "Area B", "D4", 4),
        ];
        var report = new DatasetReport();
        var g = HierarchyBuilder.Build(Source(icps), report);

        Assert.Equal(["S1-ICP", "S2-A", "S2-B"], g.AtLevel(Level.Icp).Select(i => i.Code));
        Assert.Equal(["D2-S2", "D3"], g.Get("S2-A").ChildCodes);
        Assert.Equal("S2-A", g.Get("D2-S2").ParentCode);
        Assert.Equal("S1-ICP", g.Get("D2-S1").ParentCode);
        Assert.Empty(report.UnmatchedCodes);
    }

    [Fact]
    public void Build_IcpRowForPlaceNotInThatSystem_ReportsItUnmatched()
    {
        IcpRecord[] icps =
        [
            new("S2", "S2-A", "Area A", "D2", 2),
            new("S2", "S2-A", "Area A", "D3", 3),
            new("S2", "S2-A", "Area A", "D4", 4),
            new("S2", "S2-A", "Area A", "D1", 5), // D1 lies wholly in S1
        ];
        var report = new DatasetReport();
        HierarchyBuilder.Build(Source(icps), report);

        var unmatched = Assert.Single(report.UnmatchedCodes);
        Assert.Equal("D1", unmatched.Code);
        Assert.Equal("icps.csv", unmatched.File);
        Assert.Contains("line 5", unmatched.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PlaceForgottenByIcpFile_IsKeptAndReported()
    {
        IcpRecord[] icps = [new("S2", "S2-A", "Area A", "D3", 2)];
        var report = new DatasetReport();
        var g = HierarchyBuilder.Build(Source(icps), report);

        Assert.Equal(["D2-S2", "D4"], g.Get("S2-UNASSIGNED").ChildCodes);
        Assert.Equal(["D2-S2", "D4"], report.UnmatchedCodes.Select(u => u.Code).Order());
    }

    [Fact]
    public void Build_NeighbourhoodListedTwice_ThrowsNamingFileAndBothLines()
    {
        var lookup = Lookup.Append(("N3", "D1", "S1"));

        var e = Assert.Throws<GeoDataException>(() => HierarchyBuilder.Build(Source(lookup: lookup), new DatasetReport()));

        Assert.Equal("lookup.csv", e.File);
        Assert.Equal(9, e.Line);
        Assert.Contains("first on line 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EveryNeighbourhoodIsReachedFromTheRootExactlyOnce()
    {
        var g = HierarchyBuilder.Build(Source(), new DatasetReport());

        var reached = g.Neighbourhoods(g.Root).Select(n => n.Code).ToArray();
        Assert.Equal(Lookup.Select(r => r.N).Order(), reached.Order());
        foreach (var area in g.Areas.Where(a => a.ParentCode is not null))
        {
            Assert.Contains(area.Code, g.Get(area.ParentCode!).ChildCodes);
        }
    }

    [Fact]
    public void Ancestors_OfNeighbourhood_RunUpToTheCountry()
    {
        var g = HierarchyBuilder.Build(Source(), new DatasetReport());

        Assert.Equal(["D2-S2", "S2-ICP", "S2", "E92000001"], g.Ancestors(g.Get("N5")).Select(a => a.Code));
    }

    [Theory]
    [InlineData("NHS North East and North Cumbria Integrated Care Board", "North East and North Cumbria")]
    [InlineData("NHS Kent and Medway ICB", "Kent and Medway")]
    [InlineData("Fictional Vale", "Fictional Vale")]
    public void ShortSystemName_DropsNhsPrefixAndBoardSuffix(string name, string expected) =>
        Assert.Equal(expected, HierarchyBuilder.ShortSystemName(name));
}
