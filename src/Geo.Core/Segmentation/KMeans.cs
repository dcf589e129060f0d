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
        var seen = new HashSet<int>(new RowComparer(points, dimensions));
        for (var i = 0; i < n; i++)
        {
            seen.Add(i);
        }

        return seen.Count;
    }

    /// <summary>Rows of a row-major array compared by their coordinates' bits.</summary>
    private sealed class RowComparer(double[] points, int d) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => points.AsSpan(x * d, d).SequenceEqual(points.AsSpan(y * d, d));

        public int GetHashCode(int row)
        {
            var hash = new HashCode();
            foreach (var v in points.AsSpan(row * d, d))
            {
                hash.Add(v);
            }

            return hash.ToHashCode();
        }
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

    /// <summary>
    /// Lloyd's iterations with Hamerly's (2010) bounds, which skip the distances that cannot change a point's cluster: an
    /// upper bound u on the distance to its own centre and a lower bound l on the distance to any other; a point is
    /// rescanned only when u exceeds both l and half the distance from its centre to the nearest other centre. The
    /// assignments are those of plain Lloyd; on a few dimensions most points are skipped after the first iterations.
    /// </summary>
    private static KMeansResult Lloyd(double[] points, int d, int n, int k, double[] centroids)
    {
        var assignments = new int[n];
        var upper = new double[n];
        var lower = new double[n];
        var sums = new double[k * d];
        var sizes = new int[k];
        for (var i = 0; i < n; i++)
        {
            (assignments[i], upper[i], lower[i]) = Nearest(points, i, d, k, centroids);
            sizes[assignments[i]]++;
            for (var t = 0; t < d; t++)
            {
                sums[(assignments[i] * d) + t] += points[(i * d) + t];
            }
        }

        var moved = new double[k];
        var half = new double[k];
        var iterations = 1;
        while (iterations < MaxIterations)
        {
            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0)
                {
                    Refill(points, d, n, c, centroids, assignments, sizes, sums, upper, lower);
                }
            }

            // each centre to its cluster's mean, noting how far it went: the largest and second largest bound the others
            int far = 0, second = -1;
            for (var c = 0; c < k; c++)
            {
                double shift = 0;
                for (var t = 0; t < d; t++)
                {
                    var mean = sums[(c * d) + t] / sizes[c];
                    shift += (mean - centroids[(c * d) + t]) * (mean - centroids[(c * d) + t]);
                    centroids[(c * d) + t] = mean;
                }

                moved[c] = Math.Sqrt(shift);
                if (c > 0 && moved[c] > moved[far])
                {
                    (second, far) = (far, c);
                }
                else if (c > 0 && (second < 0 || moved[c] > moved[second]))
                {
                    second = c;
                }
            }

            for (var c = 0; c < k; c++)
            {
                var nearest = double.PositiveInfinity;
                for (var o = 0; o < k; o++)
                {
                    if (o != c)
                    {
                        nearest = Math.Min(nearest, Math.Sqrt(Distance2(centroids, c, centroids, o, d)));
                    }
                }

                half[c] = nearest / 2;
            }

            iterations++;
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                var own = assignments[i];
                upper[i] += moved[own];
                lower[i] -= own == far ? (second < 0 ? 0 : moved[second]) : moved[far];
                var bound = Math.Max(half[own], lower[i]);
                if (upper[i] <= bound)
                {
                    continue;
                }

                upper[i] = Math.Sqrt(Distance2(points, i, centroids, own, d));
                if (upper[i] <= bound)
                {
                    continue;
                }

                var (best, u, l) = Nearest(points, i, d, k, centroids);
                (upper[i], lower[i]) = (u, l);
                if (best != own)
                {
                    changed = true;
                    assignments[i] = best;
                    sizes[own]--;
                    sizes[best]++;
                    for (var t = 0; t < d; t++)
                    {
                        var x = points[(i * d) + t];
                        sums[(own * d) + t] -= x;
                        sums[(best * d) + t] += x;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }

        double inertia = 0;
        for (var i = 0; i < n; i++)
        {
            inertia += Distance2(points, i, centroids, assignments[i], d);
        }

        return new KMeansResult(k, assignments, centroids, inertia, iterations);
    }

    /// <summary>The nearest centre to point <paramref name="i"/> (the lower index on a tie), its distance and the distance to the next nearest.</summary>
    private static (int Best, double Distance, double Next) Nearest(double[] points, int i, int d, int k, double[] centroids)
    {
        var best = 0;
        var first = double.PositiveInfinity;
        var next = double.PositiveInfinity;
        for (var c = 0; c < k; c++)
        {
            var dist = Distance2(points, i, centroids, c, d);
            if (dist < first)
            {
                (next, first, best) = (first, dist, c);
            }
            else if (dist < next)
            {
                next = dist;
            }
        }

        return (best, Math.Sqrt(first), Math.Sqrt(next));
    }

    /// <summary>An empty cluster takes the point farthest from its own centroid (from a cluster of two or more).</summary>
    private static void Refill(double[] points, int d, int n, int empty, double[] centroids, int[] assignments, int[] sizes, double[] sums,
        double[] upper, double[] lower)
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
        upper[far] = 0; // its centre becomes its own mean, the point itself
        lower[far] = 0; // forces a rescan: the other centres are about to move
    }
}
