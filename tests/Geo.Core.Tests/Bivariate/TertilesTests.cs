using Geo.Core.Bivariate;

namespace Geo.Core.Tests.Bivariate;

public sealed class TertilesTests
{
    [Fact]
    public void Classes_NineDistinct_ThreeInEach()
    {
        // p = (r − ½)/9: r 1..3 → p ≤ 0.28 < 1/3; r 4..6 → 0.39..0.61; r 7..9 → p ≥ 0.72 > 2/3
        Assert.Equal([3, 1, 2, 1, 3, 2, 1, 2, 3], Tertiles.Classes([90.0, 10, 50, 20, 80, 40, 30, 60, 70]));
    }

    [Fact]
    public void Classes_TenDistinct_ThreeFourThree()
    {
        // r = 3: p = 0.25 < 1/3; r = 4: p = 0.35; r = 7: p = 0.65 ≤ 2/3; r = 8: p = 0.75 > 2/3
        Assert.Equal([1, 1, 1, 2, 2, 2, 2, 3, 3, 3], Tertiles.Classes([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    }

    [Fact]
    public void Classes_FourDistinct_MiddleTwoInClassTwo()
    {
        // p = 0.125, 0.375, 0.625, 0.875
        Assert.Equal([1, 2, 2, 3], Tertiles.Classes([1.0, 2, 3, 4]));
    }

    [Fact]
    public void Classes_TieAcrossABoundary_KeptTogether()
    {
        // ranks 1, 2.5, 2.5, 4, 5, 6 of n = 6: r = 2.5 gives p = 2/6 = 1/3 exactly, which is the middle class,
        // so both 2s are class 2 (untied, rank 2 would be class 1: p = 0.25)
        Assert.Equal([1, 2, 2, 2, 3, 3], Tertiles.Classes([1.0, 2, 2, 3, 4, 5]));
    }

    [Fact]
    public void Classes_ReversedOrder_SwapsOneAndThree()
    {
        // ranks 6, 4.5, 4.5, 3, 2, 1: r = 4.5 gives p = 4/6 = 2/3 exactly, the middle class
        Assert.Equal([3, 2, 2, 2, 1, 1], Tertiles.Classes([-1.0, -2, -2, -3, -4, -5]));
    }

    [Fact]
    public void Classes_AllTied_AllMiddle()
    {
        // every mid-rank is (n + 1)/2, p = ½
        Assert.Equal([2, 2, 2], Tertiles.Classes([7.0, 7, 7]));
    }

    [Fact]
    public void BivariateClass_Of_PairsEachIndicatorsTertiles()
    {
        // x tertiles 1,2,3 (p = 1/6, 1/2, 5/6); y descending → 3,2,1
        var classes = BivariateClass.Of([1.0, 2, 3], [30.0, 20, 10]);

        Assert.Equal(["1-3", "2-2", "3-1"], classes.Select(c => c.Code));
    }
}
