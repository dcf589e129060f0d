using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;

namespace Geo.Core.Tests.Indicators;

public class PairSignificanceTests
{
    // Country C: S1 (D1 = N1 + N2, D2 = N3) and S2 (D3 = N4 + N5).
    private static readonly Core.Geography.Geography Tiny = TinyGeography.Build();

    private static IndicatorRow Row(string code, double? value, double? lower, double? upper,
        SuppressionReason suppression = SuppressionReason.None) =>
        new()
        {
            Area = Tiny.Get(code),
            Period = "2024",
            Value = value,
            Lower95 = lower,
            Upper95 = upper,
            Suppression = suppression,
        };

    [Fact]
    public void Compare_GapBetweenTheThresholds_IsSignificantAt95ButNotAt998()
    {
        // a = 120 (100, 140), b = 90 (80, 100).
        // se_a = 40 / (2 x 1.959964) = 40 / 3.919928 = 10.204269; se_b = 20 / 3.919928 = 5.102135.
        // se = √(10.204269² + 5.102135²) = √(104.127107 + 26.031777) = √130.158884 = 11.408720
        //    (= √(40² + 20²) / 3.919928 = 44.721360 / 3.919928).
        // Difference 120 - 90 = 30; z = 30 / 11.408720 = 2.629568.
        // 1.959964 x 11.408720 = 22.360680 < 30: significant at 95%;
        // 3.090232 x 11.408720 = 35.255591 > 30: not at 99.8%.
        var pair = PairSignificance.Compare(Row("D1", 120, 100, 140), Row("D3", 90, 80, 100), Tiny);

        Assert.Equal(PairStatus.Compared, pair.Status);
        Assert.Equal("D1", pair.A);
        Assert.Equal("D3", pair.B);
        Assert.Equal(30, pair.Difference!.Value, 12);
        Assert.Equal(11.408720, pair.StandardError!.Value, 6);
        Assert.Equal(2.629568, pair.Z!.Value, 6);
        Assert.True(pair.Significant95);
        Assert.False(pair.Significant998);
        Assert.Null(pair.Reason);
    }

    [Fact]
    public void Compare_LargeGap_IsSignificantAtBothLevels()
    {
        // a = 120 (100, 140), b = 80 (70, 90): the same se = 11.408720, difference 40,
        // z = 40 / 11.408720 = 3.506090 > 3.090232.
        var pair = PairSignificance.Compare(Row("D1", 120, 100, 140), Row("D3", 80, 70, 90), Tiny);

        Assert.Equal(3.506090, pair.Z!.Value, 6);
        Assert.True(pair.Significant95);
        Assert.True(pair.Significant998);
    }

    [Fact]
    public void Compare_SmallGap_IsNotSignificant()
    {
        // a = 100 (90, 110), b = 95 (85, 105): se = √(20² + 20²) / 3.919928 = 28.284271 / 3.919928 = 7.215508;
        // difference 5, z = 5 / 7.215508 = 0.692952 < 1.959964. B minus A is negative: the sign says which is higher.
        var pair = PairSignificance.Compare(Row("D3", 95, 85, 105), Row("D2", 100, 90, 110), Tiny);

        Assert.Equal(PairStatus.Compared, pair.Status);
        Assert.Equal(-5, pair.Difference!.Value, 12);
        Assert.Equal(7.215508, pair.StandardError!.Value, 6);
        Assert.Equal(0.692952, pair.Z!.Value, 6);
        Assert.False(pair.Significant95);
        Assert.False(pair.Significant998);
    }

    [Theory]
    [InlineData("N1", "S1")] // a neighbourhood inside its system, two levels up
    [InlineData("S1", "N1")] // either order
    [InlineData("D1", "S1")]
    [InlineData("C", "D3")]
    public void Compare_NestedAreas_AreNotComparedWhateverTheirValues(string a, string b)
    {
        var pair = PairSignificance.Compare(Row(a, 120, 100, 140), Row(b, 80, 70, 90), Tiny);

        Assert.Equal(PairStatus.Nested, pair.Status);
        Assert.Null(pair.Difference);
        Assert.Null(pair.StandardError);
        Assert.Null(pair.Z);
        Assert.Null(pair.Significant95);
        Assert.Null(pair.Significant998);
        Assert.Equal("one area lies inside the other, so their estimates are not independent", pair.Reason);
    }

