using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Geo.Cli.Tests;

/// <summary>
/// <c>geo bivariate</c> on the demo with a second indicator given by <c>--indicator-file</c>: the pairs CSV against
/// <c>geo export</c> of each indicator (only children published in both), ρ on standard error against a second
/// computation from the CSV's own pairs.
/// </summary>
public class BivariateCommandTests
{
    private const string Copd = "copd-emergency-admissions";
    private const string Place = "X06000001";

    internal static string[] FileOptions(string csv) =>
        ["--indicator-file", csv, "--area-column", "LSOA21CD", "--count-column", "admissions", "--denominator-column", "population",
            "--period-column", "year"];

    internal static (string Directory, string Csv) Files()
    {
        var directory = Directory.CreateTempSubdirectory("geo-cli-bivariate-").FullName;
        var csv = new StringBuilder("LSOA21CD,year,admissions,population\n");
        for (var i = 1; i <= 80; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"X01{i:000000},2024,{(i * 11) % 29},{900 + i * 17}\n");
        }

        var path = Path.Combine(directory, "mine.csv");
        File.WriteAllText(path, csv.ToString());
        return (directory, path);
    }

    /// <summary>code → (published value or null, suppressed) from geo export's CSV of a place's neighbourhoods.</summary>
    internal static Dictionary<string, (double? Value, bool Suppressed)> Export(string[] args)
    {
        var (exit, output, error) = GeoProcess.Run(args);
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int code = Array.IndexOf(header, "code"), value = Array.IndexOf(header, "value"), suppressed = Array.IndexOf(header, "suppressed");
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            f => f[code],
            f => (f[value].Length == 0 ? (double?)null : double.Parse(f[value], CultureInfo.InvariantCulture), f[suppressed].Length > 0));
    }

    private static double[] NaiveRanks(double[] v) =>
        [.. v.Select(a => 1 + v.Count(b => b < a) + ((v.Count(b => b == a) - 1) / 2.0))];

    [Fact]
    public void Bivariate_DemoPlaceWithIndicatorFile_PairsArePublishedInBothAndRhoMatchesASecondComputation()
    {
        var (directory, csv) = Files();
        var output = Path.Combine(directory, "pairs.csv");

        var (exit, _, error) = GeoProcess.Run(["bivariate", .. FileOptions(csv), "--indicator", Copd, "--with", "mine", "--within", Place, "--out", output]);

        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(output);
        Assert.Equal("code,name,x_value,y_value,x_class,y_class,bivariate_class", lines[0].TrimStart('\uFEFF'));
        var pairs = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var x = pairs.Select(f => double.Parse(f[2], CultureInfo.InvariantCulture)).ToArray();
        var y = pairs.Select(f => double.Parse(f[3], CultureInfo.InvariantCulture)).ToArray();

        // disclosure: exactly the neighbourhoods with a published value in both exports, none suppressed in either
        var copd = Export(["export", "--indicator", Copd, "--level", "neighbourhood", "--within", Place]);
        var mine = Export(["export", .. FileOptions(csv), "--indicator", "mine", "--level", "neighbourhood", "--within", Place]);
        Assert.Contains(copd.Values, v => v.Suppressed);
        Assert.Contains(mine.Values, v => v.Suppressed);
        var both = copd.Keys.Where(c => copd[c].Value is not null && mine.GetValueOrDefault(c).Value is not null).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(both, pairs.Select(f => f[0]));
        Assert.All(pairs, f => Assert.False(copd[f[0]].Suppressed || mine[f[0]].Suppressed, f[0]));
        Assert.Equal(both.Select(c => copd[c].Value!.Value), x);
        Assert.Equal(both.Select(c => mine[c].Value!.Value), y);

        // ρ: Pearson of mid-ranks by hand; the interval by Fisher z with the Bonett–Wright standard error
        var rx = NaiveRanks(x);
        var ry = NaiveRanks(y);
        double mx = rx.Average(), my = ry.Average();
        var rho = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum()
            / Math.Sqrt(rx.Sum(a => (a - mx) * (a - mx)) * ry.Sum(b => (b - my) * (b - my)));
        var se = Math.Sqrt((1 + (rho * rho / 2)) / (x.Length - 3));
        string F(double v) => v.ToString("0.000000", CultureInfo.InvariantCulture);
        Assert.Contains($"# Spearman rho = {F(rho)}, 95% interval {F(Math.Tanh(Math.Atanh(rho) - (1.959964 * se)))} to "
            + $"{F(Math.Tanh(Math.Atanh(rho) + (1.959964 * se)))}", error, StringComparison.Ordinal);

        using var metadata = JsonDocument.Parse(File.ReadAllText(output + ".metadata.json"));
        Assert.Equal(Copd, metadata.RootElement.GetProperty("x").GetProperty("indicatorId").GetString());
        Assert.Equal("mine", metadata.RootElement.GetProperty("y").GetProperty("indicatorId").GetString());
        Assert.Equal(x.Length, metadata.RootElement.GetProperty("spearman").GetProperty("n").GetInt32());
    }

    [Fact]
    public void Bivariate_SameIndicatorTwice_Exits1WithTheReason()
    {
        var (exit, output, error) = GeoProcess.Run("bivariate", "--indicator", Copd, "--with", Copd, "--within", Place);

        Assert.Equal(1, exit);
        Assert.Equal("code,name,x_value,y_value,x_class,y_class,bivariate_class", output.Trim().TrimStart('\uFEFF'));
        Assert.Contains("no correlation: with: indicator 'copd-emergency-admissions' is given twice", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bivariate_UnknownPeriodOfTheSecond_Exits2NamingIt()
    {
        var (exit, _, error) = GeoProcess.Run("bivariate", "--indicator", Copd, "--with", Copd, "--within", Place, "--period-y", "1999");

        Assert.Equal(2, exit);
        Assert.Contains("1999", error, StringComparison.Ordinal);
    }
}
