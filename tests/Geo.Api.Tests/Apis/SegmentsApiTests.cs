using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// The segments endpoints on the demo with a second neighbourhood indicator uploaded (the demo has one): the members against
/// each indicator's published children, the profiles and the Lloyd fixed point recomputed from the CSV's own values, and
/// the reasons for bad choices.
/// </summary>
public sealed class SegmentsApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private const string Mine = "my-rates";

    private static readonly string[] NoClusters = [];

    /// <summary>A server with <see cref="Mine"/> uploaded for every neighbourhood of the demo's first place (small counts
    /// among them, so some are suppressed), and that place's code.</summary>
    private static async Task<(WebApplicationFactory<Program> Server, HttpClient Client, string Place)> WithUpload()
    {
        var server = new WebApplicationFactory<Program>();
        var client = server.CreateClient();
        var geography = server.Services.GetRequiredService<DatasetHost>().Dataset.Geography;
        var place = geography.AtLevel(Level.Place)[0];
        var csv = new StringBuilder("LSOA21CD,year,admissions,population\n");
        var i = 0;
        foreach (var n in geography.Neighbourhoods(place))
        {
            i++;
            csv.Append(CultureInfo.InvariantCulture, $"{n.Code},2024,{(i * 7) % 37},{1000 + ((i * 13) % 500)}\n");
        }

        var response = await client.PostAsync($"/api/indicators?id={Mine}&name=Mine&area=LSOA21CD&count=admissions&denominator=population"
            + "&period=year&valueType=crude-rate&polarity=higher-is-worse&fileName=mine.csv", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (server, client, place.Code);
    }

    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<string[][]> Csv(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return [.. (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];
    }

    private static Dictionary<string, double?> Published(JsonElement rows) => rows.GetProperty("rows").EnumerateArray().ToDictionary(
        r => r.GetProperty("code").GetString()!,
        r => r.GetProperty("value").ValueKind == JsonValueKind.Number ? r.GetProperty("value").GetDouble() : (double?)null);

    [Fact]
    public async Task Segments_DemoPlaceWithUpload_ClustersExactlyTheNeighbourhoodsPublishedInBoth()
    {
        var (server, client, place) = await WithUpload();
        using var _ = server;

        var answer = await Json(client, $"/api/areas/{place}/segments?indicators={DemoData.Indicator},{Mine}&k=3");
        var copd = Published(await Json(client, $"/api/indicators/{DemoData.Indicator}/areas/{place}/children"));
        var mine = Published(await Json(client, $"/api/indicators/{Mine}/areas/{place}/children"));

        var expected = copd.Keys.Where(c => copd[c] is not null && mine.GetValueOrDefault(c) is not null).Order(StringComparer.Ordinal).ToArray();
        var areas = answer.GetProperty("areas").EnumerateArray().ToArray();
        Assert.Equal(expected, areas.Select(a => a.GetProperty("code").GetString()));
        Assert.Equal(copd.Count, answer.GetProperty("neighbourhoods").GetInt32());
        Assert.Equal(copd.Count, areas.Length + answer.GetProperty("suppressed").GetInt32() + answer.GetProperty("noValue").GetInt32());
        // the uploaded small counts are suppressed: left out and counted, never a member
        var dataset = server.Services.GetRequiredService<DatasetHost>().Dataset;
        var hidden = dataset.Indicator(Mine, 1).Publish("2024").Children(place).Where(r => r.Suppression != SuppressionReason.None)
            .Select(r => r.Area.Code).ToHashSet();
        Assert.NotEmpty(hidden);
        Assert.True(answer.GetProperty("suppressed").GetInt32() >= hidden.Count);
        Assert.DoesNotContain(areas, a => hidden.Contains(a.GetProperty("code").GetString()!));
        Assert.Equal(3, answer.GetProperty("k").GetInt32());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task Segments_DemoPlaceWithUpload_ProfilesAndClustersMatchASecondComputationFromTheCsv()
    {
        var (server, client, place) = await WithUpload();
        using var _ = server;
        var query = $"indicators={DemoData.Indicator},{Mine}&seed=4";

        var answer = await Json(client, $"/api/areas/{place}/segments?{query}");
        var rows = await Csv(client, $"/api/areas/{place}/segments.csv?{query}");

        Assert.Equal(["code", "name", "cluster", DemoData.Indicator, Mine], rows[0]);
        var members = rows.Skip(1).Select(r => (Code: r[0], Cluster: int.Parse(r[2], CultureInfo.InvariantCulture),
            Values: new[] { double.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture) })).ToArray();
        Assert.Equal(answer.GetProperty("areas").EnumerateArray().Select(a => (a.GetProperty("code").GetString(), a.GetProperty("cluster").GetInt32())),
            members.Select(m => ((string?)m.Code, m.Cluster)));
        var k = answer.GetProperty("k").GetInt32();
        Assert.True(answer.GetProperty("kChosenBySilhouette").GetBoolean());
        Assert.InRange(k, 2, 8);

        // z-scores with the population standard deviation, written out again
        var mean = new double[2];
        var sd = new double[2];
        for (var j = 0; j < 2; j++)
        {
            mean[j] = members.Average(m => m.Values[j]);
            sd[j] = Math.Sqrt(members.Average(m => Math.Pow(m.Values[j] - mean[j], 2)));
        }

        var z = members.Select(m => new[] { (m.Values[0] - mean[0]) / sd[0], (m.Values[1] - mean[1]) / sd[1] }).ToArray();
        var clusters = answer.GetProperty("clusters").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(1, k), clusters.Select(c => c.GetProperty("cluster").GetInt32()));
        var centres = new double[k][];
        foreach (var c in clusters)
        {
            var number = c.GetProperty("cluster").GetInt32();
            var inside = Enumerable.Range(0, members.Length).Where(i => members[i].Cluster == number).ToArray();
            Assert.Equal(inside.Length, c.GetProperty("size").GetInt32());
            centres[number - 1] = [inside.Average(i => z[i][0]), inside.Average(i => z[i][1])];
            var profile = c.GetProperty("profile").EnumerateArray().ToArray();
            for (var j = 0; j < 2; j++)
            {
                var values = inside.Select(i => members[i].Values[j]).ToArray();
                var m = values.Average();
                Assert.Equal(m, profile[j].GetProperty("mean").GetDouble(), 1e-6); // published to 6 decimals
                Assert.Equal(Math.Sqrt(values.Average(v => (v - m) * (v - m))), profile[j].GetProperty("standardDeviation").GetDouble(), 1e-6);
                Assert.Equal(values.Min(), profile[j].GetProperty("min").GetDouble());
                Assert.Equal(values.Max(), profile[j].GetProperty("max").GetDouble());
            }
        }

        // Lloyd's fixed point: every neighbourhood is at least as near its own cluster's centre as any other
        for (var i = 0; i < members.Length; i++)
        {
            double D(double[] c) => Math.Pow(z[i][0] - c[0], 2) + Math.Pow(z[i][1] - c[1], 2);
            var own = D(centres[members[i].Cluster - 1]);
            Assert.All(centres, c => Assert.True(own <= D(c) + 1e-9, $"{members[i].Code} is nearer another centre"));
        }

        // clusters numbered by size, largest first
        Assert.Equal(clusters.Select(c => c.GetProperty("size").GetInt32()).OrderDescending(), clusters.Select(c => c.GetProperty("size").GetInt32()));
    }

    [Fact]
    public async Task Segments_SameSeed_SameClusters()
    {
        var (server, client, place) = await WithUpload();
        using var _ = server;
        var url = $"/api/areas/{place}/segments.csv?indicators={DemoData.Indicator},{Mine}&k=4&seed=11";

        var first = await client.GetStringAsync(url);
        // a fresh server with the same data answers the same bytes
        var (again, otherClient, _) = await WithUpload();
        using var __ = again;

        Assert.Equal(first, await otherClient.GetStringAsync(url));
    }

    [Theory]
    [InlineData(DemoData.Indicator + "," + DemoData.Indicator, "indicators: 'copd-emergency-admissions' is given twice")]
    [InlineData(DemoData.Indicator, "indicators: only 'copd-emergency-admissions' is given; clusters of profiles need at least two indicators")]
    public async Task Segments_FewerThanTwoIndicators_AnswersWithAReasonNamingIndicators(string indicators, string reason)
    {
        var answer = await Json(factory.CreateClient(), $"/api/areas/X92000001/segments?indicators={indicators}");

        Assert.StartsWith(reason, answer.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(answer.GetProperty("areas").EnumerateArray());
        Assert.Empty(answer.GetProperty("clusters").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("k").ValueKind);
    }

    [Fact]
    public async Task Segments_KLargerThanTheNeighbourhoods_AnswersWithAReasonNamingK()
    {
        var (server, client, place) = await WithUpload();
        using var _ = server;
        var answer = await Json(client, $"/api/areas/{place}/segments?indicators={DemoData.Indicator},{Mine}&k=2");
        var neighbourhood = answer.GetProperty("areas")[0].GetProperty("code").GetString();

        var single = await Json(client, $"/api/areas/{neighbourhood}/segments?indicators={DemoData.Indicator},{Mine}&k=2");

        Assert.Equal("k: 2 clusters need at least 2 areas and there are 1; choose a larger area (clusters need at least 2 areas). "
            + $"1 of the 1 neighbourhoods of {neighbourhood} have a published value of every indicator.", single.GetProperty("reason").GetString());
        Assert.Equal(NoClusters, single.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("?indicators=" + DemoData.Indicator + ",x&k=9", 400, "k must be a whole number from 2 to 8")]
    [InlineData("?indicators=" + DemoData.Indicator + ",x&k=1", 400, "k must be a whole number from 2 to 8")]
    [InlineData("?indicators=" + DemoData.Indicator + ",x&k=many", 400, "not 'many'")]
    [InlineData("?indicators=" + DemoData.Indicator + ",no-such-indicator", 404, "no-such-indicator")]
    [InlineData("", 400, "Give two or more indicator ids separated by commas")]
    public async Task Segments_BadParameter_ProblemSaysWhy(string query, int status, string said)
    {
        var response = await factory.CreateClient().GetAsync($"/api/areas/X92000001/segments{query}");

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(said, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