    [Fact]
    public void Compare_NeighboursInDifferentPlaces_AreNotNested()
    {
        // N2 (in D1) and N3 (in D2) share a system but neither contains the other.
        var pair = PairSignificance.Compare(Row("N2", 120, 100, 140), Row("N3", 80, 70, 90), Tiny);

        Assert.Equal(PairStatus.Compared, pair.Status);
    }

    [Theory]
    [InlineData(SuppressionReason.Primary)]
    [InlineData(SuppressionReason.Secondary)]
    public void Compare_SuppressedArea_IsNotComparedSoTheVerdictCannotLeakIt(SuppressionReason reason)
    {
        // A published suppressed row keeps no value; even if one were left, the pair is not compared.
        var pair = PairSignificance.Compare(Row("D1", 120, 100, 140), Row("D3", null, null, null, reason), Tiny);

        Assert.Equal(PairStatus.NotCompared, pair.Status);
        Assert.Null(pair.Significant95);
        Assert.Equal("D3 is suppressed", pair.Reason);
    }

    [Fact]
    public void Compare_NestedAndSuppressed_SaysNested()
    {
        var pair = PairSignificance.Compare(Row("N1", null, null, null, SuppressionReason.Primary), Row("D1", 80, 70, 90), Tiny);

        Assert.Equal(PairStatus.Nested, pair.Status);
    }

    [Theory]
    [InlineData(null, 100.0, 140.0)] // no value (a DSR below 10 events)
    [InlineData(120.0, null, 140.0)] // no interval (a score)
    [InlineData(120.0, 100.0, null)]
    public void Compare_MissingValueOrInterval_IsNotCompared(double? value, double? lower, double? upper)
    {
        var pair = PairSignificance.Compare(Row("D1", 80, 70, 90), Row("D2", value, lower, upper), Tiny);

        Assert.Equal(PairStatus.NotCompared, pair.Status);
        Assert.Null(pair.Difference);
        Assert.Null(pair.Z);
        Assert.Equal("D2 has no value with a 95% interval", pair.Reason);
    }

    [Fact]
    public void Compare_DisjointGroups_UseTheSameRule()
    {
        // The first example's numbers as Core20 against the rest of an area: z = 2.629568.
        var pair = PairSignificance.Compare("core20", 120, 100, 140, "rest", 90, 80, 100);

        Assert.Equal(PairStatus.Compared, pair.Status);
        Assert.Equal("core20", pair.A);
        Assert.Equal("rest", pair.B);
        Assert.Equal(30, pair.Difference!.Value, 12);
        Assert.Equal(2.629568, pair.Z!.Value, 6);
        Assert.True(pair.Significant95);
        Assert.False(pair.Significant998);
    }

    [Fact]
    public void Compare_DisjointGroupWithoutInterval_IsNotCompared()
    {
        var pair = PairSignificance.Compare("core20", 120, null, 140, "rest", 90, 80, 100);

        Assert.Equal(PairStatus.NotCompared, pair.Status);
        Assert.Equal("core20 has no value with a 95% interval", pair.Reason);
    }

    [Fact]
    public void Compare_ZeroWidthIntervals_HaveNoZAndDifferOnlyIfTheValuesDo()
    {
        // se = 0: z is undefined; any gap exceeds 1.959964 x 0, no gap does not.
        var same = PairSignificance.Compare("a", 5, 5, 5, "b", 5, 5, 5);
        var apart = PairSignificance.Compare("a", 6, 6, 6, "b", 5, 5, 5);

        Assert.Null(same.Z);
        Assert.False(same.Significant95);
        Assert.Null(apart.Z);
        Assert.True(apart.Significant95);
        Assert.True(apart.Significant998);
    }

    [Fact]
    public void Constants_AreTheNormalQuantiles()
    {
        Assert.Equal(1.959964, PairSignificance.Z95);
        Assert.Equal(3.090232, PairSignificance.Z998);
        Assert.Contains("|a - b| > z * sqrt(se_a^2 + se_b^2)", PairSignificance.Description, StringComparison.Ordinal);
    }
}
