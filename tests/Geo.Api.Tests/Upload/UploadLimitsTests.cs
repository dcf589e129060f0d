using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests.Upload;

/// <summary>POST /api/indicators under attack: too often, too large, and with names that try to reach outside its space.</summary>
public sealed class UploadLimitsTests
{
    private const string Query = "?id=" + UploadFiles.Id + "&area=LSOA21CD&count=admissions&denominator=population&period=year";

    private static WebApplicationFactory<Program> Server(int uploadsPerMinute, long? limit = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Geo:UploadsPerMinute", uploadsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (limit is not null)
            {
                b.UseSetting("Geo:UploadLimitBytes", limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });

    private static StringContent CsvBody(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Upload_MoreThanTheRateLimit_Is429ProblemDetailsWithRetryAfterAndReadingGoesOn()
    {
        using var server = Server(uploadsPerMinute: 2);
        var client = server.CreateClient();

        // two refused files use the two uploads of the minute as good ones would
        for (var i = 0; i < 2; i++)
        {
            var answer = await client.PostAsync("/api/indicators?id=x&area=LSOA21CD&count=n", CsvBody("LSOA21CD,n\n"));
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        var third = await client.PostAsync("/api/indicators" + Query, CsvBody(UploadFiles.Csv()));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        var retryAfter = third.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(retryAfter.TotalSeconds, 1, 60);
        using var problem = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("2 uploads a minute", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", third.Headers.GetValues("X-Content-Type-Options").Single());

        // the file was not read, and reading the API is not limited
        Assert.DoesNotContain(UploadFiles.Id, await client.GetStringAsync("/api/indicators"), StringComparison.Ordinal);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dataset")).StatusCode);
        }
    }

    [Fact]
    public async Task Upload_AboveTheSizeLimit_Is413ProblemDetailsWithSecurityHeaders()
    {
        using var server = Server(uploadsPerMinute: 5, limit: 1000);
        var response = await server.CreateClient().PostAsync("/api/indicators" + Query, CsvBody(UploadFiles.Csv()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Upload_DefaultSizeLimit_Is100Megabytes()
    {
        using var server = Server(uploadsPerMinute: 5);
        var client = server.CreateClient();

        // a declared length one byte over 100 MB is refused before a byte of it is read
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/indicators" + Query)
        {
            Content = new ByteArrayContent([]) { Headers = { ContentType = new("text/csv"), ContentLength = (100L * 1024 * 1024) + 1 } },
        };
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("100 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../../../tmp/geo-upload-escape.csv")]
    [InlineData("/tmp/geo-upload-escape.csv")]
    [InlineData("..\\..\\geo-upload-escape.csv")]
    public async Task Upload_FileNameWithAPath_WritesNothingAndIsNamedByItsLastPartOnly(string fileName)
    {
        var outside = Path.Combine(Path.GetTempPath(), "geo-upload-escape.csv");
        File.Delete(outside);
        using var server = Server(uploadsPerMinute: 5);

        var response = await server.CreateClient().PostAsync(
            "/api/indicators?id=x&area=LSOA21CD&count=n&fileName=" + Uri.EscapeDataString(fileName), CsvBody("LSOA21CD,n\nnowhere,1\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("..", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp", body, StringComparison.Ordinal);
        Assert.False(File.Exists(outside), "an upload wrote a file");
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../x")]
    [InlineData("%2e%2e")]
    public async Task Upload_IdThatIsNotOnePathSegment_Is400(string id)
    {
        using var server = Server(uploadsPerMinute: 5);
        var client = server.CreateClient();

        var response = await client.PostAsync(
            "/api/indicators?area=LSOA21CD&count=admissions&denominator=population&period=year&id=" + Uri.EscapeDataString(id), CsvBody(UploadFiles.Csv()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not an indicator id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
