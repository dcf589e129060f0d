using System.Globalization;

namespace Geo.Cli.Tests;

public class TrendCommandTests
{
    private const string Copd = "copd-emergency-admissions";

    [Fact]
    public void Trend_DemoPlace_WritesOnePeriodARowWithTheChartAndTheMarkerOnStandardError()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("geo-cli-").FullName, "trend.csv");

        var (exit, _, error) = GeoProcess.Run("trend", "--indicator", Copd, "--area", "X06000005", "--out", output);

        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(output);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        Assert.Equal(7, lines.Length);
        var rows = lines.Skip(1).Select(l => header.Zip(SplitCsv(l)).ToDictionary(p => p.First, p => p.Second)).ToList();
        // Ten years in the indicator's rolling pools of five.
        Assert.Equal(["2014/15 - 2018/19", "2015/16 - 2019/20", "2016/17 - 2020/21", "2017/18 - 2021/22", "2018/19 - 2022/23",
            "2019/20 - 2023/24"], rows.Select(r => r["period"]));
        Assert.All(rows, r => Assert.Equal("XmR chart", r["chart"]));
        // XmR by hand from the value column: centre = mean.
        var values = rows.Select(r => double.Parse(r["value"], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(rows, r => Assert.Equal(values.Average(), double.Parse(r["centre"], CultureInfo.InvariantCulture), 4));
        // Consecutive pools share four years: the chart says so.
        Assert.Contains("the points are rolling pools of 5 periods", error, StringComparison.Ordinal);
        Assert.Contains("Increasing and getting worse", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_LaneyChartOfADsr_ExitsTwoSayingWhichChartFits()
    {
        var (exit, _, error) = GeoProcess.Run("trend", "--indicator", Copd, "--area", "X06000005", "--chart", "pprime");

        Assert.Equal(2, exit);
        Assert.Contains("A Laney p′-chart does not fit a directly standardised rate; use xmr.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_PoolOtherThanTheIndicators_IsRefusedAsByTheApi()
    {
        var (exit, _, error) = GeoProcess.Run("export", "--indicator", Copd, "--level", "place", "--pool", "1");
        Assert.Equal(2, exit);
        Assert.Contains($"error: Indicator '{Copd}' is published in rolling pools of 5 periods only, not by single periods: the same counts shown in two "
            + "windowings could be subtracted to recover a suppressed count", error, StringComparison.Ordinal);

        var (bad, _, message) = GeoProcess.Run("hotspots", "--indicator", Copd, "--within", "X06000005", "--pool", "4");
        Assert.Equal(2, bad);
        Assert.Contains("error: The pool must be 1, 3 or 5 periods, not 4.", message, StringComparison.Ordinal);
    }

    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
