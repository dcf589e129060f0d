using Geo.Core.Inequality;

namespace Geo.Core.Tests.Inequality;

public sealed class GetisOrdTests
{
    // 4 × 4 grid, row-major; high values in the top-left, low in the bottom-right
    private static readonly double[] Values =
    [
        8, 9, 7, 3,
        9, 10, 6, 2,
        5, 6, 4, 1,
        2, 3, 1, 0,
    ];

    [Fact]
    public void GiStar_CornerCell_MatchesHandCalculation()
    {
        var graph = Contiguity.Queen(TestGrid.Squares(4, 4));

        var result = GetisOrd.GiStar(Values, graph);

        // n = 16, Σx = 76, x̄ = 4.75, Σx² = 516, S² = 516/16 − 4.75² = 9.6875.
        // Cell 0 with its queen neighbours 1, 4, 5 and itself: W = 4, Σwx = 8 + 9 + 9 + 10 = 36.
        // z = (36 − 4.75·4) / (√9.6875 · √((16·4 − 4²)/15)) = 17 / √(9.6875 · 3.2) = 17 / √31 = 3.053290…
        Assert.Equal(17 / Math.Sqrt(31), result[0].Z, 12);
        // p = 2(1 − Φ(3.05329)) = erfc(3.05329/√2) = 0.00226347 (Python math.erfc)
        Assert.Equal(0.00226347, result[0].P, 8);
        Assert.Equal(HotspotClass.HotSpot, result[0].Class);

        // Cell 5 (a middle cell): W = 9, Σwx = 8+9+7+9+10+6+5+6+4 = 64;
        // z = (64 − 42.75) / (√9.6875 · √((144 − 81)/15)) = 21.25 / √40.6875 = 3.331413…
        Assert.Equal(21.25 / Math.Sqrt(40.6875), result[5].Z, 12);
    }

    [Fact]
    public void GiStar_AllCells_MatchDenseFormula()
    {
        // an independent, literal computation with a dense 16 × 16 weight matrix including the diagonal
        var cells = TestGrid.Squares(4, 4);
        var graph = Contiguity.Queen(cells);
        var n = Values.Length;
        var w = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var (ri, ci, rj, cj) = (i / 4, i % 4, j / 4, j % 4);
                w[i, j] = Math.Abs(ri - rj) <= 1 && Math.Abs(ci - cj) <= 1 ? 1 : 0;
            }
        }

        var mean = Values.Average();
        var s = Math.Sqrt((Values.Sum(v => v * v) / n) - (mean * mean));

        var result = GetisOrd.GiStar(Values, graph);

        for (var i = 0; i < n; i++)
        {
            double sumWx = 0, sumW = 0, sumW2 = 0;
            for (var j = 0; j < n; j++)
            {
                sumWx += w[i, j] * Values[j];
                sumW += w[i, j];
                sumW2 += w[i, j] * w[i, j];
            }

            var z = (sumWx - (mean * sumW)) / (s * Math.Sqrt(((n * sumW2) - (sumW * sumW)) / (n - 1)));
            Assert.Equal(z, result[i].Z, 12);
        }
    }

    [Fact]
    public void GiStar_ThreeByThree_ZIsExactPermutationStandardisation()
    {
        // Gi*'s mean and variance are exact under random permutation of the values: enumerate all 9! = 362,880
        // arrangements and standardise each cell's observed Σwx by their mean and standard deviation.
        double[] values = [1, 4, 2, 8, 5, 7, 3, 9, 6];
        var graph = Contiguity.Queen(TestGrid.Squares(3, 3));
        var moments = Permutations.Moments(values, (x, i) =>
        {
            var sum = x[i];
            foreach (var j in graph.Neighbours(i))
            {
                sum += x[j];
            }

            return sum;
        });

        var result = GetisOrd.GiStar(values, graph);

        for (var i = 0; i < values.Length; i++)
        {
            if (i == 4)
            {
                // the centre neighbours all eight others: its sum is the constant Σx, Gi* is undefined
                Assert.True(double.IsNaN(result[i].Z));
                Assert.Equal(1, result[i].P);
                Assert.Equal(HotspotClass.NotSignificant, result[i].Class);
                continue;
            }

            var observed = values[i] + graph.Neighbours(i).Sum(j => values[j]);
            var expectedZ = (observed - moments[i].Mean) / Math.Sqrt(moments[i].Variance);
            Assert.Equal(expectedZ, result[i].Z, 10);
        }
    }

    [Fact]
    public void GiStar_SignificanceAfterFdr_HotAndColdSpots()
    {
        // a 12 × 12 field: a hot block top-left, a cold block bottom-right, flat noise-free elsewhere
        var graph = Contiguity.Queen(TestGrid.Squares(12, 12));
        var values = Enumerable.Range(0, 144).Select(i =>
        {
            var (r, c) = (i / 12, i % 12);
            return r < 3 && c < 3 ? 20.0 : r > 8 && c > 8 ? 0.0 : 10.0;
        }).ToArray();

        var result = GetisOrd.GiStar(values, graph);

        Assert.Equal(HotspotClass.HotSpot, result[(1 * 12) + 1].Class);
        Assert.Equal(HotspotClass.ColdSpot, result[(10 * 12) + 10].Class);
        Assert.Equal(HotspotClass.NotSignificant, result[(6 * 12) + 6].Class);
        Assert.All(result, r => Assert.True(r.Q >= r.P));
    }
}
