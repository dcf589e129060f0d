using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Statistics;
using static Geo.Core.Tests.Indicators.TinyGeography;

namespace Geo.Core.Tests.Indicators;

public class IndicatorViewTests
{
    private static readonly IReadOnlyDictionary<string, double[]> People =
        Population(("N1", 1000), ("N2", 3000), ("N3", 2000), ("N4", 1000), ("N5", 1000));

    private static IndicatorView Publish(params (string Area, double Count)[] counts) =>
        Engine(Source(IndicatorValueType.CrudeRate, 1000, Counts(counts)), People, policy: SuppressionPolicy.Default).Publish("2024");

    [Fact]
    public void Publish_SmallCount_HidesItAndEverythingDerivedFromIt()
    {
        var view = Publish(("N1", 5), ("N2", 20), ("N3", 40), ("N4", 30), ("N5", 12));

        var n1 = view.Get("N1");

        Assert.Equal(SuppressionReason.Primary, n1.Suppression);
        Assert.Null(n1.Count);
        Assert.Null(n1.Value);
        Assert.Null(n1.Lower95);
        Assert.Null(n1.Upper998);
        Assert.Null(n1.Excess);
        Assert.Null(n1.Rank);
        Assert.Equal(Comparison.NotCompared, n1.VsEngland95);
        Assert.Null(n1.FunnelPosition);
        // Depend only on the population: still shown.
        Assert.Equal(1000, n1.Denominator);
        Assert.NotNull(n1.Expected);
        Assert.NotNull(n1.Funnel95);
    }

    [Fact]
    public void Publish_OnlyChildHidden_HidesASiblingSoTheParentCannotGiveItAway()
    {
        var view = Publish(("N1", 5), ("N2", 20), ("N3", 40), ("N4", 30), ("N5", 12));

        // D1 = N1 + N2 is shown (25), so N2 (20) must go too, or 25 - 20 = 5 gives N1 away.
        Assert.Equal(25, view.Get("D1").Count);
        Assert.Equal(SuppressionReason.Secondary, view.Get("N2").Suppression);
        Assert.Null(view.Get("N2").Count);
        Assert.Equal(SuppressionReason.None, view.Get("N4").Suppression);
    }

    [Fact]
    public void Publish_ZeroAndEight_AreShown()
    {
        var view = Publish(("N1", 0), ("N2", 8), ("N3", 40), ("N4", 30), ("N5", 12));

        Assert.Equal(0, view.Get("N1").Count);
        Assert.Equal(8, view.Get("N2").Count);
        Assert.All(view.Rows, r => Assert.Equal(SuppressionReason.None, r.Suppression));
    }

    [Fact]
    public void Publish_RanksAmongTheSiblingsShown_HighestFirst()
    {
        var view = Publish(("N1", 5), ("N2", 20), ("N3", 40), ("N4", 30), ("N5", 12));

        Assert.Equal(1, view.Get("N4").Rank); // 30 per 1,000
        Assert.Equal(2, view.Get("N5").Rank); // 12 per 1,000
        Assert.Equal(1, view.Get("D2").Rank); // 20 per 1,000 against D1's 6.25
        Assert.Equal(2, view.Get("D1").Rank);
    }

    [Fact]
    public void Publish_SiblingOfAHiddenCount_LosesItsExcessShare()
    {
        var view = Publish(("N1", 5), ("N2", 20), ("N3", 40), ("N4", 30), ("N5", 12));

        // S2's children are all shown, so their shares are; D1's children include a hidden count.
        Assert.NotNull(view.Get("N4").ExcessShare);
        Assert.Null(view.Get("N1").ExcessShare);
        Assert.Null(view.Get("N2").ExcessShare);
    }

    [Fact]
    public void Publish_ScoreIndicator_IsNeverSuppressed()
    {
        var view = Engine(Source(IndicatorValueType.Score, 1, Counts(("N1", 2), ("N2", 3), ("N3", 4), ("N4", 5), ("N5", 6))), People,
            policy: SuppressionPolicy.Default).Publish("2024");

        Assert.All(view.Rows, r => Assert.Equal(SuppressionReason.None, r.Suppression));
        Assert.Equal(2, view.Get("N1").Value);
    }
}
