namespace Geo.Core.Segmentation;

/// <summary>
/// Segments areas by their indicator profiles: each indicator standardised to z-scores across the areas (population
/// standard deviation), k-means on the z-scores (<see cref="KMeans"/>) with k given or, when none is, the k from
/// <see cref="MinK"/> to <see cref="MaxK"/> with the highest mean silhouette (<see cref="Silhouette"/>; the smaller k on
/// a tie), each candidate scored on one seeded k-means run and the chosen k then run with every restart. Clusters are
/// numbered by size, largest first. Pure and deterministic for a seed; thread-safe.
/// </summary>
public static class AreaSegmentation
{
    public const int MinK = 2;

    /// <summary>The most clusters: a map shows at most eight colour-blind-safe categorical colours (Okabe and Ito).</summary>
    public const int MaxK = 8;

    /// <summary>
    /// Clusters the areas whose values are <paramref name="columns"/> (one array per indicator, one value per area, the
    /// same order in each) into <paramref name="k"/> clusters, or the silhouette's choice when null.
    /// </summary>
    /// <param name="names">A name per column, for reasons.</param>
    /// <exception cref="ArgumentException">Fewer than two columns, columns of different lengths, a value not finite, or k outside
    /// <see cref="MinK"/>..<see cref="MaxK"/>.</exception>
    public static SegmentationResult Segment(IReadOnlyList<double[]> columns, IReadOnlyList<string> names, int? k, int seed)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(names);
        if (columns.Count < 2 || names.Count != columns.Count)
        {
            throw new ArgumentException($"Segmentation needs at least 2 columns, each named; {columns.Count} columns and {names.Count} names.", nameof(columns));
        }

        if (k is < MinK or > MaxK)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be from {MinK} to {MaxK}.");
        }

        var n = columns[0].Length;
        var d = columns.Count;
        if (columns.Any(c => c.Length != n))
        {
            throw new ArgumentException("Every column needs one value per area.", nameof(columns));
        }

        var scales = columns.Select(Scale).ToArray();
        if (k is { } given && given > n)
        {
            return Fail(scales, $"k: {given} clusters need at least {given} areas and there are {n}; "
                + (n < MinK ? $"choose a larger area (clusters need at least {MinK} areas)." : $"choose k from {MinK} to {n}."));
        }

        if (k is null && n < MinK + 1)
        {
            return Fail(scales, $"k: choosing k by silhouette needs at least {MinK + 1} areas (k from {MinK} to n − 1) and there are {n}; "
                + "choose a larger area.");
        }

        for (var j = 0; j < d; j++)
        {
            if (n > 0 && scales[j].StandardDeviation == 0)
            {
                return Fail(scales, $"indicators: all {n} areas have the same value of '{names[j]}' ({scales[j].Mean}), so it cannot be "
                    + "standardised (its standard deviation is 0) and separates nothing; leave it out.");
            }
        }

        var points = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                points[(i * d) + j] = (columns[j][i] - scales[j].Mean) / scales[j].StandardDeviation;
            }
        }

        var distinct = KMeans.DistinctPoints(points, d);
        if (k is { } wanted && wanted > distinct)
        {
            return Fail(scales, $"k: the {n} areas have only {distinct} different profiles, too few for {wanted} clusters; choose k of at most {distinct}.");
        }

        var largest = Math.Min(MaxK, Math.Min(n - 1, distinct));
        if (k is null && largest < MinK)
        {
            return Fail(scales, $"k: the {n} areas have only {distinct} different profile(s); choosing k by silhouette needs at least {MinK + 1} "
                + "areas and 2 profiles.");
        }

        // k given: the best of the restarts. k chosen: each candidate scored on one seeded run (the scan is what costs),
        // then the chosen k run again with every restart, as if it had been given.
        var candidates = new List<SilhouetteScore>();
        var chosenK = k ?? 0;
        if (k is null)
        {
            var bestScore = double.NegativeInfinity;
            for (var c = MinK; c <= largest; c++)
            {
                var scan = KMeans.Cluster(points, d, c, seed, restarts: 1);
                var score = Silhouette.Mean(points, d, scan.Assignments, c, seed).Mean;
                candidates.Add(new SilhouetteScore(c, score));
                if (score > bestScore)
                {
                    (chosenK, bestScore) = (c, score);
                }
            }
        }

        var best = KMeans.Cluster(points, d, chosenK, seed);
        var (silhouette, scored) = Silhouette.Mean(points, d, best.Assignments, chosenK, seed);
        if (k is not null)
        {
            candidates.Add(new SilhouetteScore(chosenK, silhouette));
        }

        var chosen = Relabel(best, d);
        return new SegmentationResult(chosen.K, k is null, [.. chosen.Assignments.Select(a => a + 1)],
            Profiles(columns, points, chosen), candidates, silhouette, scored, scales, chosen.Inertia, null);
    }

    private static SegmentationResult Fail(IReadOnlyList<ColumnScale> scales, string reason) =>
        new(null, false, [], [], [], null, 0, scales, null, reason);

    private static ColumnScale Scale(double[] values)
    {
        if (values.Length == 0)
        {
            return new ColumnScale(double.NaN, double.NaN);
        }

        var mean = values.Average();
        double ss = 0;
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"Value {v} is not finite.", nameof(values));
            }

            ss += (v - mean) * (v - mean);
        }

        return new ColumnScale(mean, Math.Sqrt(ss / values.Length));
    }

    /// <summary>Clusters renumbered by size, largest first; equal sizes by their centroids' coordinates.</summary>
    private static KMeansResult Relabel(KMeansResult run, int d)
    {
        var sizes = new int[run.K];
        foreach (var a in run.Assignments)
        {
            sizes[a]++;
        }

        var order = Enumerable.Range(0, run.K).ToArray();
        Array.Sort(order, (x, y) =>
        {
            var bySize = sizes[y].CompareTo(sizes[x]);
            for (var t = 0; bySize == 0 && t < d; t++)
            {
                bySize = run.Centroids[(x * d) + t].CompareTo(run.Centroids[(y * d) + t]);
            }

            return bySize;
        });
        var newLabel = new int[run.K];
        var centroids = new double[run.Centroids.Length];
        for (var c = 0; c < run.K; c++)
        {
            newLabel[order[c]] = c;
            Array.Copy(run.Centroids, order[c] * d, centroids, c * d, d);
        }

        return run with { Assignments = [.. run.Assignments.Select(a => newLabel[a])], Centroids = centroids };
    }

    private static ClusterProfile[] Profiles(IReadOnlyList<double[]> columns, double[] points, KMeansResult run)
    {
        var d = columns.Count;
        var profiles = new ClusterProfile[run.K];
        for (var c = 0; c < run.K; c++)
        {
            var members = Enumerable.Range(0, run.Assignments.Length).Where(i => run.Assignments[i] == c).ToArray();
            var measures = new ClusterMeasure[d];
            for (var j = 0; j < d; j++)
            {
                var values = members.Select(i => columns[j][i]).ToArray();
                var mean = values.Average();
                var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
                measures[j] = new ClusterMeasure(mean, sd, values.Min(), values.Max(), members.Average(i => points[(i * d) + j]));
            }

            profiles[c] = new ClusterProfile(c + 1, members.Length, measures);
        }

        return profiles;
    }
}
