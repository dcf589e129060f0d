using Geo.Core.Indicators.Suppression;
using Xunit.Abstractions;

namespace Geo.Core.Tests.Indicators.Suppression;

public partial class SuppressorTests(ITestOutputHelper output)
{
    // E → S1 → I1 → places P1 (five neighbourhoods), P2 (two), P3 (one).
    private static readonly string[] OneIcp =
        ["E: S1", "S1: I1", "I1: P1 P2 P3", "P1: N1 N2 N3 N4 N5", "P2: N6 N7", "P3: N8"];

    [Fact]
    public void Apply_OneSmallChildAmongVisibleSiblings_HidesTheSmallestOtherPositiveChild()
    {
        var g = TestTree.Build(OneIcp);
        var counts = TestTree.WithSums(g, ("N1", 3), ("N2", 0), ("N3", 12), ("N4", 10), ("N5", 20),
            ("N6", 30), ("N7", 40), ("N8", 50));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        AssertReasons(g, result, primary: ["N1"], secondary: ["N4"]);
    }

    [Fact]
    public void Apply_TwoSmallSiblingsAddingToFourteen_HidesAThirdSinceBothWouldBeSeven()
    {
        // P1 = 63 with 12, 10 and 20 shown leaves 14 for N1 and N2, each 1 to 7: both are 7. Hiding N4 (10) leaves
        // N1 + N2 + N4 = 24, where N1 can be anything from 1 to 7.
        var g = TestTree.Build(OneIcp);
        var counts = TestTree.WithSums(g, ("N1", 7), ("N2", 7), ("N3", 12), ("N4", 10), ("N5", 20),
            ("N6", 30), ("N7", 40), ("N8", 50));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        AssertReasons(g, result, primary: ["N1", "N2"], secondary: ["N4"]);
    }

    [Fact]
    public void Apply_TwoSmallSiblingsAddingToTwo_HidesAThirdSinceBothWouldBeOne()
    {
        var g = TestTree.Build(OneIcp);
        var counts = TestTree.WithSums(g, ("N1", 1), ("N2", 1), ("N3", 12), ("N4", 10), ("N5", 20),
            ("N6", 30), ("N7", 40), ("N8", 50));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        AssertReasons(g, result, primary: ["N1", "N2"], secondary: ["N4"]);
    }

    [Fact]
    public void Apply_TwoSmallSiblingsAddingToEight_HidesNothingMoreSinceEachCouldBeOneToSeven()
    {
        var g = TestTree.Build(OneIcp);
        var counts = TestTree.WithSums(g, ("N1", 3), ("N2", 5), ("N3", 12), ("N4", 10), ("N5", 20),
            ("N6", 30), ("N7", 40), ("N8", 50));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        AssertReasons(g, result, primary: ["N1", "N2"], secondary: []);
    }

    [Fact]
    public void Apply_LinkedPartsOfOneDistrict_HiddenTogetherEachWithASibling()
    {
        // Place-level data: district D split into A (in S1) and B (in S2), its 20 events apportioned 30%/70% → 6 and 14.
        var g = TestTree.Build("E: S1 S2", "S1: I1", "S2: I2", "I1: A P1 P2", "I2: B P3");
        var counts = TestTree.WithSums(g, ("A", 6), ("B", 14), ("P1", 30), ("P2", 50), ("P3", 40));

        var unlinked = Suppressor.Apply(g, counts, SuppressionPolicy.Default);
        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default, [["A", "B"]]);

