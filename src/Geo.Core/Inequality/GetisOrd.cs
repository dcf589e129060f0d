namespace Geo.Core.Inequality;

/// <summary>
/// Getis-Ord Gi*, the local hot-spot statistic, with binary contiguity weights that include the area itself
/// (the "star" version). Pure; thread-safe.
/// </summary>
/// <remarks>
/// For area i with neighbours N(i), wᵢⱼ = 1 for j ∈ N(i) ∪ {i}, so Wᵢ = Σⱼ wᵢⱼ = |N(i)| + 1 = Σⱼ wᵢⱼ²:
/// <code>
/// zᵢ = (Σⱼ wᵢⱼ xⱼ − x̄ Wᵢ) / (S √((n Σⱼ wᵢⱼ² − Wᵢ²) / (n − 1))),   x̄ = Σx/n,  S = √(Σx²/n − x̄²)
/// </code>
/// which is Gi* standardised by its exact mean and variance under random permutation of the values
/// (Ord and Getis 1995, eq. 14). p is two-sided from the standard normal; Benjamini-Hochberg controls the false
/// discovery rate over all areas; a significant area is a hot spot when z &gt; 0 and a cold spot when z &lt; 0.
/// Cost is one pass over the links (O(n + links)).
/// References: Getis A, Ord JK (1992), <i>Geographical Analysis</i> 24:189–206; Ord JK, Getis A (1995),
/// <i>Geographical Analysis</i> 27:286–306.
/// </remarks>
public static class GetisOrd
{
    /// <summary>Gi* for every area of <paramref name="graph"/> from its value in <paramref name="values"/>.</summary>
    /// <param name="falseDiscoveryRate">The Benjamini-Hochberg q; 0.05 by default.</param>
    /// <exception cref="ArgumentException">Values and graph differ in count, fewer than 3 areas, or a value is not finite.</exception>
    public static IReadOnlyList<GiStarResult> GiStar(IReadOnlyList<double> values, ContiguityGraph graph, double falseDiscoveryRate = 0.05)
    {
        var x = LocalStatistics.CheckedValues(values, graph);
        var n = x.Length;
        var mean = 0.0;
        var sumSquares = 0.0;
        foreach (var v in x)
        {
            mean += v;
            sumSquares += v * v;
        }

        mean /= n;
        var s = Math.Sqrt(Math.Max(0, (sumSquares / n) - (mean * mean)));

        var z = new double[n];
        var p = new double[n];
        for (var i = 0; i < n; i++)
        {
            var neighbours = graph.NeighbourArray(i);
            var local = x[i];
            foreach (var j in neighbours)
            {
                local += x[j];
            }

            double weight = neighbours.Length + 1;
            var spread = ((n * weight) - (weight * weight)) / (n - 1);
            z[i] = s > 0 && spread > 0 ? (local - (mean * weight)) / (s * Math.Sqrt(spread)) : double.NaN;
            p[i] = LocalStatistics.TwoSidedP(z[i]);
        }

        var q = BenjaminiHochberg.Adjust(p);
        var results = new GiStarResult[n];
        for (var i = 0; i < n; i++)
        {
            var significant = q[i] <= falseDiscoveryRate;
            var hotspot = !significant ? HotspotClass.NotSignificant : z[i] > 0 ? HotspotClass.HotSpot : HotspotClass.ColdSpot;
            results[i] = new GiStarResult(z[i], p[i], q[i], hotspot);
        }

        return results;
    }
}
