using Geo.Core.Inequality;

namespace Geo.Core.Tests.Inequality;

public sealed class LocalMoranTests
{
    [Fact]
    public void Calculate_CornerCell_MatchesHandCalculation()
    {
        double[] values =
        [
            8, 9, 7, 3,
            9, 10, 6, 2,
            5, 6, 4, 1,
            2, 3, 1, 0,
        ];
        var graph = Contiguity.Queen(TestGrid.Squares(4, 4));

        var result = LocalMoran.Calculate(values, graph);

        // x̄ = 4.75, m₂ = Σz²/n = 9.6875. Cell 0: z₀ = 3.25; neighbours 1, 4, 5 have z = 4.25, 4.25, 5.25,
        // so the row-standardised lag is 13.75/3 and I₀ = 3.25 · (13.75/3) / 9.6875 = 1.537634…; E = −1/15.
        Assert.Equal(3.25 * (13.75 / 3) / 9.6875, result[0].I, 12);
        Assert.Equal(-1.0 / 15, result[0].Expected, 12);
        Assert.Equal(MoranClass.HighHigh, result[0].Class);
    }

    [Fact]
    public void Calculate_ThreeByThree_MomentsEqualExactPermutationMoments()
    {
        // Anselin's expectation and variance are the exact moments of Iᵢ over all permutations of the values:
        // enumerate the 9! = 362,880 arrangements of a 3 × 3 grid and compare, cell by cell.
        double[] values = [1, 4, 2, 8, 5, 7, 3, 9, 6];
        var graph = Contiguity.Queen(TestGrid.Squares(3, 3));
        var mean = values.Average();
        var m2 = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        var moments = Permutations.Moments(values, (x, i) =>
        {
            var lag = graph.Neighbours(i).Average(j => x[j] - mean);
            return (x[i] - mean) * lag / m2;
        });

        var result = LocalMoran.Calculate(values, graph);

        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(moments[i].Mean, result[i].Expected, 12);
            Assert.Equal(moments[i].Variance, result[i].Variance, 10);
            Assert.Equal((result[i].I - result[i].Expected) / Math.Sqrt(result[i].Variance), result[i].Z, 12);
        }
    }

    [Fact]
    public void Calculate_ClustersAndOutliers_Classified()
    {
        // 12 × 12: a high block top-left, a low block bottom-right, one low cell inside the high block
        // and one high cell inside the low block, moderate varied values elsewhere
        var graph = Contiguity.Queen(TestGrid.Squares(12, 12));
        var values = Enumerable.Range(0, 144).Select(i =>
        {
            var (r, c) = (i / 12, i % 12);
            if (r < 4 && c < 4)
            {
                return r == 1 && c == 1 ? 0.0 : 20.0;
            }

            if (r > 7 && c > 7)
            {
                return r == 10 && c == 10 ? 20.0 : 0.0;
            }

            return 10.0 + ((i * 7) % 5) - 2;
        }).ToArray();

        var result = LocalMoran.Calculate(values, graph);

        Assert.Equal(MoranClass.HighHigh, result[(3 * 12) + 3].Class);
        Assert.Equal(MoranClass.LowLow, result[(8 * 12) + 8].Class);
        Assert.Equal(MoranClass.LowHigh, result[(1 * 12) + 1].Class);
        Assert.Equal(MoranClass.HighLow, result[(10 * 12) + 10].Class);
        Assert.Equal(MoranClass.NotSignificant, result[(5 * 12) + 6].Class);
    }

    [Fact]
    public void Calculate_Island_NotSignificant()
    {
        var cells = TestGrid.Squares(2, 2);
        cells.Add(TestGrid.Square(1000, 0, 100));

        var result = LocalMoran.Calculate([1, 2, 3, 4, 100], Contiguity.Queen(cells));

        Assert.Equal(0, result[4].I);
        Assert.True(double.IsNaN(result[4].Z));
        Assert.Equal(MoranClass.NotSignificant, result[4].Class);
    }
}