        // Unlinked, B's 14 would be shown, and 14 / 0.7 × 0.3 gives A's 6 back.
        Assert.False(unlinked.IsHidden("B"));
        // Linked, B is hidden with A, and each equation gets a second hidden place: P1 (30) beside A, P3 (40) beside B.
        AssertReasons(g, result, primary: ["A"], secondary: ["B", "P1", "P3"]);
    }

    [Fact]
    public void Apply_LinkedPartHiddenSecondarily_HidesTheOtherPartToo()
    {
        // Nothing of the district is small, but A (9) is the smallest sibling of a small place, so it is hidden
        // secondarily; B (21) must follow, or 21 / 0.7 × 0.3 gives A.
        var g = TestTree.Build("E: S1 S2", "S1: I1", "S2: I2", "I1: A P1 P2", "I2: B P3");
        var counts = TestTree.WithSums(g, ("A", 9), ("B", 21), ("P1", 3), ("P2", 50), ("P3", 40));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default, [["A", "B"]]);

        AssertReasons(g, result, primary: ["P1"], secondary: ["A", "B", "P3"]);
    }

    [Fact]
    public void Apply_SmallPlaceWithZeroNeighbourhoods_ShowsTheZerosAndProtectsThePlaceAmongItsSiblings()
    {
        var g = TestTree.Build("E: S1", "S1: I1", "I1: P1 P2 P3", "P1: N1 N2 N3", "P2: N4 N5", "P3: N6");
        var counts = TestTree.WithSums(g, ("N1", 5), ("N2", 0), ("N3", 0), ("N4", 9), ("N5", 11), ("N6", 30));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        // P1 = N1 already has two hidden cells; in I1 = P1 + P2 + P3, P2 (20) is the smallest visible,
        // and hiding P2 leaves P2 = N4 + N5 with one hidden cell, so N4 (9) goes too.
        AssertReasons(g, result, primary: ["P1", "N1"], secondary: ["P2", "N4"]);
    }

    [Fact]
    public void Apply_SecondaryIcp_CascadesDownToAPlaceAndANeighbourhood()
    {
        var g = TestTree.Build("E: S1 S2", "S1: I1 I2", "S2: I3", "I1: P1", "I2: P2", "I3: P3",
            "P1: N1 N2", "P2: N3 N4", "P3: N5");
        var counts = TestTree.WithSums(g, ("N1", 6), ("N2", 0), ("N3", 15), ("N4", 12), ("N5", 40));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        // S1 = I1 + I2 hides I2; I2 = P2 then hides its only child P2; P2 = N3 + N4 hides N4 (12).
        AssertReasons(g, result, primary: ["I1", "P1", "N1"], secondary: ["I2", "P2", "N4"]);
    }

    [Fact]
    public void Apply_OnlyChildWithDataHidden_HidesTheParentAndCascadesUpThenDown()
    {
        var g = TestTree.Build("E: S1", "S1: I1", "I1: P1 P2 P3", "P1: N1 N2", "P2: N3", "P3: N4 N5");

        // P1's count covers N2, which has no data of its own, so P1 = N1 is all the equation there is.
        var counts = TestTree.WithSums(g, ("P1", 30), ("N1", 4), ("N3", 20), ("N4", 8), ("N5", 9));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        // P1 = N1 can only hide P1; I1 = P1 + P2 + P3 then hides P3 (17); P3 = N4 + N5 hides N4 (8).
        AssertReasons(g, result, primary: ["N1"], secondary: ["P1", "P3", "N4"]);
        Assert.Equal(SuppressionReason.None, result.ReasonFor("N2"));
    }

    [Fact]
    public void Apply_NoPositiveChildLeft_HidesAZeroChild()
    {
        var g = TestTree.Build("E: S1", "S1: I1", "I1: P1", "P1: N1 N2 N3 N4");
        var counts = TestTree.WithSums(g, ("P1", 40), ("N1", 3), ("N3", 0), ("N2", 0));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        AssertReasons(g, result, primary: ["N1"], secondary: ["N2"]);
    }

    [Fact]
    public void Apply_SmallSystem_HidesAnotherSystemUnderTheCountryAndEverythingBelowIt()
    {
        var g = TestTree.Build("E: S1 S2 S3", "S1: I1", "S2: I2", "S3: I3", "I1: P1", "I2: P2", "I3: P3",
            "P1: N1", "P2: N2", "P3: N3");
        var counts = TestTree.WithSums(g, ("N1", 3), ("N2", 20), ("N3", 15));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        AssertReasons(g, result, primary: ["S1", "I1", "P1", "N1"], secondary: ["S3", "I3", "P3", "N3"]);
        Assert.False(result.IsHidden("E"));
    }

    [Fact]
    public void Apply_ZeroAndEight_AreShown()
    {
        var g = TestTree.Build(OneIcp);
        var counts = TestTree.WithSums(g, ("N1", 0), ("N2", 8), ("N3", 0), ("N4", 30), ("N5", 8),
            ("N6", 0), ("N7", 0), ("N8", 8));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        AssertReasons(g, result, primary: [], secondary: []);
        Assert.Equal(0, result.PrimaryCount + result.SecondaryCount);
    }

    [Fact]
    public void Apply_Seven_IsHiddenWithItsSmallestVisibleSibling()
    {
        var g = TestTree.Build(OneIcp);
        var counts = TestTree.WithSums(g, ("N1", 0), ("N2", 8), ("N3", 7), ("N4", 30), ("N5", 9),
            ("N6", 20), ("N7", 20), ("N8", 20));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        AssertReasons(g, result, primary: ["N3"], secondary: ["N2"]);
    }

    [Fact]
    public void Apply_NonIntegerCounts_HidesEveryPositiveCountBelowEight()
    {
        var g = TestTree.Build(OneIcp);
        var counts = TestTree.WithSums(g, ("N1", 7.5), ("N2", 0.4), ("N3", 8.0), ("N4", 12.25), ("N5", 0),
            ("N6", 9.5), ("N7", 30), ("N8", 40));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        // 0.4 is a small count in its own right, so 7.5 and 0.4 protect each other.
        AssertReasons(g, result, primary: ["N1", "N2"], secondary: []);
    }

    [Fact]
    public void Apply_OneToFourPolicy_ShowsFiveAndHidesFour()
    {
        var g = TestTree.Build(OneIcp);
        var counts = TestTree.WithSums(g, ("N1", 4), ("N2", 6), ("N3", 5), ("N4", 0), ("N5", 7),
            ("N6", 5), ("N7", 6), ("N8", 9));

        var result = Suppressor.Apply(g, counts, new SuppressionPolicy(1, 4));

        AssertReasons(g, result, primary: ["N1"], secondary: ["N3"]);
        Assert.Equal(new SuppressionPolicy(1, 4), result.Policy);
    }

    [Fact]
    public void Apply_DataAtPlaceLevelOnly_FormsNoEquationBelowThePlaces()
    {
        var g = TestTree.Build(OneIcp);
        var counts = new Dictionary<string, double> { ["E"] = 45, ["S1"] = 45, ["I1"] = 45, ["P1"] = 5, ["P2"] = 30, ["P3"] = 10 };

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        AssertReasons(g, result, primary: ["P1"], secondary: ["P3"]);
    }

    [Fact]
    public void Apply_TiedSmallestSiblings_HidesTheFirstByOrdinalCode()
    {
        // Listed first, and first ignoring case, but "ND" < "Nc" in ordinal order.
        var g = TestTree.Build("E: S1", "S1: I1", "I1: P1", "P1: Nc ND Na");
        var counts = TestTree.WithSums(g, ("Nc", 10), ("ND", 10), ("Na", 2));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        AssertReasons(g, result, primary: ["Na"], secondary: ["ND"]);
    }

    [Fact]
    public void Apply_NonePolicy_HidesNothing()
    {
        var g = TestTree.Build(OneIcp);
        var counts = TestTree.WithSums(g, ("N1", 1), ("N2", 2), ("N3", 3), ("N4", 4), ("N5", 5),
            ("N6", 6), ("N7", 7), ("N8", 0));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.None);

        AssertReasons(g, result, primary: [], secondary: []);
    }

    [Fact]
    public void Apply_SameCountsInAnotherOrder_GivesTheSameResult()
    {
        var tree = RandomTree.Small(17);
        var reversed = tree.Counts.Reverse().ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);

        var a = Suppressor.Apply(tree.Geography, tree.Counts, SuppressionPolicy.Default);
        var b = Suppressor.Apply(tree.Geography, reversed, SuppressionPolicy.Default);

        Assert.NotEmpty(a.Hidden);
        Assert.Equal(a.Hidden, b.Hidden);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Apply_BadCount_ThrowsNamingTheArea(double bad)
    {
        var g = TestTree.Build(OneIcp);
        var counts = new Dictionary<string, double> { ["P2"] = bad };

        var e = Assert.Throws<ArgumentException>(() => Suppressor.Apply(g, counts, SuppressionPolicy.Default));
        Assert.Contains("P2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReasonFor_UnknownOrAbsentOrOtherCase_AnswersLikeTheGeography()
    {
        var g = TestTree.Build(OneIcp);
        var counts = TestTree.WithSums(g, ("N1", 3), ("N2", 12), ("N3", 12), ("N4", 10), ("N5", 20));

        var result = Suppressor.Apply(g, counts, SuppressionPolicy.Default);

        Assert.Equal(SuppressionReason.Primary, result.ReasonFor("n1"));
        Assert.True(result.IsHidden("n4"));
        Assert.Equal(SuppressionReason.None, result.ReasonFor("N6"));
        Assert.Equal(SuppressionReason.None, result.ReasonFor("nowhere"));
        Assert.False(result.IsHidden("nowhere"));
        Assert.Equal((1, 1), (result.PrimaryCount, result.SecondaryCount));
    }

    private static void AssertReasons(Geo.Core.Geography.Geography geography, SuppressionResult result,
        string[] primary, string[] secondary)
    {
        var expected = geography.Areas.ToDictionary(a => a.Code,
            a => primary.Contains(a.Code) ? SuppressionReason.Primary
                : secondary.Contains(a.Code) ? SuppressionReason.Secondary : SuppressionReason.None);
        var actual = geography.Areas.ToDictionary(a => a.Code, a => result.ReasonFor(a.Code));
        Assert.Equal(expected.Where(e => e.Value != SuppressionReason.None).OrderBy(e => e.Key, StringComparer.Ordinal),
            actual.Where(e => e.Value != SuppressionReason.None).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(primary.Length + secondary.Length, result.Hidden.Count);
    }
}
