using Geo.Core.Catchments;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Statistics;
using Geo.Core.Tests.Indicators;

namespace Geo.Core.Tests.Catchments;

/// <summary>
/// Catchment indicators on the tiny geography, crude rate per 100,000: people N1 1,000, N2 2,000, N3 3,000,
/// N4 3,000, N5 1,000; events 40, 50, 70, 20, 30 (England: 210 among 10,000, 2,100 per 100,000).
/// </summary>
public class CatchmentIndicatorTests
{
    private static IndicatorEngine Engine(SuppressionPolicy policy, double n2 = 50, double n5 = 30) => TinyGeography.Engine(
        TinyGeography.Source(IndicatorValueType.CrudeRate, 100_000,
            TinyGeography.Counts(("N1", 40), ("N2", n2), ("N3", 70), ("N4", 20), ("N5", n5))),
        TinyGeography.Population(("N1", 1000), ("N2", 2000), ("N3", 3000), ("N4", 3000), ("N5", 1000)),
        policy: policy);

    private static Catchment Find(CatchmentMethod method, string provider) =>
        CatchmentBuilder.Build(HandFlows.Build(), new CatchmentOptions { Method = method }).Find(provider)!;

    [Fact]
    public void Compute_ProportionalFlow_SumsWeightedByShareAsByHand()
    {
        // P2 takes .3 of N1, .4 of N2 and .5 of N3: events 12 + 20 + 35 = 67 among 300 + 800 + 1,500 = 2,600 people.
        var row = CatchmentIndicator.Compute(Engine(SuppressionPolicy.None), "2024", Find(CatchmentMethod.ProportionalFlow, "P2"));

        Assert.Equal(Level.Catchment, row.Area.Level);
        Assert.Equal("P2", row.Area.Code);
        Assert.Equal("Two", row.Area.Name);
        Assert.Null(row.Area.ParentCode);
        Assert.Equal(67, row.Count!.Value, 9);
        Assert.Equal(2600, row.Denominator!.Value, 9);
        Assert.Equal(67.0 / 2600 * 100_000, row.Value!.Value, 9);
        var byars = PoissonInterval.Calculate(67, ConfidenceLevel.Percent95);
        Assert.Equal(byars.Lower / 2600 * 100_000, row.Lower95!.Value, 9);
        Assert.Equal(byars.Upper / 2600 * 100_000, row.Upper95!.Value, 9);

        // Expected at England's 0.021 a head: 54.6, so 12.4 in excess; England's 2,100 lies inside the interval.
        Assert.Equal(54.6, row.Expected!.Value, 9);
        Assert.Equal(12.4, row.Excess!.Value, 9);
        Assert.Equal(Comparison.Similar, row.VsEngland95);
        Assert.Equal(Comparison.NotCompared, row.VsParent95);
        Assert.Null(row.ExcessShare);
        Assert.Equal(1, row.Coverage);
        Assert.NotNull(row.Funnel95);
    }

    [Fact]
    public void Compute_FirstPastThePost_WholeNeighbourhoods()
    {
        // P1 has N1, N2 and N4 whole: 110 events among 6,000.
        var row = CatchmentIndicator.Compute(Engine(SuppressionPolicy.None), "2024", Find(CatchmentMethod.FirstPastThePost, "P1"));

        Assert.Equal(110, row.Count!.Value, 9);
        Assert.Equal(6000, row.Denominator!.Value, 9);
        Assert.Equal(110.0 / 6000 * 100_000, row.Value!.Value, 9);
        Assert.Equal(126, row.Expected!.Value, 9);
    }

    [Fact]
    public void ComputeGroup_SameNeighbourhoodsAsAPlace_SameFiguresAsThePlace()
    {
        var engine = Engine(SuppressionPolicy.None);
        var place = engine.Compute("2024").Single(r => r.Area.Code == "D1");
        var area = new Area("G", "Group", Level.Catchment, null, ["N1", "N2"]);

        var group = engine.ComputeGroup("2024", area, [("N1", 1), ("N2", 1)]);

        foreach (var (a, b) in new (double?, double?)[]
        {
            (place.Count, group.Count), (place.Denominator, group.Denominator), (place.Value, group.Value),
            (place.Lower95, group.Lower95), (place.Upper998, group.Upper998), (place.Expected, group.Expected),
            (place.Funnel95?.Lower, group.Funnel95?.Lower), (place.Funnel998?.Upper, group.Funnel998?.Upper),
        })
        {
            Assert.Equal(a!.Value, b!.Value, 9);
        }

        Assert.Equal(place.VsEngland95, group.VsEngland95);
        Assert.Equal(place.FunnelPosition, group.FunnelPosition);
        Assert.Throws<ArgumentException>(() => engine.ComputeGroup("2024", area, [("N1", -1)]));
    }

    [Fact]
    public void Publish_SmallCount_PrimarySuppressed()
    {
        // P4 (first past the post) is N5 alone, with 3 events.
        var row = CatchmentIndicator.Publish(Engine(SuppressionPolicy.Default, n5: 3), "2024", Find(CatchmentMethod.FirstPastThePost, "P4"));

        Assert.Equal(SuppressionReason.Primary, row.Suppression);
        Assert.Null(row.Count);
        Assert.Null(row.Value);
        Assert.Null(row.Excess);
        Assert.Equal(1000, row.Denominator!.Value, 9);
    }

    [Fact]
    public void Publish_SuppressedMember_CatchmentHiddenToProtectIt()
    {
        // N2 has 5 events (hidden; the hierarchy then hides N1 too, since D1 = N1 + N2 is shown). P2's 12 + 2 + 35 = 49
        // is not small, but with D1's 45 it would give N2 away: .3·N1 + .4·N2 = 49 − .5 × 70 = 14 and N1 + N2 = 45,
        // so N2 = 5. And the catchment at a threshold above .3 leaves N1 out, a second equation of its own.
        var engine = Engine(SuppressionPolicy.Default, n2: 5);
        var catchment = Find(CatchmentMethod.ProportionalFlow, "P2");

        Assert.Equal(49, CatchmentIndicator.Compute(engine, "2024", catchment).Count!.Value, 9);
        var row = CatchmentIndicator.Publish(engine, "2024", catchment);

        Assert.Equal(SuppressionReason.Secondary, row.Suppression);
        Assert.Null(row.Count);
        Assert.Null(row.Value);
        Assert.Equal(CatchmentIndicator.ProtectsMembers, row.Note);

        // P3 (N3 only) has no suppressed member: its 35 is .5 × N3's published 70, so it is shown.
        var shown = CatchmentIndicator.Publish(engine, "2024", Find(CatchmentMethod.ProportionalFlow, "P3"));
        Assert.Equal(SuppressionReason.None, shown.Suppression);
        Assert.Equal(35, shown.Count!.Value, 9);
    }
}
