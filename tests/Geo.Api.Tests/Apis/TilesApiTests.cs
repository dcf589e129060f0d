using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Apis;
using Geo.Api.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Geo.Tiles;

namespace Geo.Api.Tests.Apis;

public class TilesApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    [Fact]
    public async Task GetTile_Z0System_Is200MvtWithStrongETagAndCaching()
    {
        var response = await factory.CreateClient().GetAsync("/tiles/system/0/0/0.mvt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TilesApi.MvtContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Contains("max-age", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetTile_CurrentVersionInUrl_IsImmutable()
    {
        var client = factory.CreateClient();
        var json = await client.GetFromJsonAsync<TileJson>("/tiles/place.json");

        var response = await client.GetAsync($"/tiles/place/0/0/0.mvt?v={json!.DataVersion}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTile_IfNoneMatchCurrentETag_Is304()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/tiles/system/0/0/0.mvt");
        var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/system/0/0/0.mvt");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetTile_IfNoneMatchOtherETag_Is200()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/system/0/0/0.mvt");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetTile_NoFeatureThere_Is204()
    {
        // z8 over the Pacific: nothing of England reaches it.
        var response = await factory.CreateClient().GetAsync("/tiles/neighbourhood/8/10/100.mvt");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("/tiles/system/30/0/0.mvt", "z")]
    [InlineData("/tiles/system/15/0/0.mvt", "z")]
    [InlineData("/tiles/system/3/8/0.mvt", "x")]
    [InlineData("/tiles/system/3/-1/0.mvt", "x")]
    [InlineData("/tiles/system/3/0/8.mvt", "y")]
    [InlineData("/tiles/neighbourhood/7/63/41.mvt", "z")]
    public async Task GetTile_OutsideZoomsOrGrid_Is400ProblemNamingTheParameter(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains($"'{parameter}'", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tiles/county/0/0/0.mvt")]
    [InlineData("/tiles/county.json")]
    public async Task GetTileOrTileJson_UnknownLevel_Is404Problem(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("county", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTileJson_Neighbourhood_HasTileJson3FieldsAndVersionedUrl()
    {
        var response = await factory.CreateClient().GetAsync("/tiles/neighbourhood.json");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3.0.0", json.GetProperty("tilejson").GetString());
        Assert.Equal("neighbourhood", json.GetProperty("name").GetString());
        Assert.Equal(8, json.GetProperty("minzoom").GetInt32());
        Assert.Equal(14, json.GetProperty("maxzoom").GetInt32());
        Assert.Equal(4, json.GetProperty("bounds").GetArrayLength());
        var version = json.GetProperty("version").GetString();
        var url = Assert.Single(json.GetProperty("tiles").EnumerateArray()).GetString();
        Assert.Equal($"http://localhost/tiles/neighbourhood/{{z}}/{{x}}/{{y}}.mvt?v={version}", url);
        var layer = Assert.Single(json.GetProperty("vector_layers").EnumerateArray());
        Assert.Equal("neighbourhood", layer.GetProperty("id").GetString());
        Assert.Equal(8, layer.GetProperty("minzoom").GetInt32());
        Assert.Equal(["code", "parent"], layer.GetProperty("fields").EnumerateObject().Select(p => p.Name));
        Assert.Contains("index", json.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_AfterEveryBandIsPrepared_SaysTilesReady()
    {
        var host = factory.Services.GetRequiredService<DatasetHost>();

        host.Tiles.Prepare();
        var health = await factory.CreateClient().GetFromJsonAsync<HealthDto>("/api/health", new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Equal("ready", health!.Tiles);
    }
}
