namespace Geo.Core.Segmentation;

/// <summary>
/// k-means: k-means++ seeding (Arthur and Vassilvitskii 2007) then Lloyd's iterations (Lloyd 1982; MacQueen 1967) until no
/// point changes cluster, the best of a few seeded restarts by inertia. Points are row-major in one array (n × d), which
/// keeps the inner loop on contiguous memory. Pure and deterministic: the same points, k and seed give the same clusters
/// (one thread, sums in a fixed order, <see cref="SeededRandom"/>). Thread-safe.
/// </summary>
/// <remarks>
/// A cluster left empty by an iteration takes the point farthest from its own centroid, so every answer has k clusters.
/// The caller must give at least k distinct points (<see cref="DistinctPoints"/>); with fewer, k clusters do not exist.
/// </remarks>
public static class KMeans
{
    /// <summary>Seeded restarts; the one with the smallest inertia is kept.</summary>
    public const int DefaultRestarts = 3;

    /// <summary>Lloyd iterations per restart at most; real data settle far sooner.</summary>
    public const int MaxIterations = 300;

    /// <summary>Clusters <paramref name="points"/> (n × <paramref name="dimensions"/>, row-major) into <paramref name="k"/>.</summary>
    /// <exception cref="ArgumentException">The array is not n × d, k is not 1..n, or a coordinate is not finite.</exception>
    public static KMeansResult Cluster(double[] points, int dimensions, int k, int seed, int restarts = DefaultRestarts)
    {
        var n = Count(points, dimensions);
        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be from 1 to the number of points ({n}).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(restarts, 1);
        var random = new SeededRandom(seed);
        KMeansResult? best = null;
        for (var r = 0; r < restarts; r++)
        {
            var run = Lloyd(points, dimensions, n, k, SeedCentroids(points, dimensions, n, k, random));
            if (best is null || run.Inertia < best.Inertia)
            {
                best = run;
            }
        }

        return best!;
    }

    /// <summary>How many different points there are (exact equality of every coordinate).</summary>
    public static int DistinctPoints(double[] points, int dimensions)
    {
        var n = Count(points, dimensions);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            seen.Add(string.Join(',', points.AsSpan(i * dimensions, dimensions).ToArray().Select(v => BitConverter.DoubleToInt64Bits(v))));
        }

        return seen.Count;
    }

    /// <summary>Squared Euclidean distance between point <paramref name="i"/> of <paramref name="a"/> and row <paramref name="j"/> of <paramref name="b"/>.</summary>
    internal static double Distance2(double[] a, int i, double[] b, int j, int d)
    {
        double s = 0;
        var pa = i * d;
        var pb = j * d;
        for (var t = 0; t < d; t++)
        {
            var x = a[pa + t] - b[pb + t];
            s += x * x;
        }

        return s;
    }

    private static int Count(double[] points, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (points.Length % dimensions != 0)
        {
            throw new ArgumentException($"{points.Length} coordinates are not whole points of {dimensions} dimensions.", nameof(points));
        }

        foreach (var v in points)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"Coordinate {v} is not finite.", nameof(points));
            }
        }

        return points.Length / dimensions;
    }

    /// <summary>k-means++: the first centre uniformly, each next one with probability proportional to D², the squared
    /// distance to the nearest centre chosen so far.</summary>
    private static double[] SeedCentroids(double[] points, int d, int n, int k, SeededRandom random)
    {
        var centroids = new double[k * d];
        var first = random.Next(n);
        Array.Copy(points, first * d, centroids, 0, d);
        var nearest = new double[n];
        for (var i = 0; i < n; i++)
        {
            nearest[i] = Distance2(points, i, centroids, 0, d);
        }

        for (var c = 1; c < k; c++)
        {
            double total = 0;
            foreach (var x in nearest)
            {
                total += x;
            }

            var chosen = -1;
            if (total > 0)
            {
                var target = random.NextDouble() * total;
                double running = 0;
                for (var i = 0; i < n; i++)
                {
                    running += nearest[i];
                    if (nearest[i] > 0 && running > target)
                    {
                        chosen = i;
                        break;
                    }
                }

                // rounding can leave the target just beyond the last sum: take the last point still away from every centre
                if (chosen < 0)
                {
                    chosen = Array.FindLastIndex(nearest, x => x > 0);
                }
            }
            else
            {
                chosen = random.Next(n); // every point is a centre already: fewer distinct points than k
            }

            Array.Copy(points, chosen * d, centroids, c * d, d);
            for (var i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], Distance2(points, i, centroids, c, d));
            }
        }

        return centroids;
    }

    private static KMeansResult Lloyd(double[] points, int d, int n, int k, double[] centroids)
    {
        var assignments = new int[n];
        Array.Fill(assignments, -1);
        var sums = new double[k * d];
        var sizes = new int[k];
        var iterations = 0;
        while (iterations < MaxIterations)
        {
            iterations++;
            var changed = Assign(points, d, n, k, centroids, assignments);
            if (!changed)
            {
                break;
            }

            Array.Clear(sums);
            Array.Clear(sizes);
            for (var i = 0; i < n; i++)
            {
                var c = assignments[i];
                sizes[c]++;
                for (var t = 0; t < d; t++)
                {
                    sums[(c * d) + t] += points[(i * d) + t];
                }
            }

            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0)
                {
                    Refill(points, d, n, c, centroids, assignments, sizes, sums);
                }
            }

            for (var c = 0; c < k; c++)
            {
                for (var t = 0; t < d; t++)
                {
                    centroids[(c * d) + t] = sums[(c * d) + t] / sizes[c];
                }
            }
        }

        double inertia = 0;
        for (var i = 0; i < n; i++)
        {
            inertia += Distance2(points, i, centroids, assignments[i], d);
        }

        return new KMeansResult(k, assignments, centroids, inertia, iterations);
    }

    /// <summary>Each point to its nearest centroid (the lower index on a tie); true when any point moved.</summary>
    private static bool Assign(double[] points, int d, int n, int k, double[] centroids, int[] assignments)
    {
        var changed = false;
        for (var i = 0; i < n; i++)
        {
            var best = 0;
            var bestDistance = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                var dist = Distance2(points, i, centroids, c, d);
                if (dist < bestDistance)
                {
                    bestDistance = dist;
                    best = c;
                }
            }

            if (assignments[i] != best)
            {
                assignments[i] = best;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>An empty cluster takes the point farthest from its own centroid (from a cluster of two or more).</summary>
    private static void Refill(double[] points, int d, int n, int empty, double[] centroids, int[] assignments, int[] sizes, double[] sums)
    {
        var far = -1;
        var farDistance = -1.0;
        for (var i = 0; i < n; i++)
        {
            if (sizes[assignments[i]] < 2)
            {
                continue;
            }

            var dist = Distance2(points, i, centroids, assignments[i], d);
            if (dist > farDistance)
            {
                farDistance = dist;
                far = i;
            }
        }

        var from = assignments[far];
        sizes[from]--;
        sizes[empty] = 1;
        for (var t = 0; t < d; t++)
        {
            var x = points[(far * d) + t];
            sums[(from * d) + t] -= x;
            sums[(empty * d) + t] = x;
        }

        assignments[far] = empty;
    }
}
