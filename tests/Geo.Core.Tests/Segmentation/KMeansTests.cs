using Geo.Core.Segmentation;

namespace Geo.Core.Tests.Segmentation;

public sealed class KMeansTests
{
    /// <summary>Fifteen points in three well-separated groups of five, around (0, 0), (10, 0) and (0, 10).</summary>
    private static readonly double[] ThreeGroups =
    [
        0, 0, 1, 0, 0, 1, -1, 0, 0, -1,
        10, 0, 11, 0, 10, 1, 9, 0, 10, -1,
        0, 10, 1, 10, 0, 11, -1, 10, 0, 9,
    ];

    [Fact]
    public void Cluster_ThreeSeparatedGroups_FindsTheGroupsAndTheirMeans()
    {
        var result = KMeans.Cluster(ThreeGroups, 2, 3, seed: 1);

        for (var g = 0; g < 3; g++)
        {
            var label = result.Assignments[g * 5];
            Assert.All(Enumerable.Range(g * 5, 5), i => Assert.Equal(label, result.Assignments[i]));
        }

        Assert.Equal(3, result.Assignments.Distinct().Count());
        // each group is symmetric about its centre, so the centroids are the centres and the inertia 4 × 1 per group
        var centres = Enumerable.Range(0, 3).Select(c => (result.Centroids[2 * c], result.Centroids[(2 * c) + 1])).Order().ToArray();
        Assert.Equal([(0.0, 0.0), (0.0, 10.0), (10.0, 0.0)], centres);
        Assert.Equal(12, result.Inertia, 9);
    }

    [Fact]
    public void Cluster_EightPointsInTwo_ReachesTheOptimumFoundByTryingEveryPartition()
    {
        double[] points = [0, 0, 2, 1, 1, 3, 3, 3, 6, 5, 7, 7, 8, 5, 4, 6];
        var n = points.Length / 2;

        // every split into two non-empty sets, inertia from the set means: the exact optimum
        var best = double.PositiveInfinity;
        for (var mask = 1; mask < (1 << n) - 1; mask++)
        {
            double inertia = 0;
            foreach (var side in new[] { true, false })
            {
                var members = Enumerable.Range(0, n).Where(i => ((mask >> i) & 1) == 1 == side).ToArray();
                var mx = members.Average(i => points[2 * i]);
                var my = members.Average(i => points[(2 * i) + 1]);
                inertia += members.Sum(i => Math.Pow(points[2 * i] - mx, 2) + Math.Pow(points[(2 * i) + 1] - my, 2));
            }

            best = Math.Min(best, inertia);
        }

        Assert.Equal(best, KMeans.Cluster(points, 2, 2, seed: 7).Inertia, 9);
    }

    [Fact]
    public void Cluster_SameSeed_SameClusters()
    {
        var random = new Random(3);
        var points = Enumerable.Range(0, 3_000).Select(_ => random.NextDouble()).ToArray();

        var first = KMeans.Cluster(points, 3, 5, seed: 42);
        var second = KMeans.Cluster(points, 3, 5, seed: 42);

        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(first.Centroids, second.Centroids);
        Assert.Equal(first.Inertia, second.Inertia);
    }

    [Fact]
    public void Cluster_CentroidsAreTheMeansOfTheirPoints_AndEveryPointIsNearestItsOwn()
    {
        var random = new Random(5);
        var points = Enumerable.Range(0, 900).Select(_ => random.NextDouble() * 10).ToArray();

        var r = KMeans.Cluster(points, 3, 4, seed: 2);

        for (var c = 0; c < 4; c++)
        {
            var members = Enumerable.Range(0, 300).Where(i => r.Assignments[i] == c).ToArray();
            Assert.NotEmpty(members);
            for (var t = 0; t < 3; t++)
            {
                Assert.Equal(members.Average(i => points[(3 * i) + t]), r.Centroids[(3 * c) + t], 9);
            }
        }

        for (var i = 0; i < 300; i++)
        {
            var own = KMeans.Distance2(points, i, r.Centroids, r.Assignments[i], 3);
            Assert.All(Enumerable.Range(0, 4), c => Assert.True(own <= KMeans.Distance2(points, i, r.Centroids, c, 3)));
        }
    }

    [Fact]
    public void Cluster_KAsLargeAsTheDistinctPoints_GivesEachPointItsOwnCluster()
    {
        var r = KMeans.Cluster([0, 1, 2, 10], 1, 4, seed: 1);

        Assert.Equal(4, r.Assignments.Distinct().Count());
        Assert.Equal(0, r.Inertia);
    }

    [Fact]
    public void DistinctPoints_RepeatedProfiles_CountedOnce()
    {
        Assert.Equal(2, KMeans.DistinctPoints([1, 2, 1, 2, 3, 4, 1, 2], 2));
    }

    [Fact]
    public void Cluster_KBeyondThePoints_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Cluster([0, 1], 1, 3, seed: 1));
    }
}
