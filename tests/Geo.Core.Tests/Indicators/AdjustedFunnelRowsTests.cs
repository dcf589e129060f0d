using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Statistics;
using static Geo.Core.Tests.Indicators.TinyGeography;

namespace Geo.Core.Tests.Indicators;

public class AdjustedFunnelRowsTests
{
    // Five neighbourhoods of 1,000, with 50, 100, 150, 200 and 250 cases: England 750/5,000 = 15%. Worked by hand:
    // s = 100 √(0.15 × 0.85 / 1000), s² = 1.275 (percentage points²); y - θ = -10, -5, 0, 5, 10.
    // Winsorised (n = 5, h = 0.4 and 3.6): -10 + 0.4 × 5 = -8 and 8, so Σ(y - θ)² = 64 + 25 + 0 + 25 + 64 = 178,
    // φ = 178 / (5 × 1.275) = 27.921569. Equal weights w = 1/1.275: Σw - Σw²/Σw = 4/1.275, so
    // τ² = (178/1.275 - 4) × 1.275/4 = (178 - 5.1)/4 = 43.225.
    // Random effects at 95%: 15 ± 1.959964 √(1.275 + 43.225) = 15 ± 13.074589 → 1.925411 to 28.074589: all within.
    // φ at 99.8%: 15 ± 3.090232 √(1.275 × 27.921569) = 15 ± 3.090232 √35.6 → 15 ± 18.438086, held at 0 below.
    private static IndicatorEngine FiveNeighbourhoods()
    {
        var records = new[] { ("N1", 50.0), ("N2", 100), ("N3", 150), ("N4", 200), ("N5", 250) }
            .Select((r, i) => new IndicatorRecord(r.Item1, "2024", -1, r.Item2, 1000, i + 2));
        return Engine(Source(IndicatorValueType.Proportion, 100, records), Population(Neighbourhoods.Select(n => (n, 1000.0)).ToArray()));
    }

    private static AdjustedFunnelRows Adjust(FunnelAdjustment? requested)
    {
        var engine = FiveNeighbourhoods();
        var view = engine.Publish("2024");
        return AdjustedFunnelRows.Adjust(engine, [.. view.AtLevel(Level.Neighbourhood, "C")], view.Get("C"), requested);
    }

    [Fact]
    public void Adjust_NoneAsked_TestChoosesRandomEffectsWithTheHandWorkedPhiAndTau()
    {
        var adjusted = Adjust(null);

        Assert.Equal(FunnelAdjustment.RandomEffects, adjusted.Adjustment);
        Assert.True(adjusted.ChosenByTest);
        Assert.Equal(5, adjusted.Estimate!.Value.Count);
        Assert.Equal(178 / (5 * 1.275), adjusted.Estimate.Value.Phi, 1e-9);
        Assert.Equal(43.225, adjusted.Estimate.Value.TauSquared, 1e-9);
    }

    [Fact]
    public void Adjust_RandomEffects_LimitsAreHandWorkedAndEveryRowIsWithin()
    {
        var adjusted = Adjust(FunnelAdjustment.RandomEffects);

        Assert.All(adjusted.Rows, r =>
        {
            Assert.Equal(1.925411, r.Funnel95!.Value.Lower, 1e-5);
            Assert.Equal(28.074589, r.Funnel95!.Value.Upper, 1e-5);
            Assert.Equal(FunnelPosition.WithinLimits, r.FunnelPosition);
        });
    }

    [Fact]
    public void Adjust_Phi_LowerLimitHeldAtZero()
    {
        var n1 = Adjust(FunnelAdjustment.Phi).Rows.Single(r => r.Area.Code == "N1");

        Assert.Equal(0, n1.Funnel998!.Value.Lower);
        Assert.Equal(15 + (3.090232306167813 * Math.Sqrt(35.6)), n1.Funnel998!.Value.Upper, 1e-9);
        Assert.Equal(FunnelPosition.WithinLimits, n1.FunnelPosition);
    }

    [Fact]
    public void Adjust_Poisson_LeavesThePublishedRowsAsTheyAre()
    {
        var published = FiveNeighbourhoods().Publish("2024").AtLevel(Level.Neighbourhood, "C").ToArray();
        var adjusted = Adjust(FunnelAdjustment.Poisson);

        Assert.Equal(published.Select(r => (r.Area.Code, r.Funnel95, r.Funnel998, r.FunnelPosition)),
            adjusted.Rows.Select(r => (r.Area.Code, r.Funnel95, r.Funnel998, r.FunnelPosition)));
        Assert.Equal(FunnelPosition.Below998, adjusted.Rows[0].FunnelPosition);
    }
}
