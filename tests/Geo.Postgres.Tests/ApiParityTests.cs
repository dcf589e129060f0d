using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Geo.Core.Geography;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Postgres.Tests;

/// <summary>The server answering from PostGIS (<c>geo serve --connection</c>) gives the same bodies as from files.</summary>
[Trait("Category", "Database")]
public partial class ApiParityTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [DatabaseFact]
    public async Task EveryEndpointOverEveryUpperArea_AnswersTheSameBytes()
    {
        await using var memory = new WebApplicationFactory<Program>();
        await using var database = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Geo:Connection", demo.ConnectionString));
        var left = memory.CreateClient();
        var right = database.CreateClient();
        await WaitUntilReady(right);

        var urls = Urls().ToList();
        foreach (var url in urls)
        {
            var (a, b) = (await left.GetAsync(url), await right.GetAsync(url));
            Assert.True(a.StatusCode == b.StatusCode, $"{url}: {a.StatusCode} from files, {b.StatusCode} from PostGIS");
            Assert.True(a.Content.Headers.ContentType?.ToString() == b.Content.Headers.ContentType?.ToString(), url);
            var (x, y) = (await a.Content.ReadAsByteArrayAsync(), await b.Content.ReadAsByteArrayAsync());
            if (a.IsSuccessStatusCode)
            {
                Assert.True(x.AsSpan().SequenceEqual(y), $"{url}: the bodies differ");
            }
            else
            {
                // Problem details carry the request's own trace id.
                Assert.Equal(TraceId().Replace(Encoding.UTF8.GetString(x), ""), TraceId().Replace(Encoding.UTF8.GetString(y), ""));
            }
        }

        Assert.True(urls.Count > 500, $"only {urls.Count} requests");
    }

    internal static async Task WaitUntilReady(HttpClient client)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the server did not read the database within 10 s");
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    private IEnumerable<string> Urls()
    {
        const string copd = "/api/indicators/copd-emergency-admissions";
        var geography = demo.Memory.Geography;
        var periods = demo.Memory.Indicator("copd-emergency-admissions").Periods;
        yield return "/api/dataset";
        yield return "/api/indicators";
        yield return "/api/areas?q=moor";
        yield return "/api/areas?q=X01&level=neighbourhood&limit=100";
        yield return "/api/compare?indicator=copd-emergency-admissions&areas=" + string.Join(",", geography.AtLevel(Level.Place).Take(4).Select(a => a.Code));
        foreach (var level in new[] { "system", "icp", "place", "neighbourhood" })
        {
            yield return $"{copd}/levels/{level}";
            yield return $"{copd}/levels/{level}/values";
            yield return $"/tiles/{level}.json";
        }

        foreach (var area in geography.Areas.Where(a => a.Level < Level.Neighbourhood).OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            yield return $"/api/areas/{area.Code}";
            yield return $"/api/areas/{area.Code}/boundary";
            yield return $"{copd}/areas/{area.Code}/inequality";
            yield return $"{copd}/areas/{area.Code}/hotspot-classes?by=gistar";
            yield return $"{copd}/areas/{area.Code}/hotspot-classes?by=moran";
            foreach (var period in periods)
            {
                yield return $"{copd}/areas/{area.Code}?period={period}";
                yield return $"{copd}/areas/{area.Code}/children?period={period}";
            }

            yield return $"{copd}/areas/{area.Code}/children.csv";
            yield return $"{copd}/areas/{area.Code}/children.geojson";
            foreach (var by in new[] { "rate", "excess", "funnel", "gistar", "moran" })
            {
                yield return $"{copd}/areas/{area.Code}/hotspots?by={by}";
            }

            yield return $"{copd}/areas/{area.Code}/hotspots.csv";
            yield return $"{copd}/areas/{area.Code}/hotspots.geojson";
        }

        foreach (var area in geography.AtLevel(Level.Neighbourhood).Take(40))
        {
            yield return $"/api/areas/{area.Code}";
            yield return $"{copd}/areas/{area.Code}";
        }

        foreach (var method in new[] { "proportional", "fptp" })
        {
            yield return $"/api/catchments?method={method}";
            yield return $"/api/catchments/boundaries?area=X54000001&method={method}";
            foreach (var provider in demo.Memory.Flows!.ProviderNames.Keys.Order(StringComparer.Ordinal))
            {
                yield return $"/api/catchments/{provider}?method={method}";
                yield return $"/api/catchments/{provider}/boundary?method={method}";
                yield return $"/api/catchments/{provider}/indicators/copd-emergency-admissions?method={method}";
            }
        }

        yield return "/api/areas/NOPE";
        yield return $"{copd}/areas/X92000001/hotspots?by=nonsense";
    }
}
