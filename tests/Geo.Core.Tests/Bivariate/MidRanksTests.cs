using Geo.Core.Bivariate;

namespace Geo.Core.Tests.Bivariate;

public sealed class MidRanksTests
{
    [Fact]
    public void Of_DistinctValues_RanksFromSmallestInInputOrder()
    {
        Assert.Equal([3.0, 1.0, 2.0], MidRanks.Of([30.0, 10.0, 20.0]));
    }

    [Fact]
    public void Of_Ties_ShareTheMeanOfTheRanksTheySpan()
    {
        // 20 and 20 take ranks 2 and 3 → 2.5 each; the three 7s take 5, 6, 7 → 6 each
        Assert.Equal([1.0, 2.5, 2.5, 4.0, 6.0, 6.0, 6.0], MidRanks.Of([10.0, 20.0, 20.0, 30.0, 107.0, 107.0, 107.0]));
    }

    [Fact]
    public void Of_NotFinite_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MidRanks.Of([1.0, double.NaN]));
    }
}
