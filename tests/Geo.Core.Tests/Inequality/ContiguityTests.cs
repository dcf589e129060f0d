using Geo.Core.Inequality;

namespace Geo.Core.Tests.Inequality;

public sealed class ContiguityTests
{
    [Fact]
    public void Queen_FourByFourGrid_CornersThreeEdgesFiveMiddleEight()
    {
        var cells = TestGrid.Squares(4, 4);

        var graph = Contiguity.Queen(cells);

        // row-major 4 × 4: corners 0, 3, 12, 15; middles 5, 6, 9, 10; the other eight are edge cells
        int[] corners = [0, 3, 12, 15];
        int[] middles = [5, 6, 9, 10];
        for (var i = 0; i < 16; i++)
        {
            var expected = corners.Contains(i) ? 3 : middles.Contains(i) ? 8 : 5;
            Assert.Equal(expected, graph.Neighbours(i).Count);
        }

        Assert.Equal([1, 4, 5], graph.Neighbours(0));
        Assert.Equal([0, 1, 2, 4, 6, 8, 9, 10], graph.Neighbours(5));
        Assert.Equal(42, graph.LinkCount); // (4·3 + 8·5 + 4·8) / 2
        Assert.Empty(graph.Islands);
    }

    [Fact]
    public void Queen_CornerOnlyContact_IsNeighbour()
    {
        // two squares meeting at the single point (100 100): rook would not link them, queen does
        var graph = Contiguity.Queen([TestGrid.Square(0, 0, 100), TestGrid.Square(100, 100, 100)]);

        Assert.Equal([1], graph.Neighbours(0));
    }

    [Fact]
    public void Queen_DetachedSquare_IsReportedAsIsland()
    {
        var cells = TestGrid.Squares(2, 2);
        cells.Add(TestGrid.Square(1000, 0, 100));

        var graph = Contiguity.Queen(cells);

        Assert.Equal([4], graph.Islands);
        Assert.Empty(graph.Neighbours(4));
    }

    [Fact]
    public void Queen_SmallGapWithinTolerance_Neighbours()
    {
        // generalised boundaries leave a 0.5 m sliver between the squares
        Geo.Core.Inequality.ContiguityGraph Build(double tolerance) =>
            Contiguity.Queen([TestGrid.Square(0, 0, 100), TestGrid.Square(100.5, 0, 100)], tolerance);

        Assert.Equal([0], Build(0).Islands.Take(1));
        Assert.Equal(2, Build(0).Islands.Count);
        Assert.Equal([1], Build(1).Neighbours(0));
    }

    [Fact]
    public void ConnectIslands_NearestCentroid_LinkedBothWays()
    {
        // 2 × 2 block of 100 m squares; an island whose centroid (450, 50) is nearest cell 1 (150, 50)
        var cells = TestGrid.Squares(2, 2);
        cells.Add(TestGrid.Square(400, 0, 100));
        var graph = Contiguity.Queen(cells);

        var connected = Contiguity.ConnectIslands(graph, cells);

        Assert.Empty(connected.Islands);
        Assert.Equal([1], connected.Neighbours(4));
        Assert.Equal([0, 2, 3, 4], connected.Neighbours(1));
        Assert.Equal([1, 2, 3], connected.Neighbours(0));
    }

    [Fact]
    public void ConnectIslands_KTwo_TwoNearest()
    {
        var cells = TestGrid.Squares(2, 2);
        cells.Add(TestGrid.Square(400, 0, 100));

        var connected = Contiguity.ConnectIslands(Contiguity.Queen(cells), cells, k: 2);

        // centroid distances from (450, 50): cell 1 → 300, cell 3 (150, 150) → 316.2, cell 0 → 400
        Assert.Equal([1, 3], connected.Neighbours(4));
    }
}
