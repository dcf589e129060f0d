namespace Geo.Core.Segmentation;

/// <summary>
/// Rousseeuw's (1987) silhouette of a clustering, with Euclidean distances: for point i with a(i) its mean distance to
/// the other points of its cluster and b(i) the smallest mean distance to the points of another cluster,
/// s(i) = (b − a)/max(a, b), and 0 for a point alone in its cluster. The clustering's score is the mean of s(i).
/// Exact over all points costs n² distances, so above <see cref="SampleSize"/> points it is computed on a seeded random
/// sample of that many, distances among the sample only (as scikit-learn's silhouette_score with sample_size).
/// Pure and deterministic; thread-safe.
/// </summary>
public static class Silhouette
{
    /// <summary>The most points scored exactly; larger sets are sampled to this many.</summary>
    public const int SampleSize = 2_000;

    /// <summary>s(i) of every point (n × d row-major, assignments 0..k − 1).</summary>
    public static double[] Values(double[] points, int dimensions, int[] assignments, int k)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(assignments);
        if (points.Length != assignments.Length * dimensions)
        {
            throw new ArgumentException($"{assignments.Length} assignments for {points.Length / dimensions} points.", nameof(assignments));
        }

        var n = assignments.Length;
        var sizes = new int[k];
        foreach (var c in assignments)
        {
            sizes[c]++;
        }

        // sums[i * k + c]: point i's summed distance to the points of cluster c; each pair's distance computed once
        var sums = new double[n * k];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var dist = Math.Sqrt(KMeans.Distance2(points, i, points, j, dimensions));
                sums[(i * k) + assignments[j]] += dist;
                sums[(j * k) + assignments[i]] += dist;
            }
        }

        var s = new double[n];
        for (var i = 0; i < n; i++)
        {
            var own = assignments[i];
            if (sizes[own] < 2)
            {
                continue; // alone in its cluster: 0
            }

            var a = sums[(i * k) + own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, sums[(i * k) + c] / sizes[c]);
                }
            }

            var max = Math.Max(a, b);
            s[i] = max == 0 ? 0 : (b - a) / max;
        }

        return s;
    }

    /// <summary>The mean silhouette: exact up to <paramref name="sampleSize"/> points, else on a random sample of that many
    /// drawn with <paramref name="seed"/>; also how many points were scored.</summary>
    public static (double Mean, int Scored) Mean(double[] points, int dimensions, int[] assignments, int k, int seed,
        int sampleSize = SampleSize)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var n = assignments.Length;
        if (n <= sampleSize)
        {
            return (Values(points, dimensions, assignments, k).Average(), n);
        }

        // a partial Fisher–Yates shuffle draws the sample without replacement; kept in index order for steady sums
        var order = Enumerable.Range(0, n).ToArray();
        var random = new SeededRandom(seed);
        for (var i = 0; i < sampleSize; i++)
        {
            var j = i + random.Next(n - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var chosen = order.AsSpan(0, sampleSize).ToArray();
        Array.Sort(chosen);
        var sample = new double[sampleSize * dimensions];
        var labels = new int[sampleSize];
        for (var i = 0; i < sampleSize; i++)
        {
            Array.Copy(points, chosen[i] * dimensions, sample, i * dimensions, dimensions);
            labels[i] = assignments[chosen[i]];
        }

        return (Values(sample, dimensions, labels, k).Average(), sampleSize);
    }
}
