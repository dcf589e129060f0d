using Geo.Core.Inequality;

namespace Geo.Core.Tests.Inequality;

public class OrderStatisticsTests
{
    [Theory]
    [InlineData(1, 10_000)]
    [InlineData(2, 1_001)]
    [InlineData(3, 7)]
    public void SelectInPlace_RandomValuesWithTies_SameAsASort(int seed, int length)
    {
        var random = new Random(seed);
        // Rounded to a tenth so that many values tie.
        var values = Enumerable.Range(0, length).Select(_ => Math.Round(random.NextDouble() * length / 10) / 10).ToArray();
        var sorted = values.Order().ToArray();
        int[] positions = [length - 1, 0, length / 40, length - 1 - (length / 40), length / 2, length / 2];

        OrderStatistics.SelectInPlace(values, positions);

        Assert.All(positions, k => Assert.Equal(sorted[k], values[k]));
        Assert.Equal(sorted, values.Order());
    }

    [Fact]
    public void SelectInPlace_NaN_FallsBackToASort()
    {
        var values = new[] { 3.0, double.NaN, 1, 2 };

        OrderStatistics.SelectInPlace(values, [1]);

        Assert.Equal([double.NaN, 1, 2, 3], values);
    }
}
