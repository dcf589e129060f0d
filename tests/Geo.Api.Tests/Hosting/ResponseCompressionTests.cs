using System.Net;
using System.Net.Http.Headers;

namespace Geo.Api.Tests.Hosting;

public class ResponseCompressionTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private const string Level = "/api/indicators/" + DemoData.Indicator + "/levels/neighbourhood";

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Get_AcceptingEncoding_IsCompressedAndDecodesToThePlainAnswer(string encoding)
    {
        var client = factory.CreateClient();
        var plain = await client.GetByteArrayAsync(Level);

        var request = new HttpRequestMessage(HttpMethod.Get, Level);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.True(body.Length * 4 < plain.Length, $"{body.Length} bytes compressed from {plain.Length}");
        Assert.Equal(plain, ContentDecoding.Decode(body, encoding));
    }

    [Fact]
    public async Task Get_Csv_IsCompressed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/indicators/" + DemoData.Indicator + "/areas/X54000001/children.csv");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Get_Tile_IsCompressedWhenAsked()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/system/0/0/0.mvt");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }
}
