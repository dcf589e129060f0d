using System.Globalization;
using System.Text.Json;
using Geo.Core.Catchments;
using Geo.Model;
using Geo.Demo;
using Geo.Data.Loading;

namespace Geo.Cli.Tests;

public class ExportCatchmentsTests
{
    private const string Copd = "copd-emergency-admissions";

    private static readonly Lazy<Dataset> Demo = new(() => DatasetLoader.Build(DemoDataset.Generate().Source));

    private static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("geo-cli-").FullName, name);

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Geo.Tests.RawCsv.Split(lines[0].TrimStart('\uFEFF'));
        return [.. lines.Skip(1).Select(l => header.Zip(Geo.Tests.RawCsv.Split(l)).ToDictionary(p => p.First, p => p.Second))];
    }

    [Fact]
    public void Export_CatchmentsFptpWithinAPlace_OneRowPerCatchmentReachingIt()
    {
        var output = TempFile("catchments.csv");
        var dataset = Demo.Value;
        var inside = dataset.Geography.Neighbourhoods(dataset.Geography.Get("X06000004")).Select(n => n.Code).ToHashSet();
        var expected = dataset.Catchments(new CatchmentOptions { Method = CatchmentMethod.FirstPastThePost }).Catchments
            .Where(c => c.Members.Any(m => inside.Contains(m.Neighbourhood)))
            .ToArray();

        var (exit, _, error) = GeoProcess.Run("export", "--indicator", Copd, "--catchments", "fptp", "--within", "X06000004", "--out", output);

        Assert.True(exit == 0, error);
        var rows = ReadCsv(output);
        Assert.Equal(expected.Select(c => c.Provider), rows.Select(r => r["code"]));
        Assert.Equal(expected.Select(c => c.Name), rows.Select(r => r["name"]));
        Assert.All(rows, r => Assert.Equal("catchment", r["level"]));
        Assert.All(rows, r => Assert.Equal("", r["parent"]));
        // Person-years of the indicator's five-year pools.
        Assert.Equal(expected.Select(c => 5 * c.Members.Sum(m => dataset.Population[m.Neighbourhood].Sum())),
            rows.Select(r => double.Parse(r["denominator"], CultureInfo.InvariantCulture)));

        using var metadata = JsonDocument.Parse(File.ReadAllText(output + ".metadata.json"));
        Assert.Contains("first past the post", metadata.RootElement.GetProperty("selection").GetString(), StringComparison.Ordinal);
        Assert.Contains("--catchments fptp", metadata.RootElement.GetProperty("command").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_CatchmentsProportionalAsGeoJson_EveryNonEmptyCatchmentWithItsBoundary()
    {
        var output = TempFile("catchments.geojson");
        var expected = Demo.Value.Catchments(new CatchmentOptions { Threshold = 0.4 }).Catchments.Where(c => c.Members.Count > 0).ToArray();

        var (exit, _, error) = GeoProcess.Run("export", "--indicator", Copd, "--catchments", "proportional", "--threshold", "0.4",
            "--format", "geojson", "--out", output);

        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(File.ReadAllText(output));
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(c => c.Provider), features.Select(f => f.GetProperty("id").GetString()));
        Assert.All(features, f =>
        {
            Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
            Assert.Equal("catchment", f.GetProperty("properties").GetProperty("level").GetString());
        });
        Assert.Contains("0.4", document.RootElement.GetProperty("metadata").GetProperty("selection").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--level", "place", "--catchments", "fptp")]
    [InlineData("--catchments", "proportional", "--threshold", "0")]
    public void Export_BadCatchmentOptions_ExitsTwoSayingWhy(params string[] options)
    {
        var (exit, _, error) = GeoProcess.Run(["export", "--indicator", Copd, .. options]);

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
    }
}
