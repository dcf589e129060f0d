using Geo.Core.Catchments;
using Geo.Core.Sources;

namespace Geo.Core.Tests.Catchments;

public class CatchmentBuilderTests
{
    private static readonly CatchmentOptions Proportional = CatchmentOptions.Default;
    private static readonly CatchmentOptions Fptp = new() { Method = CatchmentMethod.FirstPastThePost };

    private static string[] Members(CatchmentSet set, string provider) => [.. set.Find(provider)!.Members.Select(m => m.Neighbourhood)];

    [Fact]
    public void Build_ProportionalAt30_MembershipsWeightsAndOverlapsAsByHand()
    {
        var set = CatchmentBuilder.Build(HandFlows.Build(), Proportional);

        // 30% or more: N1 → P1 (.6), P2 (.3 exactly); N2 → P1, P2 (.4 each); N3 → P2, P3 (.5 each); N4 → nobody
        // (.25 each); N5 → P4 (.8).
        Assert.Equal(["N1", "N2"], Members(set, "P1"));
        Assert.Equal(["N1", "N2", "N3"], Members(set, "P2"));
        Assert.Equal(["N3"], Members(set, "P3"));
        Assert.Equal(["N5"], Members(set, "P4"));
        Assert.Empty(Members(set, "P5"));

        var p2 = set.Find("P2")!;
        Assert.Equal([0.3, 0.4, 0.5], p2.Members.Select(m => m.Share));
        Assert.Equal([0.3, 0.4, 0.5], p2.Members.Select(m => m.Weight));
        Assert.Equal([30.0, 20, 50], p2.Members.Select(m => m.Flow));
        Assert.Equal(125, p2.TotalFlow);
        Assert.Equal(100, p2.MemberFlow);

        // Overlaps: N1 and N2 (P1 and P2), N3 (P2 and P3).
        Assert.Equal(2, set.Find("P1")!.SharedNeighbourhoods);
        Assert.Equal(["P2"], set.Find("P1")!.OverlappingProviders);
        Assert.Equal(3, p2.SharedNeighbourhoods);
        Assert.Equal(["P1", "P3"], p2.OverlappingProviders);
        Assert.Equal(["P2"], set.Find("P3")!.OverlappingProviders);
        Assert.Empty(set.Find("P4")!.OverlappingProviders);
        Assert.Equal([1, 1, 3], set.NeighbourhoodsByMemberships);
        Assert.Equal(3, set.OverlappingNeighbourhoods);
        Assert.Equal(["N4"], set.Unassigned);
        Assert.Equal(0, set.Ties);
        Assert.Equal(5, set.NeighbourhoodsWithFlow);
        Assert.Equal(["P1", "P2"], set.Containing("N1").Select(c => c.Provider));
        Assert.Empty(set.Containing("N4"));
        Assert.Equal(["P1", "P2", "P3", "P4", "P5"], set.Catchments.Select(c => c.Provider));
        Assert.Equal("Two", p2.Name);
    }

    [Fact]
    public void Build_FirstPastThePost_LargestFlowTiesToTheFirstCode()
    {
        var set = CatchmentBuilder.Build(HandFlows.Build(), Fptp);

        // N1 → P1 (60); N2: P1 and P2 tie at 20 → P1; N3: P2 and P3 tie at 50 → P2; N4: four-way tie → P1; N5 → P4.
        Assert.Equal(["N1", "N2", "N4"], Members(set, "P1"));
        Assert.Equal(["N3"], Members(set, "P2"));
        Assert.Empty(Members(set, "P3"));
        Assert.Equal(["N5"], Members(set, "P4"));
        Assert.Equal(3, set.Ties);
        Assert.Equal([0, 5], set.NeighbourhoodsByMemberships);
        Assert.Equal(0, set.OverlappingNeighbourhoods);
        Assert.Empty(set.Unassigned);
        Assert.All(set.Catchments.SelectMany(c => c.Members), m => Assert.Equal(1, m.Weight));
        Assert.Equal(0.4, set.Find("P1")!.Members[1].Share);
        Assert.All(set.Catchments, c => Assert.Empty(c.OverlappingProviders));
    }

    [Fact]
    public void Build_TieRule_DoesNotDependOnTheOrderOfRows()
    {
        var reversed = HandFlows.Build();
        reversed = new FlowSource
        {
            Providers = reversed.Providers,
            ProviderNames = reversed.ProviderNames,
            Flows = [.. reversed.Flows.Reverse()],
            File = reversed.File,
        };

        var a = CatchmentBuilder.Build(HandFlows.Build(), Fptp);
        var b = CatchmentBuilder.Build(reversed, Fptp);

        Assert.Equal(a.Catchments.Select(c => string.Join(",", c.Members.Select(m => m.Neighbourhood))),
            b.Catchments.Select(c => string.Join(",", c.Members.Select(m => m.Neighbourhood))));
    }

    [Fact]
    public void Build_HigherThreshold_FewerMembersMoreUnassigned()
    {
        var set = CatchmentBuilder.Build(HandFlows.Build(), new CatchmentOptions { Threshold = 0.5 });

        Assert.Equal(["N1"], Members(set, "P1"));
        Assert.Equal(["N3"], Members(set, "P2"));
        Assert.Equal(["N3"], Members(set, "P3"));
        Assert.Equal(["N2", "N4"], set.Unassigned);
        Assert.Equal([2, 2, 1], set.NeighbourhoodsByMemberships);
    }

    [Fact]
    public void Build_RepeatedPairs_AddUp()
    {
        // Two 2011 neighbourhoods merged into one 2021 neighbourhood give the same provider twice.
        var flows = new FlowSource
        {
            Providers = "p",
            ProviderNames = new Dictionary<string, string> { ["A"] = "A", ["B"] = "B" },
            Flows = HandFlows.Rows(("A", "N1", 20), ("B", "N1", 30), ("A", "N1", 20)),
            File = "f",
        };

        var set = CatchmentBuilder.Build(flows, Fptp);

        Assert.Equal(["N1"], Members(set, "A"));
        Assert.Equal(40.0 / 70, set.Find("A")!.Members[0].Share, 12);
        Assert.Equal(40, set.Find("A")!.TotalFlow);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Build_BadThreshold_Throws(double threshold)
    {
        var e = Assert.Throws<ArgumentException>(() => CatchmentBuilder.Build(HandFlows.Build(), new CatchmentOptions { Threshold = threshold }));
        Assert.Contains("threshold", e.Message, StringComparison.Ordinal);
    }
}
