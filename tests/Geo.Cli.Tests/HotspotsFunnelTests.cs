using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Geo.Cli.Tests;

/// <summary><c>geo hotspots --funnel</c> on the demo: φ̂ in the metadata checked by a plain second computation from the CSV rows.</summary>
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
        Assert.Contains("error: The funnel adjustment must be poisson, phi, random-effects, not 'laney'.", error, StringComparison.Ordinal);
    }
}
