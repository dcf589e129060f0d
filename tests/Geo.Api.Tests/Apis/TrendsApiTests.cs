using System.Net;
using System.Text;
using System.Text.Json;
using Geo.Core.Geography;

namespace Geo.Api.Tests.Apis;

/// <summary>The trend endpoint and the pool parameter on the demo, checked with plain arithmetic on the answer's own published figures.</summary>
public class TrendsApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    // The place the demo steps up in 2021/22 by design (DemoAdmissions.ShiftedDistrict).
    private const string Shifted = "X06000005";

    private async Task<JsonElement> Get(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Trend_ShiftedDemoPlace_XmRLimitsByHandAndItsSpecialCauses()
    {
        var trend = await Get($"/api/indicators/{DemoData.Indicator}/areas/{Shifted}/trend");

        Assert.Equal("xmr", trend.GetProperty("chartType").GetString());
        var periods = trend.GetProperty("periods").EnumerateArray().ToArray();
        Assert.Equal(10, periods.Length);
        var values = periods.Select(p => p.GetProperty("value").GetDouble()).ToArray();
        // XmR by hand: mean, mean moving range, limits mean ± 2.66 × MR̄.
        var mean = values.Average();
        var mr = values.Skip(1).Select((v, i) => Math.Abs(v - values[i])).Average();
        var chart = trend.GetProperty("chart");
        Assert.Equal(mean, chart.GetProperty("centre").GetDouble(), 5);
        var points = chart.GetProperty("points").EnumerateArray().ToArray();
        Assert.All(points, p => Assert.Equal(mean + (2.66 * mr), p.GetProperty("upperLimit").GetDouble(), 5));
        Assert.All(points, p => Assert.Equal(mean - (2.66 * mr), p.GetProperty("lowerLimit").GetDouble(), 5));

        // By design the seven years to 2020/21 ran low: a run of 7 below the mean; what is above the limit is marked so.
        Assert.All(values[..7], v => Assert.True(v < mean));
        Assert.All(points[..7], p => Assert.Contains("run-below-mean", p.GetProperty("rules").EnumerateArray().Select(r => r.GetString())));
        Assert.Contains("part of a run of 7 or more below the mean", points[0].GetProperty("explanation")[0].GetString(), StringComparison.Ordinal);
        for (var i = 0; i < points.Length; i++)
        {
            var above = values[i] > mean + (2.66 * mr);
            Assert.Equal(above, points[i].GetProperty("rules").EnumerateArray().Any(r => r.GetString() == "above-upper-limit"));
        }

        Assert.Contains(points, p => p.GetProperty("variation").GetString() == "concern");
        var marker = trend.GetProperty("marker");
        Assert.Equal("weighted-regression", marker.GetProperty("test").GetString());
        Assert.Equal(["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"], marker.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task TrendCsv_IsOneRowPerPeriod()
    {
        var response = await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}/areas/{Shifted}/trend.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("code,period,time,count,denominator,value,lower95,upper95,suppressed", lines[0], StringComparison.Ordinal);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith($"{Shifted},2014/15,2014,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_BadWords_AreProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}/areas/{Shifted}/trend?chart=p");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A p-chart does not fit a directly standardised rate; use xmr.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_PoolOfThree_AreTheSumsOfTheThreeYears()
    {
        var single = await Task.WhenAll(new[] { "2021/22", "2022/23", "2023/24" }.Select(p =>
            Get($"/api/indicators/{DemoData.Indicator}/areas/X92000001?period={Uri.EscapeDataString(p)}")));
        var pooled = await Get($"/api/indicators/{DemoData.Indicator}/areas/X92000001?pool=3");

        var row = pooled.GetProperty("row");
        Assert.Equal("2021/22 - 2023/24", row.GetProperty("period").GetString());
        Assert.Equal(single.Sum(s => s.GetProperty("row").GetProperty("count").GetDouble()), row.GetProperty("count").GetDouble());
        Assert.Equal(single.Sum(s => s.GetProperty("row").GetProperty("denominator").GetDouble()), row.GetProperty("denominator").GetDouble());
        Assert.Equal("2021/22 - 2023/24", pooled.GetProperty("metadata").GetProperty("period").GetString());
    }

    [Fact]
    public async Task Hotspots_Pool_ReducesSuppressionOfNeighbourhoods()
    {
        var shown = new List<int>();
        foreach (var pool in new[] { 1, 3, 5 })
        {
            var level = await Get($"/api/indicators/{DemoData.Indicator}/levels/neighbourhood?pool={pool}");
            shown.Add(level.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("value").ValueKind == JsonValueKind.Number));
        }

        // The demo's 2,400 neighbourhoods with a value: 51 in 2023/24 alone, 1,139 pooled over 3 years, 1,950 over 5.
        Assert.Equal([51, 1139, 1950], shown);
        var hotspots = await Get($"/api/indicators/{DemoData.Indicator}/areas/{Shifted}/hotspots?pool=5&top=5");
        Assert.Equal(5, hotspots.GetProperty("rows").GetArrayLength());
        Assert.All(hotspots.GetProperty("rows").EnumerateArray(), r => Assert.Equal("2019/20 - 2023/24", r.GetProperty("period").GetString()));
        Assert.Equal(Level.Neighbourhood.ToName(), hotspots.GetProperty("rows")[0].GetProperty("level").GetString());
    }
}
