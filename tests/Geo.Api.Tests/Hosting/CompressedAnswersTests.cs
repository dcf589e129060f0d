using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Geo.Api.Tests.Upload;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Hosting;

/// <summary>Answers and tiles kept compressed once: each coding decodes to the plain bytes, chosen by Accept-Encoding.</summary>
public class CompressedAnswersTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private const string Level = "/api/indicators/" + DemoData.Indicator + "/levels/neighbourhood";
    private const string Tile = "/tiles/neighbourhood/10/507/328.mvt";

    [Theory]
    [InlineData(Level, "br")]
    [InlineData(Level, "gzip")]
    [InlineData(Tile, "br")]
    [InlineData(Tile, "gzip")]
    [InlineData("/api/indicators/" + DemoData.Indicator + "/areas/X06000005/children.csv", "gzip")]
    [InlineData("/ogc/collections/place/items", "br")]
    public async Task Get_AcceptingOneCoding_SendsItTwiceTheSameAndItDecodesToThePlainBytes(string url, string coding)
    {
        var client = factory.CreateClient();
        var plain = await Send(client, url, null);

        var first = await Send(client, url, coding);
        var second = await Send(client, url, coding);

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        Assert.True(plainBytes.Length > 1000, $"{url} is {plainBytes.Length} bytes: too small to show compression");
        foreach (var response in (HttpResponseMessage[])[plain, first, second])
        {
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }

        Assert.Equal(coding, Assert.Single(first.Content.Headers.ContentEncoding));
        var body = await first.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length < plainBytes.Length, $"{body.Length} bytes in {coding} against {plainBytes.Length} plain");
        Assert.Equal(plainBytes, ContentDecoding.Decode(body, coding));
        Assert.Equal(body, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Content.Headers.ContentType, plain.Content.Headers.ContentType);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(url.StartsWith("/ogc", StringComparison.Ordinal), plain.Headers.ETag is null); // OGC answers carry no tag
        Assert.True(plain.Headers.ETag is null || plain.Headers.ETag != first.Headers.ETag, "each coding has its own tag");
    }

    [Fact]
    public async Task GetTile_Plain_IsTheCatalogsTileByteForByte()
    {
        var catalog = factory.Services.GetRequiredService<Geo.Api.Hosting.DatasetHost>().Tiles;
        var expected = catalog.GetTile(catalog.Find("neighbourhood")!, new Geo.Tiles.TileCoordinate(10, 507, 328), CancellationToken.None);

        var client = factory.CreateClient();
        var viaBrotli = ContentDecoding.Decode(await (await Send(client, Tile, "br")).Content.ReadAsByteArrayAsync(), "br");
        var plain = await (await Send(client, Tile, null)).Content.ReadAsByteArrayAsync();

        Assert.Equal(expected.Bytes, plain);
        Assert.Equal(expected.Bytes, viaBrotli);
    }

    [Theory]
    [InlineData("gzip, br", "br")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("identity", null)]
    [InlineData("deflate", null)]
    [InlineData("br;q=0, gzip;q=0", null)]
    public async Task Get_AcceptEncoding_ChoosesTheBestCodingTheClientTakes(string acceptEncoding, string? expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Level);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
    }

    [Theory]
    [InlineData(Level)]
    [InlineData(Tile)]
    public async Task Get_WithTheETagOfTheCodingItAccepts_Is304(string url)
    {
        var client = factory.CreateClient();
        var first = await Send(client, url, "br");

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again);
        var otherCoding = new HttpRequestMessage(HttpMethod.Get, url);
        otherCoding.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        otherCoding.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var third = await client.SendAsync(otherCoding);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal("gzip", Assert.Single(third.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Get_Error_IsNotKeptAndStaysAProblem()
    {
        var client = factory.CreateClient();
        const string url = "/api/indicators/" + DemoData.Indicator + "/levels/ward";

        var first = await Send(client, url, "br");
        var second = await Send(client, url, "br");

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ward", Encoding.UTF8.GetString(ContentDecoding.Decode(await second.Content.ReadAsByteArrayAsync(),
            second.Content.Headers.ContentEncoding.SingleOrDefault())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_AfterAnswersWereKeptCompressed_TheyAreMadeAgainButTilesAreKept()
    {
        using var server = new WebApplicationFactory<Program>();
        var client = server.CreateClient();
        var listBefore = await Send(client, "/api/indicators", "br");
        var levelBefore = await Send(client, Level, "br");
        var tileBefore = await Send(client, Tile, "br");

        var upload = await client.PostAsync("/api/indicators?id=" + UploadFiles.Id + "&name=Mine&area=LSOA21CD&count=admissions"
            + "&denominator=population&period=year&valueType=crude-rate&polarity=higher-is-worse&fileName=mine.csv",
            new StringContent(UploadFiles.Csv(), Encoding.UTF8, "text/csv"));
        var listAfter = await Send(client, "/api/indicators", "br");
        var levelAfter = await Send(client, Level, "br");
        var tileAfter = await Send(client, Tile, "br");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.DoesNotContain(UploadFiles.Id, Text(await listBefore.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Contains(UploadFiles.Id, Text(await listAfter.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.NotEqual(listBefore.Headers.ETag, listAfter.Headers.ETag);
        Assert.NotEqual(levelBefore.Headers.ETag, levelAfter.Headers.ETag); // a new data version: a new tag, made again
        Assert.Equal(await levelBefore.Content.ReadAsByteArrayAsync(), await levelAfter.Content.ReadAsByteArrayAsync());
        Assert.Equal(tileBefore.Headers.ETag, tileAfter.Headers.ETag); // tiles carry no indicator: same version, same tile

        static string Text(byte[] brotli) => Encoding.UTF8.GetString(ContentDecoding.Decode(brotli, "br"));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, string? coding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (coding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        }

        return client.SendAsync(request);
    }
}
