using System.Text.Json;
using Geo.Tests;

namespace Geo.Cli.Tests;

public class CheckCommandTests
{
    [Fact]
    public void Check_DemoAsJson_PrintsLevelCountsAndEmptyProblemLists()
    {
        var (exit, output, error) = GeoProcess.Run("check", "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var levels = json.RootElement.GetProperty("levels");
        Assert.True(levels.GetProperty("system").GetProperty("count").GetInt32() >= 2);
        Assert.True(levels.GetProperty("place").GetProperty("count").GetInt32() >= 12);
        Assert.Equal(2, levels.GetProperty("place").GetProperty("partial").GetInt32());
        Assert.True(levels.GetProperty("neighbourhood").GetProperty("count").GetInt32() >= 2000);
        Assert.Equal(0, json.RootElement.GetProperty("unmatchedCodes").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("repairs").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("synthetic").GetBoolean());
    }

    [EnglandFact]
    public void Check_EnglandManifest_Reports42Systems45Icps310PlacesAnd33755Neighbourhoods()
    {
        var (exit, output, error) = GeoProcess.Run("check", "--json",
            "--dataset", Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json"),
            "--data-root", SharedData.EnglandDirectory!);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var levels = json.RootElement.GetProperty("levels");
        Assert.Equal(42, levels.GetProperty("system").GetProperty("count").GetInt32());
        Assert.Equal(45, levels.GetProperty("icp").GetProperty("count").GetInt32());
        Assert.Equal(310, levels.GetProperty("place").GetProperty("count").GetInt32());
        Assert.Equal(27, levels.GetProperty("place").GetProperty("partial").GetInt32());
        Assert.Equal(33_755, levels.GetProperty("neighbourhood").GetProperty("count").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("unmatchedCodes").GetArrayLength());
    }

    [EnglandFact]
    public void Check_EnglandDistrictData_CountsTheBlankPlacesTheExportShows()
    {
        string[] england = ["--dataset", Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json"), "--data-root", SharedData.EnglandDirectory!];
        var (exit, output, error) = GeoProcess.Run(["check", "--json", .. england]);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var notes = json.RootElement.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == "copd-prevalence-qof-2019-20")
            .GetProperty("importNotes").EnumerateArray().Select(n => n.GetString()!).ToList();
        var said = notes.Single(n => n.Contains(" of the dataset's 310 places have no figure", StringComparison.Ordinal));
        var checkCount = int.Parse(said[..said.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

        var file = Path.Combine(Directory.CreateTempSubdirectory("geo-cli-").FullName, "copd-places.csv");
        (exit, _, error) = GeoProcess.Run(["export", .. england, "--indicator", "copd-prevalence-qof-2019-20", "--level", "place", "--out", file]);
        Assert.True(exit == 0, error);
        var rows = RawCsv.Read(file, "code", "value", "suppressed", "note").ToList();
        var blank = rows.Where(r => r[1].Length == 0).ToList();

        Assert.Equal(310, rows.Count);
        Assert.All(blank, r => Assert.Equal(("", "no data"), (r[2], r[3])));
        Assert.Equal(checkCount, blank.Count);
        Assert.Equal(10, blank.Count); // 30 before district figures were apportioned to partial places, while check said 6
    }

    [Fact]
    public void Check_ManifestWithBadJson_ExitsWithErrorNamingFileAndLine()
    {
        var manifest = Path.Combine(Directory.CreateTempSubdirectory("geo-cli-").FullName, "bad.dataset.json");
        File.WriteAllText(manifest, "{\n  \"name\": \"x\",\n  \"neighbourhoods\": 42\n}\n");

        var (exit, output, error) = GeoProcess.Run("check", "--dataset", manifest);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith($"error: {manifest}, line 3", error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal); // no stack trace
    }
}
