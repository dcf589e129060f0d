using System.Net;
using System.Text.Json;
using Geo.Core.Geography;

namespace Geo.Api.Tests.Apis;

/// <summary>OGC API – Features through HTTP alone: links, content types, paging, limits and refusals.</summary>
public class FeaturesApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private async Task<(HttpResponseMessage Response, JsonElement Json)> Get(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string[] Rels(JsonElement document) =>
        [.. document.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()!)];

    [Fact]
    public async Task LandingPage_LinksConformanceCollectionsAndTheApiDefinition()
    {
        var (response, landing) = await Get("/ogc");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["self", "service-desc", "service-doc", "conformance", "data"], Rels(landing));
        var (_, conformance) = await Get("/ogc/conformance");
        Assert.Equal(
            ["http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"],
            conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Items_PagedByLimit_FollowNextLinksToEveryPlaceOnce()
    {
        var expected = DemoData.Dataset(factory).Geography.AtLevel(Level.Place).Select(a => a.Code).ToArray();
        var seen = new List<string>();
        var url = "/ogc/collections/place/items?limit=4";
        var pages = 0;
        while (url is not null)
        {
            var (response, page) = await Get(url);
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(expected.Length, page.GetProperty("numberMatched").GetInt32());
            var features = page.GetProperty("features").EnumerateArray().ToArray();
            Assert.Equal(features.Length, page.GetProperty("numberReturned").GetInt32());
            seen.AddRange(features.Select(f => f.GetProperty("id").GetString()!));
            url = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery).FirstOrDefault()!;
            pages++;
        }

        Assert.Equal(expected, seen);
        Assert.Equal((expected.Length + 3) / 4, pages);
    }

    [Fact]
    public async Task Item_ByCode_IsAGeoJsonFeatureWithTheAreasProperties()
    {
        var place = DemoData.Dataset(factory).Geography.AtLevel(Level.Place)[0];

        var (response, feature) = await Get($"/ogc/collections/place/items/{place.Code}");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(place.Code, feature.GetProperty("id").GetString());
        Assert.Equal(place.Name, feature.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(place.ParentCode, feature.GetProperty("properties").GetProperty("parent").GetString());
        Assert.Contains(Rels(feature), r => r == "collection");
    }

    [Theory]
    [InlineData("/ogc/collections/ward/items", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/place/items/X01000001", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/place/items?bbox=1,2,3", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/place/items?bbox=-1,55,1,54", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/place/items?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/place/items?colour=red", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/copd-emergency-admissions.place/items?period=1999", HttpStatusCode.BadRequest)]
    public async Task Refusals_AreProblemDetails(string url, HttpStatusCode status)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Limit_AboveTheMaximum_IsLoweredNotRefused()
    {
        var (response, page) = await Get("/ogc/collections/neighbourhood/items?limit=50000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2400, page.GetProperty("numberReturned").GetInt32());
    }
}
