using System.Net;
using System.Net.Http.Headers;

namespace Geo.Api.Tests.Hosting;

public class HttpCachingTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    [Fact]
    public async Task Get_WithItsOwnETag_Is304()
    {
        var client = factory.CreateClient();
        const string url = "/api/indicators/" + DemoData.Indicator + "/areas/X54000001/children";

        var first = await client.GetAsync(url);
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.CacheControl?.MaxAge);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_DifferentQueryOrError_HasOtherOrNoETag()
    {
        var client = factory.CreateClient();

        var a = await client.GetAsync("/api/areas?q=X54&limit=2");
        var b = await client.GetAsync("/api/areas?q=X54&limit=3");
        var missing = await client.GetAsync("/api/areas/X00000000");

        Assert.NotEqual(a.Headers.ETag, b.Headers.ETag);
        Assert.Null(missing.Headers.ETag);
    }

    [Fact]
    public async Task Get_WithStaleETag_Is200()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/dataset");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
