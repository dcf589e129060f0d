using Geo.Core.Segmentation;

namespace Geo.Core.Tests.Segmentation;

public sealed class AreaSegmentationTests
{
    private static readonly string[] Names = ["a", "b"];

    /// <summary>Four groups of 25 areas on two indicators in very different units: a around 10 or 20, b around 1,000 or 3,000.</summary>
    private static double[][] FourGroups()
    {
        var random = new Random(11);
        var a = new double[100];
        var b = new double[100];
        for (var i = 0; i < 100; i++)
        {
            var g = i / 25;
            a[i] = (g % 2 == 0 ? 10 : 20) + random.NextDouble() - 0.5;
            b[i] = (g < 2 ? 1_000 : 3_000) + (random.NextDouble() - 0.5) * 100;
        }

        return [a, b];
    }

    [Fact]
    public void Segment_NoK_ChoosesTheFourGroupsBySilhouette()
    {
        var columns = FourGroups();

        var result = AreaSegmentation.Segment(columns, Names, null, seed: 1);

        Assert.Null(result.Reason);
        Assert.True(result.ChosenBySilhouette);
        Assert.Equal(4, result.K);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], result.Candidates.Select(c => c.K));
        Assert.Equal(4, result.Candidates.MaxBy(c => c.Mean)!.K);
        Assert.InRange(result.Silhouette!.Value, 0.5, 1);
        for (var g = 0; g < 4; g++)
        {
            Assert.Single(result.Clusters.Skip(g * 25).Take(25).Distinct());
        }

        Assert.All(result.Profiles, p => Assert.Equal(25, p.Size));
    }

    [Fact]
    public void Segment_Profiles_AreEachClustersMeanSpreadAndRangeInOriginalUnits()
    {
        var columns = FourGroups();

        var result = AreaSegmentation.Segment(columns, Names, 4, seed: 3);

        foreach (var profile in result.Profiles)
        {
            var members = Enumerable.Range(0, 100).Where(i => result.Clusters[i] == profile.Cluster).ToArray();
            for (var j = 0; j < 2; j++)
            {
                var values = members.Select(i => columns[j][i]).ToArray();
                var mean = values.Sum() / values.Length;
                var m = profile.Measures[j];
                Assert.Equal(mean, m.Mean, 9);
                Assert.Equal(Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Sum() / values.Length), m.StandardDeviation, 9);
                Assert.Equal(values.Min(), m.Min);
                Assert.Equal(values.Max(), m.Max);
                Assert.Equal((mean - result.Scales[j].Mean) / result.Scales[j].StandardDeviation, m.MeanZ, 9);
            }
        }
    }

    [Fact]
    public void Segment_ZScores_UseEachIndicatorsMeanAndPopulationStandardDeviation()
    {
        // 1, 2, 3, 4: mean 2.5, population variance (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25
        var result = AreaSegmentation.Segment([[1, 2, 3, 4], [8, 8, 9, 9]], Names, 2, seed: 1);

        Assert.Equal(2.5, result.Scales[0].Mean, 12);
        Assert.Equal(Math.Sqrt(1.25), result.Scales[0].StandardDeviation, 12);
        Assert.Equal(0.5, result.Scales[1].StandardDeviation, 12);
    }

    [Fact]
    public void Segment_ClustersNumberedBySize_LargestFirst()
    {
        // 6 areas near 0 and 2 near 100 on both indicators
        double[] a = [0, 1, 0, 1, 0, 1, 100, 101];
        var result = AreaSegmentation.Segment([a, [.. a.Select(x => -x)]], Names, 2, seed: 1);

        Assert.Equal([1, 1, 1, 1, 1, 1, 2, 2], result.Clusters);
        Assert.Equal([6, 2], result.Profiles.Select(p => p.Size));
    }

    [Fact]
    public void Segment_SameSeed_SameAnswer()
    {
        var random = new Random(8);
        double[][] columns = [[.. Enumerable.Range(0, 800).Select(_ => random.NextDouble())], [.. Enumerable.Range(0, 800).Select(_ => random.NextDouble())]];

        var first = AreaSegmentation.Segment(columns, Names, null, seed: 5);
        var second = AreaSegmentation.Segment(columns, Names, null, seed: 5);

        Assert.Equal(first.K, second.K);
        Assert.Equal(first.Clusters, second.Clusters);
        Assert.Equal(first.Candidates, second.Candidates);
    }

    [Fact]
    public void Segment_KLargerThanTheAreas_ReasonNamingK()
    {
        var result = AreaSegmentation.Segment([[1, 2, 3], [3, 1, 2]], Names, 4, seed: 1);

        Assert.Equal("k: 4 clusters need at least 4 areas and there are 3; choose k from 2 to 3.", result.Reason);
        Assert.Empty(result.Clusters);
        Assert.Empty(result.Profiles);
    }

    [Fact]
    public void Segment_IndicatorWithOneValueEverywhere_ReasonNamingIt()
    {
        var result = AreaSegmentation.Segment([[1, 2, 3], [7, 7, 7]], Names, 2, seed: 1);

        Assert.Equal("indicators: all 3 areas have the same value of 'b' (7), so it cannot be standardised (its standard deviation is 0) "
            + "and separates nothing; leave it out.", result.Reason);
    }

    [Fact]
    public void Segment_FewerDistinctProfilesThanK_ReasonNamingK()
    {
        var result = AreaSegmentation.Segment([[1, 1, 2, 2, 1], [5, 5, 6, 6, 5]], Names, 3, seed: 1);

        Assert.Equal("k: the 5 areas have only 2 different profiles, too few for 3 clusters; choose k of at most 2.", result.Reason);
    }

    [Fact]
    public void Segment_AutoWithTwoAreas_ReasonNamingK()
    {
        var result = AreaSegmentation.Segment([[1, 2], [3, 1]], Names, null, seed: 1);

        Assert.StartsWith("k: choosing k by silhouette needs at least 3 areas", result.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Segment_KOutsideTwoToEight_Throws(int k)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AreaSegmentation.Segment([[1, 2, 3], [3, 1, 2]], Names, k, seed: 1));
    }
}
