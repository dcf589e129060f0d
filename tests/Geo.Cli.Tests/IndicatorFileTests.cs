using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Geo.Demo;

namespace Geo.Cli.Tests;

/// <summary><c>--indicator-file</c>: the user's own CSV on export and hotspots, as a manifest entry would load it.</summary>
public class IndicatorFileTests
{
    private static readonly string[] Columns =
        ["--area-column", "LSOA21CD", "--count-column", "admissions", "--denominator-column", "population", "--period-column", "year"];

    private static (string Directory, string Manifest, string Csv) Files()
    {
        var directory = Directory.CreateTempSubdirectory("geo-cli-file-").FullName;
        var plain = DemoDataset.WriteFiles(DemoDataset.Generate(), directory);
        var csv = new StringBuilder("LSOA21CD,year,admissions,population\n");
        for (var i = 1; i <= 80; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"X01{i:000000},2024,{(i * 11) % 29},{900 + i * 17}\n");
        }

        var csvPath = Path.Combine(directory, "mine.csv");
        File.WriteAllText(csvPath, csv.ToString());
        var manifest = JsonNode.Parse(File.ReadAllText(plain))!.AsObject();
        manifest["indicators"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "mine",
            ["name"] = "mine",
            ["valueType"] = "crude-rate",
            ["multiplier"] = 100000,
            ["file"] = new JsonObject { ["path"] = "mine.csv", ["area"] = "LSOA21CD", ["period"] = "year", ["numerator"] = "admissions", ["denominator"] = "population" },
        });
        var withEntry = Path.Combine(directory, "with-entry.dataset.json");
        File.WriteAllText(withEntry, manifest.ToJsonString());
        return (directory, withEntry, csvPath);
    }

    [Fact]
    public void Export_IndicatorFile_WritesTheSameCsvAsTheFileAsAManifestEntry()
    {
        var (directory, manifest, csv) = Files();
        var viaManifest = Path.Combine(directory, "manifest.csv");
        var viaFile = Path.Combine(directory, "file.csv");

        var (exit1, _, error1) = GeoProcess.Run("export", "--dataset", manifest, "--indicator", "mine", "--level", "place", "--out", viaManifest);
        var (exit2, _, error2) = GeoProcess.RunWith(new Dictionary<string, string> { ["GEO_PROGRESS"] = "always" },
            ["export", "--indicator-file", csv, .. Columns, "--indicator", "mine", "--level", "place", "--out", viaFile]);

        Assert.True(exit1 == 0, error1);
        Assert.True(exit2 == 0, error2);
        Assert.Contains("added indicator mine: 80 records", error2, StringComparison.Ordinal);
        Assert.True(File.ReadAllLines(viaManifest).Length > 10);
        Assert.Equal(File.ReadAllBytes(viaManifest), File.ReadAllBytes(viaFile));
    }

    [Fact]
    public void Hotspots_BadIndicatorFile_ExitsWith2ListingEachLineAndField()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("geo-cli-bad-").FullName, "bad.csv");
        File.WriteAllText(file, "LSOA21CD,year,admissions,population\nX01000001,2024,3,100\nX01000002,2024,lots,100\nNOPE,2024,1,100\n");

        var (exit, output, error) = GeoProcess.Run(["hotspots", "--indicator-file", file, .. Columns, "--indicator", "bad", "--within", "X54000002"]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("bad.csv: 2 problems; nothing was loaded.", error, StringComparison.Ordinal);
        Assert.Contains("line 3, field 'admissions': 'lots' is not a number", error, StringComparison.Ordinal);
        Assert.Contains("line 4, field 'LSOA21CD': 'NOPE' is not a neighbourhood code of this dataset", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
