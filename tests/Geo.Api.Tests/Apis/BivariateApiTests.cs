using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Hosting;
using Geo.Api.Tests.Upload;
using Geo.Core.Indicators.Suppression;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// The bivariate endpoints on the demo with a second indicator uploaded (UploadFiles' CSV), checked against a second,
/// naive computation of ρ and the classes from the answer's own pairs and against each indicator's children endpoint.
/// </summary>
public sealed class BivariateApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private const string Upload = "/api/indicators?id=" + UploadFiles.Id + "&name=My%20admissions&area=LSOA21CD&count=admissions"
        + "&denominator=population&period=year&valueType=crude-rate&polarity=higher-is-worse&fileName=mine.csv";

    private static async Task<(WebApplicationFactory<Program> Server, HttpClient Client, string Place)> WithUpload()
    {
        var server = new WebApplicationFactory<Program>();
        var client = server.CreateClient();
        var response = await client.PostAsync(Upload, new StringContent(UploadFiles.Csv(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // the place of the second uploaded neighbourhood: its neighbourhoods have both indicators, some suppressed
        var place = server.Services.GetRequiredService<DatasetHost>().Dataset.Geography.Find("X01000002")!.ParentCode!;
        return (server, client, place);
    }

    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Mid-ranks the slow way: 1 + how many are smaller + half of the others equal.</summary>
    private static double[] NaiveRanks(double[] v) =>
        [.. v.Select(a => 1 + v.Count(b => b < a) + ((v.Count(b => b == a) - 1) / 2.0))];

    private static double Pearson(double[] a, double[] b)
    {
        var ma = a.Average();
        var mb = b.Average();
        var sab = a.Zip(b, (x, y) => (x - ma) * (y - mb)).Sum();
        return sab / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(y => (y - mb) * (y - mb)));
    }

    [Fact]
    public async Task Bivariate_DemoPlaceWithUpload_RhoIntervalAndClassesMatchASecondComputationFromThePairs()
    {
        var (server, client, place) = await WithUpload();
        using var _ = server;

        var answer = await Json(client, $"/api/indicators/{DemoData.Indicator}/areas/{place}/bivariate?with={UploadFiles.Id}");

        var pairs = answer.GetProperty("pairs").EnumerateArray().ToArray();
        Assert.True(pairs.Length >= 4, answer.ToString());
        var x = pairs.Select(p => p.GetProperty("x").GetDouble()).ToArray();
        var y = pairs.Select(p => p.GetProperty("y").GetDouble()).ToArray();
        var rx = NaiveRanks(x);
        var ry = NaiveRanks(y);
        var rho = Pearson(rx, ry);
        var spearman = answer.GetProperty("spearman");
        Assert.Equal(pairs.Length, spearman.GetProperty("n").GetInt32());
        Assert.Equal(rho, spearman.GetProperty("rho").GetDouble(), 6);
        // Fisher z with the Bonett–Wright standard error, written out again here
        var se = Math.Sqrt((1 + (rho * rho / 2)) / (pairs.Length - 3));
        Assert.Equal(Math.Tanh(Math.Atanh(rho) - (1.959964 * se)), spearman.GetProperty("lower95").GetDouble(), 5);
        Assert.Equal(Math.Tanh(Math.Atanh(rho) + (1.959964 * se)), spearman.GetProperty("upper95").GetDouble(), 5);
        // tertiles by the mid-point percentile (r − ½)/n: below 1/3 → 1, above 2/3 → 3
        static int Tertile(double r, int n) => ((r - 0.5) / n) switch { < 1.0 / 3 => 1, > 2.0 / 3 => 3, _ => 2 };
        for (var i = 0; i < pairs.Length; i++)
        {
            var cx = Tertile(rx[i], pairs.Length);
            var cy = Tertile(ry[i], pairs.Length);
            Assert.Equal(cx, pairs[i].GetProperty("xClass").GetInt32());
            Assert.Equal(cy, pairs[i].GetProperty("yClass").GetInt32());
            Assert.Equal($"{cx}-{cy}", pairs[i].GetProperty("bivariateClass").GetString());
        }

        Assert.Equal(answer.GetProperty("children").GetInt32(),
            pairs.Length + answer.GetProperty("suppressed").GetInt32() + answer.GetProperty("noValue").GetInt32());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("reason").ValueKind);
        Assert.Equal(DemoData.Indicator, answer.GetProperty("x").GetProperty("indicatorId").GetString());
        Assert.Equal(UploadFiles.Id, answer.GetProperty("y").GetProperty("indicatorId").GetString());
        Assert.Equal("2023", answer.GetProperty("y").GetProperty("period").GetString());
    }

    [Fact]
    public async Task Bivariate_DemoPlaceWithUpload_PairsAreExactlyTheChildrenPublishedInBoth()
    {
        var (server, client, place) = await WithUpload();
        using var _ = server;

        var answer = await Json(client, $"/api/indicators/{DemoData.Indicator}/areas/{place}/bivariate?with={UploadFiles.Id}");
        var xs = await Json(client, $"/api/indicators/{DemoData.Indicator}/areas/{place}/children");
        var ys = await Json(client, $"/api/indicators/{UploadFiles.Id}/areas/{place}/children");

        static Dictionary<string, double?> Values(JsonElement rows) => rows.GetProperty("rows").EnumerateArray().ToDictionary(
            r => r.GetProperty("code").GetString()!,
            r => r.GetProperty("value").ValueKind == JsonValueKind.Number ? r.GetProperty("value").GetDouble() : (double?)null);
        var vx = Values(xs);
        var vy = Values(ys);
        var expected = vx.Keys.Where(c => vx[c] is not null && vy.GetValueOrDefault(c) is not null).Order(StringComparer.Ordinal).ToArray();
        var pairs = answer.GetProperty("pairs").EnumerateArray().ToArray();
        Assert.Equal(expected, pairs.Select(p => p.GetProperty("code").GetString()));
        foreach (var p in pairs)
        {
            var code = p.GetProperty("code").GetString()!;
            Assert.Equal(vx[code], p.GetProperty("x").GetDouble());
            Assert.Equal(vy[code], p.GetProperty("y").GetDouble());
        }

        // the uploaded counts 1-7 are suppressed: some children are left out for it, and none of them is a pair
        var dataset = server.Services.GetRequiredService<DatasetHost>().Dataset;
        var uploaded = dataset.Indicator(UploadFiles.Id, 1);
        var hidden = uploaded.Publish("2023").Children(place).Where(r => r.Suppression != SuppressionReason.None).Select(r => r.Area.Code).ToArray();
        Assert.NotEmpty(hidden);
        Assert.True(answer.GetProperty("suppressed").GetInt32() >= hidden.Length);
        Assert.DoesNotContain(pairs, p => hidden.Contains(p.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task BivariateCsv_DemoPlaceWithUpload_SameRowsAsTheJsonPairs()
    {
        var (server, client, place) = await WithUpload();
        using var _ = server;

        var answer = await Json(client, $"/api/indicators/{DemoData.Indicator}/areas/{place}/bivariate?with={UploadFiles.Id}");
        var response = await client.GetAsync($"/api/indicators/{DemoData.Indicator}/areas/{place}/bivariate.csv?with={UploadFiles.Id}");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,name,x_value,y_value,x_class,y_class,bivariate_class", lines[0]);
        var expected = answer.GetProperty("pairs").EnumerateArray().Select(p => string.Join(',',
            p.GetProperty("code").GetString(), p.GetProperty("name").GetString(),
            p.GetProperty("x").GetDouble().ToString("R", CultureInfo.InvariantCulture), p.GetProperty("y").GetDouble().ToString("R", CultureInfo.InvariantCulture),
            p.GetProperty("xClass").GetInt32(), p.GetProperty("yClass").GetInt32(), p.GetProperty("bivariateClass").GetString()));
        Assert.Equal(expected, lines.Skip(1));
    }

    [Fact]
    public async Task Bivariate_SameIndicatorTwice_AnswersWithAReasonNamingWith()
    {
        var answer = await Json(factory.CreateClient(), $"/api/indicators/{DemoData.Indicator}/areas/X92000001/bivariate?with={DemoData.Indicator}");

        Assert.StartsWith("with: ", answer.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(answer.GetProperty("pairs").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("spearman").GetProperty("rho").ValueKind);
    }

    [Fact]
    public async Task Bivariate_NeighbourhoodArea_AnswersWithAReasonNamingCode()
    {
        var neighbourhood = DemoData.SuppressedNeighbourhood(factory).Area.Code;
        var (server, client, _) = await WithUpload();
        using var __ = server;

        var answer = await Json(client, $"/api/indicators/{DemoData.Indicator}/areas/{neighbourhood}/bivariate?with={UploadFiles.Id}");

        Assert.StartsWith("code: ", answer.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "with")]
    [InlineData("?with=no-such-indicator", "no-such-indicator")] // 404: an unknown id is named by its value
    [InlineData("?with=" + DemoData.Indicator + "&periodY=1999", "periodY")]
    [InlineData("?with=" + DemoData.Indicator + "&periodX=1999", "periodX")]
    public async Task Bivariate_BadParameter_ProblemNamesIt(string query, string named)
    {
        var response = await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}/areas/X92000001/bivariate{query}");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(named, problem.ToString(), StringComparison.Ordinal);
    }
}
