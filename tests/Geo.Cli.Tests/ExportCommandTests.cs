using System.Globalization;
using System.Text.Json;

namespace Geo.Cli.Tests;

public class ExportCommandTests
{
    private const string Copd = "copd-emergency-admissions";

    private static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("geo-cli-").FullName, name);

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        // Demo names have no commas or quotes, so a plain split reads them.
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public void Export_DemoPlacesAsCsv_WritesTheIssuesColumnsAndAMetadataSidecar()
    {
        var output = TempFile("places.csv");

        var (exit, _, error) = GeoProcess.Run("export", "--indicator", Copd, "--level", "place", "--out", output);

        Assert.True(exit == 0, error);
        var header = File.ReadLines(output).First().TrimStart('\uFEFF');
        Assert.StartsWith("code,name,level,parent,period,count,denominator,value,lower95,upper95,lower998,upper998,"
            + "vs_parent,vs_england,rank,expected,excess,excess_share,suppressed", header, StringComparison.Ordinal);
        var rows = ReadCsv(output);
        Assert.True(rows.Count >= 12);
        Assert.All(rows, r => Assert.Equal("place", r["level"]));
        Assert.All(rows, r => Assert.Equal("2019/20 - 2023/24", r["period"]));
        Assert.All(rows, r => Assert.True(double.Parse(r["lower95"], CultureInfo.InvariantCulture) < double.Parse(r["value"], CultureInfo.InvariantCulture)));

        using var metadata = JsonDocument.Parse(File.ReadAllText(output + ".metadata.json"));
        var m = metadata.RootElement;
        Assert.True(m.GetProperty("synthetic").GetBoolean());
        Assert.Equal("dsr", m.GetProperty("valueType").GetString());
        Assert.Contains("Dobson", m.GetProperty("method").GetString(), StringComparison.Ordinal);
        Assert.Contains("1 to 7", m.GetProperty("suppressionRule").GetString(), StringComparison.Ordinal);
        Assert.Equal("synthetic neighbourhoods", m.GetProperty("boundaryVintage").GetString());
        // Each column described in the header's order, with its type and unit.
        var columns = m.GetProperty("columns").EnumerateArray().ToArray();
        Assert.Equal(header.Split(','), columns.Select(c => c.GetProperty("name").GetString()));
        var count = columns.Single(c => c.GetProperty("name").GetString() == "count");
        Assert.Equal("number", count.GetProperty("type").GetString());
        Assert.Equal("events", count.GetProperty("unit").GetString());
        Assert.Equal("integer", columns.Single(c => c.GetProperty("name").GetString() == "rank").GetProperty("type").GetString());
    }

    [Fact]
    public void Export_DemoNeighbourhoodsWithinASystem_LeaveSmallCountsEmptyAndFlagged()
    {
        var output = TempFile("neighbourhoods.csv");

        var (exit, _, error) = GeoProcess.Run("export", "--indicator", Copd, "--level", "neighbourhood", "--within", "X54000001",
            "--period", "2021/22", "--out", output);

        Assert.True(exit == 0, error);
        var rows = ReadCsv(output);
        var suppressed = rows.Where(r => r["suppressed"].Length > 0).ToArray();
        Assert.NotEmpty(suppressed);
        Assert.All(suppressed, r => Assert.Equal("", r["count"]));
        Assert.All(suppressed, r => Assert.Equal("", r["excess"]));
        Assert.All(rows.Where(r => r["count"].Length > 0), r =>
        {
            var count = double.Parse(r["count"], CultureInfo.InvariantCulture);
            Assert.True(count == 0 || count >= 8, $"{r["code"]} shows {count}");
        });
    }

    [Fact]
    public void Export_DemoSystemsAsGeoJson_HasAFeatureWithWgs84GeometryPerSystem()
    {
        var output = TempFile("systems.geojson");

        var (exit, _, error) = GeoProcess.Run("export", "--indicator", Copd, "--level", "system", "--format", "geojson", "--out", output);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToArray();
        Assert.True(features.Length >= 2);
        Assert.Equal("dsr", json.RootElement.GetProperty("metadata").GetProperty("valueType").GetString());
        foreach (var feature in features)
        {
            Assert.Equal("system", feature.GetProperty("properties").GetProperty("level").GetString());
            var ring = feature.GetProperty("geometry").GetProperty("coordinates");
            var first = ring.ValueKind == JsonValueKind.Array ? FirstPosition(ring) : default;
            Assert.InRange(first.Lon, -6.0, 2.0);
            Assert.InRange(first.Lat, 49.5, 56.0);
        }
    }

    [Fact]
    public void Hotspots_NothingToList_ExitsOneWithTheReasonOnStderr()
    {
        // The user's indicator of 3 events in every neighbourhood: each is suppressed, the places are not.
        var csv = TempFile("three.csv");
        File.WriteAllText(csv, "LSOA21CD,admissions,population\n"
            + string.Concat(Enumerable.Range(1, 2400).Select(i => string.Create(CultureInfo.InvariantCulture, $"X01{i:000000},3,1000\n"))));

        var (exit, output, error) = GeoProcess.Run("hotspots", "--indicator-file", csv, "--area-column", "LSOA21CD",
            "--count-column", "admissions", "--denominator-column", "population", "--indicator", "three", "--within", "X06000004");

        Assert.Equal(1, exit);
        Assert.Contains("no rows: All 143 neighbourhoods inside X06000004 are suppressed (small counts), so none can be listed; a pooled period or a larger area may show them.", error);
        Assert.Equal("code,name,level", output.Split('\n')[0][..15]);
    }

    [Fact]
    public void Hotspots_UnknownOrder_ExitsTwoWithTheApisText()
    {
        var (exit, _, error) = GeoProcess.Run("hotspots", "--indicator", Copd, "--within", "X06000004", "--by", "nope");

        Assert.Equal(2, exit);
        Assert.Contains("error: The hotspot order must be rate, excess, funnel, gistar or moran, not 'nope'.", error);
    }

    [Fact]
    public void Hotspots_ByFunnel_ListsNeighbourhoodsAbove998ThenAbove95()
    {
        var output = TempFile("hotspots.csv");

        var (exit, _, error) = GeoProcess.Run("hotspots", "--indicator", Copd, "--within", "X54000002", "--by", "funnel", "--top", "50",
            "--funnel", "poisson", "--out", output);

        Assert.True(exit == 0, error);
        var rows = ReadCsv(output);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("neighbourhood", r["level"]));
        var positions = rows.Select(r => r["funnel"]).ToArray();
        Assert.All(positions, p => Assert.Contains(p, new[] { "above998", "above95" }));
        Assert.Equal(positions.OrderBy(p => p == "above998" ? 0 : 1), positions);
    }

    [Fact]
    public void Hotspots_ByRate_AreInDescendingOrderOfValue()
    {
        var output = TempFile("rate.csv");

        var (exit, _, error) = GeoProcess.Run("hotspots", "--indicator", Copd, "--within", "X54000001", "--by", "rate", "--top", "10", "--out", output);

        Assert.True(exit == 0, error);
        var values = ReadCsv(output).Select(r => double.Parse(r["value"], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(10, values.Length);
        Assert.Equal(values.OrderDescending(), values);
    }

    [Fact]
    public void Hotspots_ByGistar_ListsShownNeighbourhoodsOfTheArea()
    {
        var output = TempFile("gistar.csv");

        var (exit, _, error) = GeoProcess.Run("hotspots", "--indicator", Copd, "--within", "X54000002", "--by", "gistar", "--top", "30", "--out", output);

        Assert.True(exit == 0, error);
        var rows = ReadCsv(output);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("neighbourhood", r["level"]));
        Assert.All(rows, r => Assert.Equal("", r["suppressed"]));
        using var metadata = JsonDocument.Parse(File.ReadAllText(output + ".metadata.json"));
        Assert.Contains("gistar", metadata.RootElement.GetProperty("selection").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Export_UnknownIndicator_ExitsTwoListingTheIndicators()
    {
        var (exit, _, error) = GeoProcess.Run("export", "--indicator", "nope", "--level", "place");

        Assert.Equal(2, exit);
        Assert.Contains(Copd, error, StringComparison.Ordinal);
    }

    private static (double Lon, double Lat) FirstPosition(JsonElement coordinates)
    {
        var e = coordinates;
        while (e[0].ValueKind == JsonValueKind.Array)
        {
            e = e[0];
        }

        return (e[0].GetDouble(), e[1].GetDouble());
    }
}
