using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Answers;
using Geo.Tests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests.Apis;

/// <summary>An empty or impossible hotspot list says why, in words a user can act on (issue 18: empty answers explain themselves).</summary>
public class HotspotReasonsTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task GetHotspots_NoNeighbourhoodHasAValue_EmptyRowsWithTheReason()
    {
        // A user's indicator of 3 events in every demo neighbourhood: each is suppressed, the places are not.
        var csv = new StringBuilder("LSOA21CD,admissions,population\n");
        for (var i = 1; i <= 2400; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"X01{i:000000},3,1000\n");
        }

        using var server = new WebApplicationFactory<Program>();
        var client = server.CreateClient();
        var posted = await client.PostAsync("/api/indicators?id=three-each&name=Three%20each&area=LSOA21CD&count=admissions"
            + "&denominator=population&valueType=crude-rate&polarity=higher-is-worse&fileName=three.csv",
            new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());

        var answer = await client.GetFromJsonAsync<RowsAnswer>("/api/indicators/three-each/areas/X06000004/hotspots?by=rate", Json);

        Assert.Empty(answer!.Rows);
        Assert.Equal("All 143 neighbourhoods inside X06000004 are suppressed (small counts), so none can be listed; a pooled period or a larger area may show them.", answer.Reason);
    }

    [Fact]
    public async Task GetHotspots_WithRows_NoReason()
    {
        var answer = await factory.CreateClient().GetFromJsonAsync<RowsAnswer>(
            $"/api/indicators/{DemoData.Indicator}/areas/X92000001/hotspots?by=rate&top=3", Json);

        Assert.Equal(3, answer!.Rows.Count);
        Assert.Null(answer.Reason);
    }
}

/// <summary>The same on England, where some indicators are published by place and some are scores.</summary>
[Collection(EnglandCollection.Name)]
public class EnglandHotspotReasonsTests(EnglandApiFactory england)
{
    [EnglandFact]
    public async Task GetHotspots_IndicatorPublishedByPlace_400SayingSo()
    {
        var response = await england.Factory.CreateClient().GetAsync("/api/indicators/copd-prevalence-qof-2019-20/areas/E06000002/hotspots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("indicator", problem.GetProperty("parameter").GetString());
        Assert.Equal("Indicator 'copd-prevalence-qof-2019-20' is published by place, not by neighbourhood, so it has no neighbourhood "
            + "hotspots; its places are ranked among the children of the area above them.", problem.GetProperty("detail").GetString());
    }

    [EnglandFact]
    public async Task GetHotspots_ScoreByExcess_400NamingBy()
    {
        var response = await england.Factory.CreateClient().GetAsync("/api/indicators/imd-score/areas/E06000002/hotspots?by=excess");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("by", problem.GetProperty("parameter").GetString());
        Assert.StartsWith("Indicator 'imd-score' is a score: it has no events or expected events", problem.GetProperty("detail").GetString());
    }

    [EnglandFact]
    public async Task GetHotspotClasses_IndicatorPublishedByPlace_400WithItsOwnReason_NotTheInequalityLenss()
    {
        var response = await england.Factory.CreateClient().GetAsync(
            "/api/indicators/copd-prevalence-qof-2019-20/areas/E06000002/hotspot-classes?by=gistar");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Equal("Indicator 'copd-prevalence-qof-2019-20' is published by place, not by neighbourhood, so it has no neighbourhood "
            + "hotspot classes; compare its places by colouring them compared with England instead.", detail);
    }

    [EnglandFact]
    public async Task GetHotspotClasses_Score_400SayingWhatToDoInstead()
    {
        var response = await england.Factory.CreateClient().GetAsync("/api/indicators/imd-score/areas/E06000002/hotspot-classes?by=moran");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Equal("Indicator 'imd-score' is a score: it has no events or expected events, so no smoothed ratio for Gi* or local Moran "
            + "classes; colour it by national quintiles instead.", detail);
    }
}
