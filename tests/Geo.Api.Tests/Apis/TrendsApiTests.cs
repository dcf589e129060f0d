using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

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
    public async Task Trend_ShiftedDemoPlace_XmRLimitsByHandOverItsPoolsAndRising()
    {
        var trend = await Get($"/api/indicators/{DemoData.Indicator}/areas/{Shifted}/trend");

        Assert.Equal("xmr", trend.GetProperty("chartType").GetString());
        var periods = trend.GetProperty("periods").EnumerateArray().ToArray();
        // Ten years in rolling pools of five: six points, 2014/15 - 2018/19 to 2019/20 - 2023/24.
        Assert.Equal(6, periods.Length);
        Assert.Equal("2014/15 - 2018/19", periods[0].GetProperty("period").GetString());
        var values = periods.Select(p => p.GetProperty("value").GetDouble()).ToArray();
        // XmR by hand: mean, mean moving range, limits mean ± 2.66 × MR̄.
        var mean = values.Average();
        var mr = values.Skip(1).Select((v, i) => Math.Abs(v - values[i])).Average();
        var chart = trend.GetProperty("chart");
        Assert.Equal(mean, chart.GetProperty("centre").GetDouble(), 5);
        var points = chart.GetProperty("points").EnumerateArray().ToArray();
        Assert.All(points, p => Assert.Equal(mean + (2.66 * mr), p.GetProperty("upperLimit").GetDouble(), 5));
        Assert.All(points, p => Assert.Equal(mean - (2.66 * mr), p.GetProperty("lowerLimit").GetDouble(), 5));
        for (var i = 0; i < points.Length; i++)
        {
            var above = values[i] > mean + (2.66 * mr);
            Assert.Equal(above, points[i].GetProperty("rules").EnumerateArray().Any(r => r.GetString() == "above-upper-limit"));
        }

        // By design the place steps up from 2021/22: the pools holding those years rise above the earlier ones.
        Assert.True(values[^1] > values[..3].Max() && values[^2] > values[..3].Max());
        var marker = trend.GetProperty("marker");
        Assert.Equal("weighted-regression", marker.GetProperty("test").GetString());
        Assert.Equal(["2015/16 - 2019/20", "2016/17 - 2020/21", "2017/18 - 2021/22", "2018/19 - 2022/23", "2019/20 - 2023/24"],
            marker.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task TrendCsv_IsOneRowPerPeriod()
    {
        var response = await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}/areas/{Shifted}/trend.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("code,period,time,count,denominator,value,lower95,upper95,suppressed", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith($"{Shifted},2014/15 - 2018/19,2014,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_BadWords_AreProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}/areas/{Shifted}/trend?chart=p");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A p-chart does not fit a directly standardised rate; use xmr.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_PoolOtherThanTheIndicators_Is400SayingWhy()
    {
        // The demo's COPD admissions are published in rolling pools of 5 years; single years beside them would give hidden
        // counts away.
        var list = await Get("/api/indicators");
        Assert.Equal(5, list.EnumerateArray().Single(i => i.GetProperty("id").GetString() == DemoData.Indicator).GetProperty("pool").GetInt32());
        var response = await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}/areas/X92000001/children?pool=1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pool", problem.GetProperty("parameter").GetString());
        Assert.StartsWith($"Indicator '{DemoData.Indicator}' is published in rolling pools of 5 periods only, not",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}/areas/X92000001/children?pool=5")).StatusCode);
    }

    [Fact]
    public async Task Trend_UPrimeOfAnUploadedCrudeRate_LimitsAreLaneysFromThePublishedCountsByHand()
    {
        // every demo neighbourhood for six years, the years' rates apart by far more than Poisson allows at England's size
        var csv = new StringBuilder("LSOA21CD,year,admissions,population\n");
        for (var i = 1; i <= 2400; i++)
        {
            for (var year = 2018; year <= 2023; year++)
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"X01{i:000000},{year},{20 + (year % 3 * 8) + (i % 5)},1000\n");
            }
        }

        using var server = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>();
        var client = server.CreateClient();
        var upload = await client.PostAsync("/api/indicators?id=wobbly&name=Wobbly&area=LSOA21CD&count=admissions&denominator=population"
            + "&period=year&valueType=crude-rate&polarity=higher-is-worse&fileName=wobbly.csv", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var trend = JsonDocument.Parse(await client.GetStringAsync("/api/indicators/wobbly/areas/X92000001/trend?chart=uprime")).RootElement;

        Assert.Equal("uprime", trend.GetProperty("chartType").GetString());
        var periods = trend.GetProperty("periods").EnumerateArray().ToArray();
        var o = periods.Select(p => p.GetProperty("count").GetDouble()).ToArray();
        var n = periods.Select(p => p.GetProperty("denominator").GetDouble()).ToArray();
        var multiplier = periods[0].GetProperty("value").GetDouble() / (o[0] / n[0]);
        // Laney (2002) by hand: ū = ΣO/ΣN, sᵢ = √(ū/nᵢ), zᵢ = (uᵢ - ū)/sᵢ, σ_z = mean |Δz| / 1.128, limits ū ± 3 sᵢ σ_z
        var u = o.Sum() / n.Sum();
        var s = n.Select(x => Math.Sqrt(u / x)).ToArray();
        var z = o.Select((x, i) => ((x / n[i]) - u) / s[i]).ToArray();
        var sigmaZ = z.Skip(1).Select((x, i) => Math.Abs(x - z[i])).Average() / 1.128;
        Assert.True(sigmaZ > 3, $"sigma_z {sigmaZ}: the years are overdispersed by design");
        var points = trend.GetProperty("chart").GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(periods.Length, points.Length);
        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal((u + (3 * s[i] * sigmaZ)) * multiplier, points[i].GetProperty("upperLimit").GetDouble(), 4);
            Assert.Equal(Math.Max(0, u - (3 * s[i] * sigmaZ)) * multiplier, points[i].GetProperty("lowerLimit").GetDouble(), 4);
            Assert.Equal((u + (2 * s[i] * sigmaZ)) * multiplier, points[i].GetProperty("upperNear").GetDouble(), 4);
        }

        Assert.Contains("Laney u′-chart", trend.GetProperty("chartMethod").GetString(), StringComparison.Ordinal);
        Assert.Contains("wider than the Poisson limits", trend.GetProperty("chartMethod").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_LaneyChartOfADsr_Is400SayingWhichFits()
    {
        var response = await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}/areas/{Shifted}/trend?chart=uprime");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A Laney u′-chart does not fit a directly standardised rate; use xmr.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
