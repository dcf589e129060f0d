using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Apis;
using Geo.Core.Geography;
using Geo.Spatial.Projection;

namespace Geo.Api.Tests.Apis;

public class AreasApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<AreaDto> GetArea(string code)
    {
        var area = await factory.CreateClient().GetFromJsonAsync<AreaDto>($"/api/areas/{code}", Json);
        return area!;
    }

    private async Task<AreaHitDto[]> Search(string query) =>
        (await factory.CreateClient().GetFromJsonAsync<AreaHitDto[]>("/api/areas?" + query, Json))!;

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
        var root = DemoData.Dataset(factory).Geography.Root;

        var country = await GetArea(root.Code);

        Assert.Equal("country", country.Level);
        Assert.Null(country.Parent);
        Assert.Equal(["X54000001", "X54000002", "X54000003"], country.Children.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.All(country.Children, c => Assert.Equal("system", c.Level));
        Assert.True(health!.Areas > 2000);
    }

    [Fact]
    public async Task GetArea_DrillingDown_ReachesNeighbourhoodWithFullParentChain()
    {
        var root = DemoData.Dataset(factory).Geography.Root;
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
        var places = DemoData.Dataset(factory).Geography.AtLevel(Level.Place).Where(p => p.IsPartial).ToArray();
        Assert.Equal(2, places.Length);

        var first = await GetArea(places[0].Code);
        var second = await GetArea(places[1].Code);

        Assert.True(first.Partial);
        Assert.True(second.Partial);
        Assert.Equal(places[1].DistrictCode, first.DistrictCode);
        Assert.NotEqual(first.Ancestors.Single(a => a.Level == "system").Code, second.Ancestors.Single(a => a.Level == "system").Code);
        Assert.False((await GetArea("X54000001")).Partial);
    }

    [Fact]
    public async Task GetArea_Place_HasBboxOfItsBoundaryInWgs84()
    {
        var dataset = DemoData.Dataset(factory);
        var place = dataset.Geography.AtLevel(Level.Place)[0];
        var corners = dataset.Boundaries[place.Code].Coordinates.Select(c => BritishNationalGrid.ToWgs84(c.X, c.Y)).ToArray();

        var area = await GetArea(place.Code);

        Assert.Equal(4, area.Bbox!.Count);
        Assert.Equal(corners.Min(c => c.Lon), area.Bbox[0], 9);
        Assert.Equal(corners.Min(c => c.Lat), area.Bbox[1], 9);
        Assert.Equal(corners.Max(c => c.Lon), area.Bbox[2], 9);
        Assert.Equal(corners.Max(c => c.Lat), area.Bbox[3], 9);
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

    [Fact]
    public async Task SearchAreas_ExactCode_ComesFirstThenPrefixThenContains()
    {
        var hits = await Search("q=x54000002");

        Assert.Equal("X54000002", hits[0].Code);
        Assert.Equal("code", hits[0].Match);
        Assert.All(hits.Skip(1), h => Assert.NotEqual("code", h.Match));
        var ranks = hits.Select(h => h.Match switch { "code" => 0, "prefix" => 1, _ => 2 }).ToArray();
        Assert.Equal(ranks.Order(), ranks);
    }

    [Fact]
    public async Task SearchAreas_NameFragment_RanksPrefixBeforeContainsCaseInsensitively()
    {
        var place = DemoData.Dataset(factory).Geography.AtLevel(Level.Place)[0];
        var word = place.Name.Split(' ')[0];

        var hits = await Search($"q={word.ToUpperInvariant()}&limit=100");

        Assert.Contains(hits, h => h.Code == place.Code);
        Assert.All(hits, h => Assert.Contains(word, h.Name + " " + h.Code, StringComparison.OrdinalIgnoreCase));
        var firstContains = Array.FindIndex(hits, h => h.Match == "contains");
        if (firstContains >= 0)
        {
            Assert.All(hits.Skip(firstContains), h => Assert.Equal("contains", h.Match));
        }

        Assert.All(hits.Where(h => h.Match == "prefix"), h => Assert.True(
            h.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase) || h.Code.StartsWith(word, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task SearchAreas_LevelAndLimit_FilterAndCap()
    {
        var hits = await Search("q=X01&level=neighbourhood&limit=7");

        Assert.Equal(7, hits.Length);
        Assert.All(hits, h => Assert.Equal("neighbourhood", h.Level));
    }

    [Theory]
    [InlineData("q=", "q")]
    [InlineData("q=X01&limit=0", "limit")]
    [InlineData("q=X01&limit=101", "limit")]
    [InlineData("q=X01&level=street", "level")]
    public async Task SearchAreas_BadParameter_Is400NamingIt(string query, string parameter)
    {
        var response = await factory.CreateClient().GetAsync("/api/areas?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task GetBoundary_Place_IsGeoJsonFeatureInWgs84()
    {
        var dataset = DemoData.Dataset(factory);
        var place = dataset.Geography.AtLevel(Level.Place)[0];
        var expected = BritishNationalGrid.ToWgs84(dataset.Boundaries[place.Code]);

        var response = await factory.CreateClient().GetAsync($"/api/areas/{place.Code}/boundary");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var feature = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal(place.Code, feature.GetProperty("properties").GetProperty("code").GetString());
        var geometry = feature.GetProperty("geometry");
        Assert.Contains("Polygon", geometry.GetProperty("type").GetString(), StringComparison.Ordinal);
        var first = FirstPosition(geometry.GetProperty("coordinates"));
        Assert.Equal(expected.Coordinates[0].X, first[0].GetDouble(), 9);
        Assert.Equal(expected.Coordinates[0].Y, first[1].GetDouble(), 9);
        Assert.InRange(first[1].GetDouble(), 49, 61);
    }

    [Fact]
    public async Task GetBoundary_UnknownCode_Is404()
    {
        var response = await factory.CreateClient().GetAsync("/api/areas/nowhere/boundary");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonElement[] FirstPosition(JsonElement coordinates)
    {
        var e = coordinates;
        while (e[0].ValueKind == JsonValueKind.Array)
        {
            e = e[0];
        }

        return [e[0], e[1]];
    }
}
