using System.Globalization;
using System.Text.Json;

namespace Geo.Cli.Tests;

/// <summary>
/// <c>geo segment</c> on the demo with a second indicator given by <c>--indicator-file</c> (the demo has one): the members
/// against <c>geo export</c> of each indicator, the profiles recomputed from the CSV, the same seed giving the same bytes,
/// and the reasons for bad choices.
/// </summary>
public class SegmentCommandTests
{
    private const string Copd = "copd-emergency-admissions";
    private const string Place = "X06000001";

    [Fact]
    public void Segment_DemoPlaceWithIndicatorFile_ClustersOnlyNeighbourhoodsPublishedInBothWithTheirProfiles()
    {
        var (directory, csv) = BivariateCommandTests.Files();
        var output = Path.Combine(directory, "segments.csv");

        var (exit, _, error) = GeoProcess.Run(["segment", .. BivariateCommandTests.FileOptions(csv), "--indicators", $"{Copd},mine",
            "--within", Place, "--k", "3", "--out", output]);

        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(output);
        Assert.Equal($"code,name,cluster,{Copd},mine", lines[0].TrimStart('\uFEFF'));
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();

        // disclosure: exactly the neighbourhoods with a published value in both exports, none suppressed in either
        var copd = BivariateCommandTests.Export(["export", "--indicator", Copd, "--level", "neighbourhood", "--within", Place]);
        var mine = BivariateCommandTests.Export(["export", .. BivariateCommandTests.FileOptions(csv), "--indicator", "mine", "--level", "neighbourhood", "--within", Place]);
        Assert.Contains(mine.Values, v => v.Suppressed);
        var both = copd.Keys.Where(c => copd[c].Value is not null && mine.GetValueOrDefault(c).Value is not null).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(both, rows.Select(f => f[0]));
        Assert.Equal(both.Select(c => copd[c].Value!.Value), rows.Select(f => double.Parse(f[3], CultureInfo.InvariantCulture)));
        Assert.Equal(both.Select(c => mine[c].Value!.Value), rows.Select(f => double.Parse(f[4], CultureInfo.InvariantCulture)));

        using var metadata = JsonDocument.Parse(File.ReadAllText(output + ".metadata.json"));
        var root = metadata.RootElement;
        Assert.Equal(3, root.GetProperty("k").GetInt32());
        Assert.Equal([Copd, "mine"], root.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("indicatorId").GetString()));
        Assert.Equal(copd.Count, root.GetProperty("clustered").GetInt32() + root.GetProperty("suppressed").GetInt32() + root.GetProperty("noValue").GetInt32());
        foreach (var cluster in root.GetProperty("clusters").EnumerateArray())
        {
            var number = cluster.GetProperty("cluster").GetInt32().ToString(CultureInfo.InvariantCulture);
            var inside = rows.Where(f => f[2] == number).ToArray();
            Assert.Equal(inside.Length, cluster.GetProperty("size").GetInt32());
            var mean = inside.Average(f => double.Parse(f[4], CultureInfo.InvariantCulture));
            Assert.Equal(mean, cluster.GetProperty("profile")[1].GetProperty("mean").GetDouble(), 1e-6);
            Assert.Contains($"# cluster {number}: {inside.Length} neighbourhoods;", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Segment_SameSeedTwice_SameBytes()
    {
        var (_, csv) = BivariateCommandTests.Files();
        string[] args = ["segment", .. BivariateCommandTests.FileOptions(csv), "--indicators", $"{Copd},mine", "--within", Place, "--seed", "7"];

        var first = GeoProcess.Run(args);
        var second = GeoProcess.Run(args);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(first.Output, second.Output);
        Assert.Contains("chosen by silhouette", first.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_OneIndicator_Exits1WithTheReason()
    {
        var (exit, output, error) = GeoProcess.Run("segment", "--indicators", Copd, "--within", Place);

        Assert.Equal(1, exit);
        Assert.Equal($"code,name,cluster,{Copd}", output.Trim().TrimStart('\uFEFF'));
        Assert.Contains($"no clusters: indicators: only '{Copd}' is given; clusters of profiles need at least two indicators", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9", "k must be a whole number from 2 to 8")]
    [InlineData("one", "not 'one'")]
    public void Segment_BadK_Exits2SayingWhy(string k, string said)
    {
        var (exit, _, error) = GeoProcess.Run("segment", "--indicators", $"{Copd},x", "--within", Place, "--k", k);

        Assert.Equal(2, exit);
        Assert.Contains(said, error, StringComparison.Ordinal);
    }
}
