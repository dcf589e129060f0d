using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Apis;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Apis;

public class AreasApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<AreaDto> GetArea(string code)
    {
        var area = await factory.CreateClient().GetFromJsonAsync<AreaDto>($"/api/areas/{code}", Json);
        return area!;
    }

    [Fact]
    public async Task Health_OnDemo_SaysOkAndSynthetic()
    {
        var health = await factory.CreateClient().GetFromJsonAsync<HealthDto>("/api/health", Json);

        Assert.Equal("ok", health!.Status);
        Assert.True(health.Synthetic);
        Assert.Contains("ynthetic", health.Dataset, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetArea_Country_ListsTheSystems()
    {
        var health = await factory.CreateClient().GetFromJsonAsync<HealthDto>("/api/health", Json);
        var root = factory.Services.GetRequiredService<Hosting.DatasetHost>().Dataset.Geography.Root;

        var country = await GetArea(root.Code);

        Assert.Equal("country", country.Level);
        Assert.Null(country.Parent);
        Assert.True(country.Children.Count >= 2);
        Assert.All(country.Children, c => Assert.Equal("system", c.Level));
        Assert.True(health!.Areas > 2000);
    }

    [Fact]
    public async Task GetArea_DrillingDown_ReachesNeighbourhoodWithFullParentChain()
    {
        var root = factory.Services.GetRequiredService<Hosting.DatasetHost>().Dataset.Geography.Root;
        var system = await GetArea((await GetArea(root.Code)).Children[0].Code);
        var icp = await GetArea(system.Children[0].Code);
        var place = await GetArea(icp.Children[0].Code);
        var neighbourhood = await GetArea(place.Children[0].Code);

        Assert.Equal(["system", "icp", "place", "neighbourhood"], new[] { system.Level, icp.Level, place.Level, neighbourhood.Level });
        Assert.Equal(place.Code, neighbourhood.Parent!.Code);
        Assert.Equal([place.Code, icp.Code, system.Code, root.Code], neighbourhood.Ancestors.Select(a => a.Code));
        Assert.Empty(neighbourhood.Children);
    }

    [Fact]
    public async Task GetArea_PartOfStraddlingDistrict_IsFlaggedPartial()
    {
        var places = factory.Services.GetRequiredService<Hosting.DatasetHost>().Dataset.Geography
            .AtLevel(Core.Geography.Level.Place).Where(p => p.IsPartial).ToArray();
        Assert.Equal(2, places.Length);

        var place = await GetArea(places[0].Code);

        Assert.True(place.Partial);
        Assert.Equal(places[1].DistrictCode, place.DistrictCode);
    }

    [Fact]
    public async Task GetArea_UnknownCode_Is404ProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync("/api/areas/E01999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("E01999999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
