using Geo.Core.Indicators.Suppression;

namespace Geo.Core.Tests.Indicators.Suppression;

public class SuppressionPolicyTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    [InlineData(120, false)]
    public void IsPrimary_WholeCounts_HidesOneToSeven(double count, bool hidden) =>
        Assert.Equal(hidden, SuppressionPolicy.Default.IsPrimary(count));

    // Apportioned counts: hidden when 0 < count < 8; a fraction of an event is still a small number.
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.4, true)]
    [InlineData(0.999, true)]
    [InlineData(1.0, true)]
    [InlineData(3.5, true)]
    [InlineData(7.999, true)]
    [InlineData(8.0, false)]
    [InlineData(8.001, false)]
    public void IsPrimary_NonIntegerCounts_HidesEveryPositiveCountBelowEight(double count, bool hidden) =>
        Assert.Equal(hidden, SuppressionPolicy.Default.IsPrimary(count));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(4.9, true)]
    [InlineData(5, false)]
    [InlineData(7, false)]
    public void IsPrimary_OneToFour_HidesOnlyThatRange(double count, bool hidden) =>
        Assert.Equal(hidden, new SuppressionPolicy(1, 4).IsPrimary(count));

    [Fact]
    public void IsPrimary_MinimumZero_HidesZero() =>
        Assert.True(new SuppressionPolicy(0, 5).IsPrimary(0));

    [Fact]
    public void IsPrimary_None_HidesNothing()
    {
        Assert.False(SuppressionPolicy.None.IsEnabled);
        Assert.All(new[] { 0.0, 0.5, 1, 3, 7, 8 }, c => Assert.False(SuppressionPolicy.None.IsPrimary(c)));
    }

    [Fact]
    public void Describe_Default_SaysOneToSevenAndSecondarySuppression() =>
        Assert.Equal("Counts from 1 to 7 are suppressed, with every figure derived from them; further counts are "
            + "suppressed where needed so that no suppressed count can be recovered by subtraction from its parent or siblings.",
            SuppressionPolicy.Default.Describe());

    [Fact]
    public void Describe_CustomAndSingleAndNone_NameTheRange()
    {
        Assert.StartsWith("Counts from 1 to 4 are suppressed,", new SuppressionPolicy(1, 4).Describe(), StringComparison.Ordinal);
        Assert.StartsWith("Counts of 5 are suppressed,", new SuppressionPolicy(5, 5).Describe(), StringComparison.Ordinal);
        Assert.Equal("No counts are suppressed.", SuppressionPolicy.None.Describe());
    }

    [Fact]
    public void Constructor_Defaults_EqualDefault()
    {
        Assert.Equal(SuppressionPolicy.Default, new SuppressionPolicy());
        Assert.Equal((1, 7), (SuppressionPolicy.Default.MinimumHidden, SuppressionPolicy.Default.MaximumHidden));
        Assert.NotEqual(SuppressionPolicy.Default, new SuppressionPolicy(1, 4));
        Assert.NotEqual(SuppressionPolicy.None, new SuppressionPolicy(1, 1));
    }

    [Theory]
    [InlineData(-1, 7)]
    [InlineData(5, 4)]
    public void Constructor_BadRange_Throws(int minimum, int maximum) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuppressionPolicy(minimum, maximum));
}
