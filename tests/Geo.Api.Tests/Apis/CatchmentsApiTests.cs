using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Geo.Api.Apis;
using Geo.Api.Tests.Answers;
using Geo.Core.Catchments;
using Geo.Core.Geography;
using Geo.Demo;
using Geo.Spatial.Projection;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Geo.Api.Tests.Apis;

public class CatchmentsApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private async Task<T> Get<T>(string url) => (await factory.CreateClient().GetFromJsonAsync<T>(url, Json))!;

    private CatchmentSet Set(CatchmentMethod method = CatchmentMethod.ProportionalFlow) =>
        DemoData.Dataset(factory).Catchments(new CatchmentOptions { Method = method });

    /// <summary>The provider whose proportional catchment is largest, and a place it reaches.</summary>
    private (string Provider, string Place) Example()
    {
        var largest = Set().Catchments.OrderByDescending(c => c.Members.Count).ThenBy(c => c.Provider, StringComparer.Ordinal).First();
        var place = DemoData.Dataset(factory).Geography.Get(largest.Members[0].Neighbourhood).ParentCode!;
        return (largest.Provider, place);
    }

    [Fact]
    public async Task ListCatchments_Default_ProportionalAt30WithASummaryThatAddsUp()
    {
        var answer = await Get<CatchmentListDto>("/api/catchments");

        Assert.Equal("proportional", answer.Method);
        Assert.Equal(0.3, answer.Threshold);
        Assert.True(answer.Synthetic);
        Assert.Equal(40, answer.Summary.Providers);
        Assert.Equal(40, answer.Catchments.Count);
        Assert.Equal(answer.Summary.NeighbourhoodsWithFlow, answer.Summary.NeighbourhoodsByMemberships.Sum());
        Assert.Equal(answer.Summary.Unassigned, answer.Summary.NeighbourhoodsByMemberships[0]);
        Assert.True(answer.Summary.OverlappingNeighbourhoods > 0);

        // Every membership is counted once by its catchment and once in the summary's histogram.
        var memberships = answer.Summary.NeighbourhoodsByMemberships.Select((n, k) => n * k).Sum();
        Assert.Equal(memberships, answer.Catchments.Sum(c => c.Neighbourhoods));
        Assert.Equal(answer.Catchments.Select(c => c.Provider).Order(StringComparer.Ordinal), answer.Catchments.Select(c => c.Provider));
        Assert.All(answer.Catchments, c => Assert.InRange(c.InCatchment, 0, c.Registered));
        Assert.Contains(answer.Catchments, c => c.SharedNeighbourhoods > 0 && c.OverlappingProviders > 0);
    }

    [Fact]
    public async Task ListCatchments_Fptp_EveryNeighbourhoodInExactlyOne()
    {
        var answer = await Get<CatchmentListDto>("/api/catchments?method=fptp&threshold=0.9");
        var neighbourhoods = DemoData.Dataset(factory).Geography.AtLevel(Level.Neighbourhood).Count;

        Assert.Equal("fptp", answer.Method);
        Assert.Null(answer.Threshold);
        Assert.Equal([0, neighbourhoods], answer.Summary.NeighbourhoodsByMemberships);
        Assert.Equal(neighbourhoods, answer.Catchments.Sum(c => c.Neighbourhoods));
        Assert.All(answer.Catchments, c => Assert.Equal(0, c.SharedNeighbourhoods));
        Assert.True(answer.Catchments.Sum(c => c.InCatchment) < answer.Catchments.Sum(c => c.Registered));
    }

    [Fact]
    public async Task ListCatchments_Area_OnlyProvidersWithANeighbourhoodInside()
    {
        var (_, place) = Example();
        var inside = DemoData.Dataset(factory).Geography.Neighbourhoods(DemoData.Dataset(factory).Geography.Get(place))
            .Select(n => n.Code).ToHashSet();
        var expected = Set().Catchments
            .Select(c => (c.Provider, InArea: c.Members.Count(m => inside.Contains(m.Neighbourhood))))
            .Where(x => x.InArea > 0)
            .OrderByDescending(x => x.InArea).ThenBy(x => x.Provider, StringComparer.Ordinal)
            .ToArray();

        var answer = await Get<CatchmentListDto>($"/api/catchments?area={place.ToLowerInvariant()}");

        Assert.Equal(place, answer.Area);
        Assert.Equal(expected, answer.Catchments.Select(c => (c.Provider, c.InArea!.Value)));
    }

    [Fact]
    public async Task GetCatchment_Members_SharesFromTheFlowTable()
    {
        var (provider, _) = Example();
        var flows = DemoData.Dataset(factory).Flows!.Flows;
        var totals = flows.GroupBy(f => f.Neighbourhood).ToDictionary(g => g.Key, g => g.Sum(f => f.Count));

        var answer = await Get<CatchmentDto>($"/api/catchments/{provider}");

        Assert.Equal(provider, answer.Provider);
        Assert.NotEmpty(answer.Members);
        foreach (var m in answer.Members)
        {
            var flow = flows.Single(f => f.Provider == provider && f.Neighbourhood == m.Code).Count;
            Assert.Equal(flow, m.Flow);
            Assert.Equal(flow / totals[m.Code], m.Share, 6);
            Assert.True(m.Share >= 0.3);
            Assert.Equal(m.Share, m.Weight);
            Assert.Equal(DemoData.Dataset(factory).Geography.Get(m.Code).ParentCode, m.Place);
        }

        Assert.Equal(flows.Where(f => f.Provider == provider).Sum(f => f.Count), answer.Registered);
        Assert.All(answer.Overlaps, o => Assert.NotEqual(provider, o.Provider));
        Assert.Equal(4, answer.Bbox!.Length);
    }

    [Fact]
    public async Task GetBoundary_IsTheUnionOfTheMembersInWgs84()
    {
        var (provider, _) = Example();
        var dataset = DemoData.Dataset(factory);
        var members = Set().Find(provider)!.Members.Select(m => dataset.Boundaries[m.Neighbourhood]).ToArray();
        var union = BritishNationalGrid.ToWgs84(new GeometryCollection(members).Union());

        var response = await factory.CreateClient().GetAsync($"/api/catchments/{provider}/boundary");
        var feature = JsonSerializer.Deserialize<IFeature>(await response.Content.ReadAsStringAsync(), GeoJson)!;

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(provider, feature.Attributes["provider"]);
        Assert.True(feature.Geometry.SymmetricDifference(union).Area < 1e-9 * union.Area, "the boundary is the members' union");
        Assert.InRange(feature.Geometry.Centroid.X, -3, 0);
        Assert.InRange(feature.Geometry.Centroid.Y, 53, 55);
    }

    [Fact]
    public async Task GetBoundaries_Area_OneFeaturePerTouchingProvider()
    {
        var (_, place) = Example();
        var list = await Get<CatchmentListDto>($"/api/catchments?area={place}&method=fptp");

        var response = await factory.CreateClient().GetAsync($"/api/catchments/boundaries?area={place}&method=fptp");
        var collection = JsonSerializer.Deserialize<FeatureCollection>(await response.Content.ReadAsStringAsync(), GeoJson)!;

        Assert.Equal(list.Catchments.Select(c => c.Provider).Order(StringComparer.Ordinal), collection.Select(f => (string)f.Attributes["provider"]));
        Assert.All(collection, f => Assert.IsAssignableFrom<Geometry>(f.Geometry));
        Assert.All(collection, f => Assert.True(Convert.ToInt32(f.Attributes["inArea"]) > 0));
    }

    /// <summary>An fptp catchment takes its members whole: its population and expected count are the sums of theirs, and its count
    /// is shown only when every member's is.</summary>
    [Fact]
    public async Task GetIndicator_FptpCatchment_SumsItsMembersPublishedCounts()
    {
        var neighbourhoods = (await Get<RowsAnswer>($"/api/indicators/{DemoData.Indicator}/levels/neighbourhood")).Rows.ToDictionary(r => r.Code);
        var list = await Get<CatchmentListDto>("/api/catchments?method=fptp");
        var hidden = 0;
        foreach (var provider in list.Catchments.Where(c => c.Neighbourhoods > 0).Select(c => c.Provider).Take(40))
        {
            var members = (await Get<CatchmentDto>($"/api/catchments/{provider}?method=fptp")).Members.Select(m => neighbourhoods[m.Code]).ToList();

            var answer = await Get<AreaAnswer>($"/api/catchments/{provider}/indicators/{DemoData.Indicator}?method=fptp");

            var row = answer.Row;
            Assert.Equal(("catchment", null, null), (row.Level, row.Parent, row.Rank));
            Assert.Equal(members.Sum(m => m.Denominator!.Value), row.Denominator!.Value, 6);
            // Each member's expected count is published to 6 decimals: their sum may differ from the catchment's in the 5th.
            Assert.Equal(members.Sum(m => m.Expected!.Value), row.Expected!.Value, 3);
            if (members.Any(m => m.Suppressed is not null))
            {
                hidden++;
                Assert.Contains(row.Suppressed, new[] { "primary", "secondary" });
                Assert.Equal((null, null, null), (row.Count, row.Value, row.Excess));
            }
            else if (row.Suppressed is null)
            {
                var count = members.Sum(m => m.Count!.Value);
                Assert.Equal(count, row.Count!.Value, 6);
                Assert.Equal(count - row.Expected!.Value, row.Excess!.Value, 5);
                // The value is a directly standardised rate of the summed bands (the engine's tests check the method).
                Assert.InRange(row.Value!.Value, row.Lower95!.Value, row.Upper95!.Value);
            }
        }

        Assert.True(hidden > 0, "the demo hides some catchments");
    }

    [Fact]
    public async Task GetIndicator_Catchment_IsACatchmentRowWithItsMethod()
    {
        var (provider, _) = Example();
        var catchment = Set(CatchmentMethod.FirstPastThePost).Find(provider)!;

        var answer = await Get<AreaAnswer>($"/api/catchments/{provider}/indicators/{DemoData.Indicator}?method=fptp");

        Assert.Equal("catchment", answer.Row.Level);
        Assert.Null(answer.Row.Parent);
        // Person-years: the population of each year of the indicator's pool.
        Assert.Equal(Math.Round(DemoData.Pool(factory) * catchment.Members.Sum(m => DemoData.Dataset(factory).Population[m.Neighbourhood].Sum()), 6),
            answer.Row.Denominator);
        Assert.Contains("first past the post", answer.Metadata.Selection, StringComparison.Ordinal);
        Assert.True(answer.Metadata.Synthetic);
    }

    [Theory]
    [InlineData("/api/catchments?method=huff", "method")]
    [InlineData("/api/catchments?threshold=0", "threshold")]
    [InlineData("/api/catchments?threshold=1.5", "threshold")]
    [InlineData("/api/catchments?threshold=most", "threshold")]
    [InlineData("/api/catchments/boundaries", "area")]
    [InlineData("/api/catchments/X81001/indicators/copd-emergency-admissions?period=1900", "period")]
    public async Task BadParameter_ProblemNamesIt(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(parameter, (string?)problem["parameter"]);
    }

    [Theory]
    [InlineData("/api/catchments/NOPE")]
    [InlineData("/api/catchments/NOPE/boundary")]
    [InlineData("/api/catchments?area=NOPE")]
    [InlineData("/api/catchments/X81001/indicators/no-such-indicator")]
    public async Task Unknown_IsNotFound(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListCatchments_DatasetWithoutFlows_NotFoundSayingWhy()
    {
        var folder = Directory.CreateTempSubdirectory("geo-no-flows-");
        try
        {
            var manifest = DemoDataset.WriteFiles(DemoDataset.Generate(), folder.FullName);
            var json = JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
            json.Remove("flows");
            File.WriteAllText(manifest, json.ToJsonString());
            using var noFlows = factory.WithWebHostBuilder(b => b.UseSetting("Geo:Dataset", manifest).UseSetting("Geo:WarmTiles", "false"));

            var response = await noFlows.CreateClient().GetAsync("/api/catchments");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("no flow table", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
