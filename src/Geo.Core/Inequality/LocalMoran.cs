namespace Geo.Core.Inequality;

/// <summary>
/// Local Moran's I (a local indicator of spatial association) with row-standardised contiguity weights and
/// analytic inference under randomisation. Pure; thread-safe.
/// </summary>
/// <remarks>
/// With zᵢ = xᵢ − x̄, m₂ = Σz²/n, m₄ = Σz⁴/n, b₂ = m₄/m₂² and wᵢⱼ = 1/kᵢ for the kᵢ neighbours of i:
/// <code>
/// Iᵢ = zᵢ Σⱼ wᵢⱼ zⱼ / m₂
/// E[Iᵢ] = −wᵢ. / (n − 1)
/// Var[Iᵢ] = wᵢ₍₂₎ (n − b₂)/(n − 1) + (wᵢ.² − wᵢ₍₂₎)(2b₂ − n)/((n − 1)(n − 2)) − wᵢ.²/(n − 1)²
/// </code>
/// where wᵢ. = Σⱼwᵢⱼ (1, or 0 for an island) and wᵢ₍₂₎ = Σⱼwᵢⱼ² (= 1/kᵢ); (wᵢ.² − wᵢ₍₂₎) is Anselin's 2wᵢ₍ₖₕ₎, the
/// sum over ordered pairs of distinct neighbours. These are the exact moments of Iᵢ over all permutations
/// of the values (total randomisation; Anselin 1995, eqs. 12–13, his appendix). z is referred to the normal
/// for a two-sided p, then Benjamini-Hochberg controls the false discovery rate. Conditional permutation
/// tests are not offered: the analytic form is deterministic and O(n + links).
/// A significant area is high-high when zᵢ &gt; 0 and its lag Σⱼwᵢⱼzⱼ &gt; 0, low-low when both are negative,
/// high-low or low-high when they differ.
/// Reference: Anselin L (1995). Local indicators of spatial association — LISA. <i>Geographical Analysis</i> 27:93–115.
/// </remarks>
public static class LocalMoran
{
    /// <summary>Local Moran's I of every area of <paramref name="graph"/>.</summary>
    /// <param name="falseDiscoveryRate">The Benjamini-Hochberg q; 0.05 by default.</param>
    /// <exception cref="ArgumentException">Values and graph differ in count, fewer than 3 areas, or a value is not finite.</exception>
    public static IReadOnlyList<LocalMoranResult> Calculate(IReadOnlyList<double> values, ContiguityGraph graph, double falseDiscoveryRate = 0.05)
    {
        var x = LocalStatistics.CheckedValues(values, graph);
        var n = x.Length;
        var mean = x.Average();
        var z = new double[n];
        double m2 = 0, m4 = 0;
        for (var i = 0; i < n; i++)
        {
            z[i] = x[i] - mean;
            var square = z[i] * z[i];
            m2 += square;
            m4 += square * square;
        }

        m2 /= n;
        m4 /= n;
        var b2 = m2 > 0 ? m4 / (m2 * m2) : double.NaN;

        var local = new double[n];
        var expected = new double[n];
        var variance = new double[n];
        var zScore = new double[n];
        var p = new double[n];
        var lag = new double[n];
        for (var i = 0; i < n; i++)
        {
            var neighbours = graph.NeighbourArray(i);
            if (neighbours.Length == 0 || !(m2 > 0))
            {
                zScore[i] = double.NaN;
                p[i] = 1;
                continue;
            }

            var k = neighbours.Length;
            foreach (var j in neighbours)
            {
                lag[i] += z[j];
            }

            lag[i] /= k;
            local[i] = z[i] * lag[i] / m2;

            const double rowSum = 1; // row-standardised
            var sumSquares = 1.0 / k;
            expected[i] = -rowSum / (n - 1);
            variance[i] = (sumSquares * (n - b2) / (n - 1))
                + (((rowSum * rowSum) - sumSquares) * ((2 * b2) - n) / ((n - 1.0) * (n - 2)))
                - (rowSum * rowSum / ((n - 1.0) * (n - 1)));
            zScore[i] = variance[i] > 0 ? (local[i] - expected[i]) / Math.Sqrt(variance[i]) : double.NaN;
            p[i] = LocalStatistics.TwoSidedP(zScore[i]);
        }

        var q = BenjaminiHochberg.Adjust(p);
        var results = new LocalMoranResult[n];
        for (var i = 0; i < n; i++)
        {
            var type = q[i] > falseDiscoveryRate ? MoranClass.NotSignificant
                : z[i] > 0 ? (lag[i] > 0 ? MoranClass.HighHigh : MoranClass.HighLow)
                : lag[i] < 0 ? MoranClass.LowLow : MoranClass.LowHigh;
            results[i] = new LocalMoranResult(local[i], expected[i], variance[i], zScore[i], p[i], q[i], type);
        }

        return results;
    }
}
