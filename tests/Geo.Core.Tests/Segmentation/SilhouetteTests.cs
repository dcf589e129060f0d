using Geo.Core.Segmentation;

namespace Geo.Core.Tests.Segmentation;

public sealed class SilhouetteTests
{
    [Fact]
    public void Values_TwoPairsOnALine_MatchTheHandCalculation()
    {
        // 0, 1 | 5, 6: every a(i) = 1; b(0) = (5 + 6)/2 = 5.5, b(1) = (4 + 5)/2 = 4.5, and symmetrically for 5 and 6;
        // s = (b − a)/b: 4.5/5.5 = 9/11, 3.5/4.5 = 7/9; the mean is (9/11 + 7/9)/2 = 79/99
        double[] points = [0, 1, 5, 6];
        int[] clusters = [0, 0, 1, 1];

        var s = Silhouette.Values(points, 1, clusters, 2);

        Assert.Equal(9.0 / 11, s[0], 12);
        Assert.Equal(7.0 / 9, s[1], 12);
        Assert.Equal(7.0 / 9, s[2], 12);
        Assert.Equal(9.0 / 11, s[3], 12);
        Assert.Equal(79.0 / 99, Silhouette.Mean(points, 1, clusters, 2, seed: 1).Mean, 12);
    }

    [Fact]
    public void Values_ThreeFourFiveTriangleWithASingleton_SingletonScoresZero()
    {
        // A(0,0), B(0,3), C(4,0): |AB| = 3, |AC| = 4, |BC| = 5. Clusters {A, B} and {C}:
        // s(A) = (4 − 3)/4 = 0.25, s(B) = (5 − 3)/5 = 0.4, s(C) = 0 (alone in its cluster, Rousseeuw's convention)
        double[] points = [0, 0, 0, 3, 4, 0];

        var s = Silhouette.Values(points, 2, [0, 0, 1], 2);

        Assert.Equal([0.25, 0.4, 0], s.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Values_PointCloserToTheOtherCluster_IsNegative()
    {
        // 0, 4 | 5: for 4, a = 4 and b = 1, so s = (1 − 4)/4 = −0.75
        var s = Silhouette.Values([0, 4, 5], 1, [0, 0, 1], 2);

        Assert.Equal(-0.75, s[1], 12);
    }

    [Fact]
    public void Mean_MorePointsThanTheSample_ScoresTheSampleAndStaysCloseToTheExactMean()
    {
        var (points, clusters) = Blobs(2_600, seed: 4);

        var exact = Silhouette.Values(points, 2, clusters, 3).Average();
        var (sampled, scored) = Silhouette.Mean(points, 2, clusters, 3, seed: 9);

        Assert.Equal(Silhouette.SampleSize, scored);
        Assert.InRange(sampled - exact, -0.02, 0.02);
        Assert.Equal(sampled, Silhouette.Mean(points, 2, clusters, 3, seed: 9).Mean);
    }

    /// <summary>Three noisy blobs around (0, 0), (6, 0) and (0, 6), labelled by the blob each point came from.</summary>
    private static (double[] Points, int[] Clusters) Blobs(int n, int seed)
    {
        var random = new Random(seed);
        var points = new double[n * 2];
        var clusters = new int[n];
        for (var i = 0; i < n; i++)
        {
            clusters[i] = i % 3;
            points[2 * i] = (clusters[i] == 1 ? 6 : 0) + random.NextDouble() * 2 - 1;
            points[(2 * i) + 1] = (clusters[i] == 2 ? 6 : 0) + random.NextDouble() * 2 - 1;
        }

        return (points, clusters);
    }
}
