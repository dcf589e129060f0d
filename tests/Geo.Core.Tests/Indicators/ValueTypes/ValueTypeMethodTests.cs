using Geo.Core.Indicators;
using Geo.Core.Indicators.ValueTypes;
using Geo.Core.Sources;
using Geo.Core.Statistics;

namespace Geo.Core.Tests.Indicators.ValueTypes;

public class ValueTypeMethodTests
{
    private static readonly IReadOnlyList<AgeBand> TwoBands = [new AgeBand(0, 44), new AgeBand(45, null)];

    private static IndicatorDefinition Definition(IndicatorValueType type, double multiplier) =>
        new("test", "Test", type, multiplier, Polarity.HigherIsWorse, "unit", "hand-made");

    [Fact]
    public void For_EveryValueType_HasAMethod()
    {
        foreach (var type in Enum.GetValues<IndicatorValueType>())
        {
            Assert.NotNull(ValueTypeMethod.For(Definition(type, 100), TwoBands));
        }
    }

    [Theory]
    [InlineData(IndicatorValueType.DirectlyStandardisedRate)]
    [InlineData(IndicatorValueType.IndirectlyStandardisedRatio)]
    public void For_StandardisedWithoutBands_Throws(IndicatorValueType type)
    {
        var e = Assert.Throws<ArgumentException>(() => ValueTypeMethod.For(Definition(type, 100), []));
        Assert.Contains("age-standardised", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_Dsr_IsEsp2013MergedToTheBands()
    {
        // 0-44: 5,000 + 3 x 5,500 + 2 x 6,000 + 6,500 + 2 x 7,000 = 54,000; 45+: the rest of 100,000.
        var method = ValueTypeMethod.For(Definition(IndicatorValueType.DirectlyStandardisedRate, 100_000), TwoBands);

        Assert.Equal([54_000.0, 46_000.0], method.Standard!);
        Assert.Null(ValueTypeMethod.For(Definition(IndicatorValueType.IndirectlyStandardisedRatio, 100), TwoBands).Standard);
    }

    [Theory]
    [InlineData(IndicatorValueType.CrudeRate, 100_000,
        "Crude rate per 100,000: events / population x 100,000, summed from neighbourhood counts; 95% and 99.8% limits exact Poisson below 10 events, Byar's from 10.")]
    [InlineData(IndicatorValueType.Proportion, 100,
        "Proportion x 100: numerator / denominator, summed from neighbourhood counts; 95% and 99.8% Wilson score limits.")]
    [InlineData(IndicatorValueType.DirectlyStandardisedRate, 100_000,
        "Directly age-standardised rate per 100,000 on the 2013 European Standard Population over 2 bands (0-44, 45+; ESP2013 bands merged where the data or population are coarser); 95% and 99.8% limits by Dobson's method; not calculated below 10 events.")]
    [InlineData(IndicatorValueType.IndirectlyStandardisedRatio, 100,
        "Indirectly standardised ratio x 100: observed / expected, expected from the dataset total's age-specific rates over 2 bands; limits from the Poisson limits of the observed count (exact below 10 events, Byar's from 10).")]
    [InlineData(IndicatorValueType.Score, 1,
        "Score: population-weighted mean of the neighbourhood scores; no confidence limits.")]
    public void Describe_EachValueType_NamesItsMethod(IndicatorValueType type, double multiplier, string expected) =>
        Assert.Equal(expected, ValueTypeMethod.For(Definition(type, multiplier), TwoBands).Describe());

    [Fact]
    public void Calculate_Isr_IsObservedOverExpectedAtReferenceRates()
    {
        // Expected = 1,000 x 0.005 + 500 x 0.03 = 5 + 15 = 20; observed 10 + 20 = 30; ratio x 100 = 150.
        var method = ValueTypeMethod.For(Definition(IndicatorValueType.IndirectlyStandardisedRatio, 100), TwoBands);

        var figures = method.Calculate([10, 20], [1_000, 500], [0.005, 0.03]);

        Assert.Equal(30, figures.Count);
        Assert.Equal(1_500, figures.Denominator);
        Assert.Equal(20, figures.Expected!.Value, 12);
        Assert.Equal(150, figures.Value!.Value, 9);
        Assert.True(figures.Lower95 < 150 && 150 < figures.Upper95);
        Assert.True(figures.Lower998 < figures.Lower95 && figures.Upper95 < figures.Upper998);
    }

    [Fact]
    public void Calculate_ProportionAboveOne_HasNoValueAndSaysWhy()
    {
        var method = ValueTypeMethod.For(Definition(IndicatorValueType.Proportion, 100), [new AgeBand(0, null)]);

        var figures = method.Calculate([12], [10], [0.5]);

        Assert.Null(figures.Value);
        Assert.Equal(12, figures.Count);
        Assert.Equal(5, figures.Expected); // 10 x 0.5
        Assert.Equal("numerator exceeds denominator", figures.Note);
    }

    [Fact]
    public void Calculate_Score_IsTheWeightedMeanWithoutCountOrInterval()
    {
        // Numerators arrive as score x weight: (20 x 100 + 40 x 300) / 400 = 14,000 / 400 = 35.
        var method = ValueTypeMethod.For(Definition(IndicatorValueType.Score, 1), [new AgeBand(0, null)]);

        var figures = method.Calculate([14_000], [400], [0]);

        Assert.Equal(35, figures.Value);
        Assert.Null(figures.Count);
        Assert.Null(figures.Expected);
        Assert.Null(figures.Lower95);
        Assert.Null(method.Funnel(1, 1, 1, 1));
    }

    [Fact]
    public void Calculate_DsrBelowTenEvents_IsNotCalculated()
    {
        var method = ValueTypeMethod.For(Definition(IndicatorValueType.DirectlyStandardisedRate, 100_000), TwoBands);

        var figures = method.Calculate([4, 5], [1_000, 1_000], [0.001, 0.002]);

        Assert.Null(figures.Value);
        Assert.Equal(9, figures.Count);
        Assert.StartsWith("DSR not calculated: fewer than 10 events", figures.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IndicatorValueType.CrudeRate, 100_000, 375)] // O/E x England's rate: 30 / 20 x 250
    [InlineData(IndicatorValueType.DirectlyStandardisedRate, 100_000, 375)] // a DSR is placed like a crude rate
    [InlineData(IndicatorValueType.IndirectlyStandardisedRatio, 100, 150)] // O/E x 100
    public void Funnel_RatesAndRatios_PlaceObservedOverExpected(IndicatorValueType type, double multiplier, double position)
    {
        var funnel = ValueTypeMethod.For(Definition(type, multiplier), TwoBands).Funnel(30, 12_000, 20, 250)!.Value;

        Assert.Equal(position, funnel.Position, 9);
        var centre = type == IndicatorValueType.IndirectlyStandardisedRatio ? 100 : 250;
        Assert.True(funnel.Limits998.Lower < funnel.Limits95.Lower && funnel.Limits95.Lower < centre);
        Assert.True(centre < funnel.Limits95.Upper && funnel.Limits95.Upper < funnel.Limits998.Upper);
    }

    [Fact]
    public void Funnel_Proportion_PlacesTheProportionAndHasNoneAboveTheMultiplier()
    {
        var method = ValueTypeMethod.For(Definition(IndicatorValueType.Proportion, 100), [new AgeBand(0, null)]);

        Assert.Equal(30, method.Funnel(60, 200, 50, 25)!.Value.Position, 12); // 60 / 200 x 100
        Assert.Null(method.Funnel(60, 200, 50, 101));
    }
}
