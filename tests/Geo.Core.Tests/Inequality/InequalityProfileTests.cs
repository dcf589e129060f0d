using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Inequality;
using Geo.Core.Statistics;

namespace Geo.Core.Tests.Inequality;

public class InequalityProfileTests
{
    private static IndicatorSource Source(IndicatorValueType type, Level level = Level.Neighbourhood) => new()
    {
        Definition = new IndicatorDefinition("x", "X", type, 100_000, Polarity.HigherIsWorse, "per 100,000", "test"),
        Periods = ["2024"],
        Records = [],
        File = "test",
        DataLevel = level,
    };

    [Fact]
    public void Unsupported_ScoresAndPlaceData_SayWhy_CountsAreSupported()
    {
        Assert.Contains("score", InequalityProfile.Unsupported(Source(IndicatorValueType.Score)), StringComparison.Ordinal);
        Assert.Contains("place", InequalityProfile.Unsupported(Source(IndicatorValueType.CrudeRate, Level.Place)), StringComparison.Ordinal);
        Assert.Null(InequalityProfile.Unsupported(Source(IndicatorValueType.DirectlyStandardisedRate)));
        Assert.Null(InequalityProfile.Unsupported(Source(IndicatorValueType.Proportion)));
    }

    [Fact]
    public void NeighbourhoodContiguity_Within_KeepsOnlyLinksInsideTheList()
    {
        // 3 × 3 squares: a0 a1 a2 / a3 a4 a5 / a6 a7 a8
        var squares = TestGrid.Squares(3, 3);
        var contiguity = NeighbourhoodContiguity.Build([.. squares.Select((g, i) => ($"a{i}", g))]);

        var graph = contiguity.Within(["a0", "a1", "a8", "missing"]);

        Assert.Equal(8, contiguity.Graph.Neighbours(4).Count);
        Assert.Equal([1], graph.Neighbours(0));
        Assert.Equal([0], graph.Neighbours(1));
        Assert.Empty(graph.Neighbours(2));
        Assert.Empty(graph.Neighbours(3));
    }
}
