using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Geo.Cli.Tests;

/// <summary>
/// <c>geo hotspots --funnel</c> and <c>geo export --funnel</c> on the demo: φ̂ in the metadata checked by a plain second
/// computation from the CSV rows, and the exported limits from it.
/// </summary>
public partial class HotspotsFunnelTests
{
    private const string Copd = "copd-emergency-admissions";

    [GeneratedRegex(@"phi = ([0-9.eE+-]+)")]
    private static partial Regex PhiInSelection();

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        // Demo names have no commas or quotes, so a plain split reads them.
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    // R type 7 percentile.
    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var i = (int)h;
        return i + 1 < sorted.Length ? sorted[i] + ((h - i) * (sorted[i + 1] - sorted[i])) : sorted[i];
    }

    [Fact]
    public void Hotspots_FunnelPhi_MetadataPhiIsThePlainComputationFromTheListedRows()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("geo-cli-").FullName, "phi.csv");

        var (exit, _, error) = GeoProcess.Run("hotspots", "--indicator", Copd, "--within", "X06000004", "--by", "excess", "--top", "1000",
            "--funnel", "phi", "--out", output);

        Assert.True(exit == 0, error);
        // Ratio funnel: z = (O - E)/√E, winsorised at the 10th and 90th percentiles; φ = mean z².
        var z = ReadCsv(output).Where(r => r["funnel"] != "" && r["count"] != "")
            .Select(r => (Number(r["count"]) - Number(r["expected"])) / Math.Sqrt(Number(r["expected"])))
            .ToArray();
        var sorted = z.Order().ToArray();
        var (lo, hi) = (Quantile(sorted, 0.1), Quantile(sorted, 0.9));
        var phi = z.Select(v => Math.Clamp(v, lo, hi)).Sum(v => v * v) / z.Length;
        using var metadata = JsonDocument.Parse(File.ReadAllText(output + ".metadata.json"));
        var selection = metadata.RootElement.GetProperty("selection").GetString()!;
        Assert.Contains("funnel limits phi:", selection, StringComparison.Ordinal);
        Assert.Contains($"over {z.Length} neighbourhoods", selection, StringComparison.Ordinal);
        Assert.Equal(phi, Number(PhiInSelection().Match(selection).Groups[1].Value), phi * 1e-5);
    }

    [Fact]
    public void Hotspots_UnknownFunnel_ExitsTwoNamingTheValidWords()
    {
        var (exit, _, error) = GeoProcess.Run("hotspots", "--indicator", Copd, "--within", "X06000004", "--funnel", "laney");

        Assert.Equal(2, exit);
        Assert.Contains("error: The funnel adjustment must be poisson, phi, random-effects or test, not 'laney'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_FunnelPhi_LimitsAreEnglandPlusMinusZRootPhiOverRootE_AndTheMetadataSaysSo()
    {
        var directory = Directory.CreateTempSubdirectory("geo-cli-").FullName;
        var output = Path.Combine(directory, "phi.csv");
        var plain = Path.Combine(directory, "plain.csv");
        var england = Path.Combine(directory, "england.csv");

        var (exit, _, error) = GeoProcess.Run("export", "--indicator", Copd, "--level", "neighbourhood", "--within", "X06000004",
            "--funnel", "phi", "--out", output);
        Assert.True(exit == 0, error);
        Assert.Equal(0, GeoProcess.Run("export", "--indicator", Copd, "--level", "neighbourhood", "--within", "X06000004", "--out", plain).ExitCode);
        Assert.Equal(0, GeoProcess.Run("export", "--indicator", Copd, "--level", "country", "--out", england).ExitCode);

        var rows = ReadCsv(output);
        var theta = Number(ReadCsv(england).Single()["value"]);
        var z = rows.Where(r => r["funnel"] != "" && r["count"] != "")
            .Select(r => (Number(r["count"]) - Number(r["expected"])) / Math.Sqrt(Number(r["expected"])))
            .ToArray();
        var sorted = z.Order().ToArray();
        var (lo, hi) = (Quantile(sorted, 0.1), Quantile(sorted, 0.9));
        var phi = z.Select(v => Math.Clamp(v, lo, hi)).Sum(v => v * v) / z.Length;
        Assert.True(phi > 1, $"phi {phi}");
        foreach (var r in rows.Where(r => r["funnel"] != ""))
        {
            // a rate's funnel: θ ± 1.959964 √φ θ/√E
            Assert.Equal(theta + (1.959963984540054 * Math.Sqrt(phi) * theta / Math.Sqrt(Number(r["expected"]))), Number(r["funnel_upper95"]), 1e-3);
        }

        using var metadata = JsonDocument.Parse(File.ReadAllText(output + ".metadata.json"));
        var selection = metadata.RootElement.GetProperty("selection").GetString()!;
        Assert.Contains("funnel limits phi:", selection, StringComparison.Ordinal);
        Assert.Contains($"over {z.Length} neighbourhoods", selection, StringComparison.Ordinal);
        // without --funnel the export is as before: the exact limits, and no word of a funnel in its selection
        using var plainMetadata = JsonDocument.Parse(File.ReadAllText(plain + ".metadata.json"));
        Assert.DoesNotContain("funnel", plainMetadata.RootElement.GetProperty("selection").GetString()!, StringComparison.Ordinal);
        Assert.NotEqual(ReadCsv(plain).Select(r => r["funnel_upper95"]), rows.Select(r => r["funnel_upper95"]));
    }

    [Fact]
    public void Export_FunnelWithCatchments_ExitsTwoSayingItAppliesToALevel()
    {
        var (exit, _, error) = GeoProcess.Run("export", "--indicator", Copd, "--catchments", "proportional", "--funnel", "phi");

        Assert.Equal(2, exit);
        Assert.Contains("--funnel applies to the rows of a --level", error, StringComparison.Ordinal);
    }
}
