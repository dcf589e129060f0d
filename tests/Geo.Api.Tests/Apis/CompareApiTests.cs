using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Tests.Answers;
using Geo.Core.Geography;

namespace Geo.Api.Tests.Apis;

public class CompareApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<CompareAnswer> Compare(string areas, string? period = null) =>
        (await factory.CreateClient().GetFromJsonAsync<CompareAnswer>(
            $"/api/compare?indicator={DemoData.Indicator}&areas={areas}" + (period is null ? "" : "&period=" + Uri.EscapeDataString(period)), Json))!;

    [Fact]
    public async Task Compare_TwoSystems_SignificanceRecomputedByHand()
    {
        var view = DemoData.Latest(factory);
        var a = view.Get("X54000001");
        var b = view.Get("X54000003");
        // By hand (docs/methods.md, "Comparing two areas"): se from each 95% interval, z for 95% and 99.8%.
        var seA = (a.Upper95!.Value - a.Lower95!.Value) / (2 * 1.959964);
        var seB = (b.Upper95!.Value - b.Lower95!.Value) / (2 * 1.959964);
        var se = Math.Sqrt((seA * seA) + (seB * seB));
        var gap = Math.Abs(a.Value!.Value - b.Value!.Value);

        var answer = await Compare("X54000001,X54000003");

        Assert.Equal(["X54000001", "X54000003"], answer.Areas.Select(r => r.Code));
        Assert.Equal(Math.Round(a.Value.Value, 6), answer.Areas[0].Value);
        var pair = Assert.Single(answer.Pairs);
        Assert.Equal("compared", pair.Status);
        Assert.Equal(a.Value.Value - b.Value.Value, pair.Difference!.Value, 9);
        Assert.Equal(se, pair.StandardError!.Value, 9);
        Assert.Equal(gap > 1.959964 * se, pair.Significant95);
        Assert.Equal(gap > 3.090232 * se, pair.Significant998);
    }

    [Fact]
    public async Task Compare_FourAreas_GivesSixPairsAndFlagsNestedOnes()
    {
        var geography = DemoData.Dataset(factory).Geography;
        var icp = geography.Get("X54000002").ChildCodes[0];
        var place = geography.Get(icp).ChildCodes[0];

        var answer = await Compare($"X54000001,X54000002,{icp},{place}", DemoData.Engine(factory).Periods[0]);

        Assert.Equal(6, answer.Pairs.Count);
        Assert.Equal("not compared (nested)", answer.Pairs.Single(p => p.A == "X54000002" && p.B == icp).Status);
        Assert.Equal("not compared (nested)", answer.Pairs.Single(p => p.A == icp && p.B == place).Status);
        Assert.Equal("not compared (nested)", answer.Pairs.Single(p => p.A == "X54000002" && p.B == place).Status);
        Assert.Equal("compared", answer.Pairs.Single(p => p.A == "X54000001" && p.B == place).Status);
        Assert.Null(answer.Pairs.Single(p => p.A == icp && p.B == place).Significant95);
    }

    [Fact]
    public async Task Compare_SuppressedNeighbourhood_IsNotComparedAndHasNoValue()
    {
        var hidden = DemoData.SuppressedNeighbourhood(factory);
        var other = DemoData.Latest(factory).Rows.First(r => r.Area.Level == Level.Neighbourhood && r.Value is not null
            && r.Area.ParentCode != hidden.Area.ParentCode);

        var answer = await Compare($"{hidden.Area.Code},{other.Area.Code}");

        var row = answer.Areas[0];
        Assert.Equal("primary", row.Suppressed);
        Assert.Null(row.Count);
        Assert.Null(row.Value);
        Assert.Null(row.Lower95);
        Assert.Null(row.Upper95);
        var pair = Assert.Single(answer.Pairs);
        Assert.Equal("not compared", pair.Status);
        Assert.Null(pair.Difference);
        Assert.Null(pair.Significant95);
    }

    [Theory]
    [InlineData("areas=X54000001", "areas")]
    [InlineData("areas=X54000001,X54000002,X54000003,X92000001,X54000001-ICP", "areas")]
    [InlineData("areas=X54000001,x54000001", "areas")]
    [InlineData("areas=X54000001,X54000002&period=1999", "period")]
    public async Task Compare_BadParameter_Is400NamingIt(string query, string parameter)
    {
        var response = await factory.CreateClient().GetAsync($"/api/compare?indicator={DemoData.Indicator}&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Compare_UnknownAreaOrIndicator_Is404()
    {
        var area = await factory.CreateClient().GetAsync($"/api/compare?indicator={DemoData.Indicator}&areas=X54000001,X54999999");
        var indicator = await factory.CreateClient().GetAsync("/api/compare?indicator=asthma&areas=X54000001,X54000002");

        Assert.Equal(HttpStatusCode.NotFound, area.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, indicator.StatusCode);
        Assert.Contains("X54999999", (await area.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
