using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Hosting;
using Geo.Api.Apis;
using Geo.Api.Tests.Answers;
using Geo.Core.Geography;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Apis;

public class InequalityApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private const string Base = "/api/indicators/" + DemoData.Indicator + "/areas/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<T> Get<T>(string url) => (await factory.CreateClient().GetFromJsonAsync<T>(url, Json))!;

    /// <summary>
    /// A server with a user's indicator of common events on the demo's neighbourhoods (20 to 56 a neighbourhood, more where
    /// more deprived, none suppressed): the demo's COPD admissions hide 87% of neighbourhoods in a single year, and a
    /// Core20 group or decile over a hidden neighbourhood is hidden, so the profile's figures are checked on this one.
    /// </summary>
    private static async Task<(WebApplicationFactory<Program> Server, string Base)> Common()
    {
        var server = new WebApplicationFactory<Program>();
        var deprivation = server.Services.GetRequiredService<DatasetHost>().Dataset.Deprivation;
        var csv = new StringBuilder("LSOA21CD,year,admissions,population\n");
        foreach (var (code, record) in deprivation.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{code},2023,{20 + 4 * (10 - record.Decile)},1500\n");
        }

        var posted = await server.CreateClient().PostAsync("/api/indicators?id=common&name=Common&area=LSOA21CD&count=admissions"
            + "&denominator=population&period=year&valueType=crude-rate&polarity=higher-is-worse&fileName=common.csv",
            new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        return (server, "/api/indicators/common/areas/");
    }

    private static async Task<T> Get<T>(WebApplicationFactory<Program> server, string url) =>
        (await server.CreateClient().GetFromJsonAsync<T>(url, Json))!;

    [Fact]
    public async Task GetInequality_Copd_GroupsOverHiddenNeighbourhoodsAreHiddenAndLeftOutOfTheSlope()
    {
        var answer = await Get<InequalityAnswer>(Base + "X54000001/inequality?deciles=local");
        var view = DemoData.Latest(factory);
        var hidden = view.AtLevel(Level.Neighbourhood, "X54000001").Any(r => r.Suppression != Core.Indicators.Suppression.SuppressionReason.None);

        Assert.True(hidden);
        Assert.Null(answer.Core20.Count);
        Assert.Null(answer.Core20.Value);
        Assert.All(answer.Deciles.Where(d => d.Value is null), d => Assert.False(d.InSlope));
    }

    [Fact]
    public async Task GetInequality_System_SharesAddUpAndSiiIsNegativeOnTheDeprivationGradient()
    {
        var (server, common) = await Common();
        using var _ = server;
        var answer = await Get<InequalityAnswer>(server, common + "X54000001/inequality");

        Assert.Equal("2023", answer.Metadata.Period);
        Assert.InRange(answer.Core20.PopulationShare, 0, 1);
        Assert.Equal(1, answer.Core20.PopulationShare + answer.Rest.PopulationShare, 5);
        Assert.True(answer.Core20.Neighbourhoods > 0 && answer.Rest.Neighbourhoods > 0);
        Assert.NotNull(answer.Core20.Count);
        Assert.NotNull(answer.Rest.Count);
        Assert.InRange(answer.Core20.EventShare!.Value, 0, 1);
        Assert.Equal(1, answer.Core20.EventShare.Value + answer.Rest.EventShare!.Value, 5);
        Assert.Equal(answer.Area.Count!.Value, answer.Core20.Count!.Value + answer.Rest.Count!.Value, 3);
        Assert.True(answer.Core20.Value > answer.Rest.Value, "Core20's rate is higher on the made-up gradient");
        Assert.True(answer.Core20.Lower95 < answer.Core20.Value && answer.Core20.Value < answer.Core20.Upper95);

        Assert.Equal(10, answer.Deciles.Count);
        Assert.NotNull(answer.Slope);
        // Convention: SII = least deprived end minus most deprived end; the events are more where more deprived.
        Assert.True(answer.Slope!.Sii < 0, $"SII {answer.Slope.Sii}");
        Assert.True(answer.Slope.SiiUpper95 < 0);
        Assert.True(answer.Slope.Rii < 1);
        Assert.Equal(10_000, answer.Slope.Repetitions);
        Assert.Contains("least deprived minus most deprived", answer.Slope.Convention, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInequality_EveryPlace_GroupsNeverExceedTheArea()
    {
        var dataset = DemoData.Dataset(factory);
        foreach (var place in dataset.Geography.AtLevel(Level.Place).Take(5))
        {
            var answer = await Get<InequalityAnswer>(Base + place.Code + "/inequality");
            Assert.InRange(answer.Core20.PopulationShare, 0, 1);
            Assert.Equal(answer.Core20.Count is null, answer.Rest.Count is null);
            if (answer.Core20.Count is { } c && answer.Rest.Count is { } r && answer.Area.Count is { } total)
            {
                Assert.Equal(total, c + r, 3);
            }

            foreach (var share in new[] { answer.Core20.EventShare, answer.Core20.PositiveExcessShare })
            {
                if (share is { } s)
                {
                    Assert.InRange(s, 0, 1);
                }
            }
        }
    }

    [Fact]
    public async Task GetInequality_LocalDeciles_TenNearlyEqualGroupsOfThePlacesOwnNeighbourhoods()
    {
        var dataset = DemoData.Dataset(factory);
        var place = dataset.Geography.AtLevel(Level.Place)[0];
        var neighbourhoods = dataset.Geography.Neighbourhoods(place).Count();

        var (server, common) = await Common();
        using var _ = server;
        var national = await Get<InequalityAnswer>(server, common + place.Code + "/inequality");
        var local = await Get<InequalityAnswer>(server, common + place.Code + "/inequality?deciles=local");

        Assert.Equal("national", national.DecileBasis);
        Assert.Equal("local", local.DecileBasis);
        Assert.Equal(Enumerable.Range(1, 10), local.Deciles.Select(d => d.Decile));
        Assert.Equal(neighbourhoods, local.Deciles.Sum(d => d.Neighbourhoods));
        Assert.InRange(local.Deciles.Max(d => d.Neighbourhoods) - local.Deciles.Min(d => d.Neighbourhoods), 0, 1);
        Assert.Contains("local deciles", local.Metadata.Selection, StringComparison.Ordinal);
        Assert.Equal(national.Core20, local.Core20);
        Assert.NotNull(local.Slope);
    }

    [Fact]
    public async Task GetInequality_BadDeciles_ProblemNamesTheParameter()
    {
        var response = await factory.CreateClient().GetAsync(Base + "X54000001/inequality?deciles=regional");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("deciles", problem.RootElement.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("no-such-indicator/areas/X54000001/inequality", HttpStatusCode.NotFound)]
    [InlineData(DemoData.Indicator + "/areas/NOPE/inequality", HttpStatusCode.NotFound)]
    [InlineData(DemoData.Indicator + "/areas/X54000001/inequality?period=1900", HttpStatusCode.BadRequest)]
    public async Task GetInequality_BadRequests_AreProblemDetails(string path, HttpStatusCode status)
    {
        var response = await factory.CreateClient().GetAsync("/api/indicators/" + path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("gistar")]
    [InlineData("moran")]
    public async Task GetHotspots_Clusters_AreShownNeighbourhoodsOfTheArea(string by)
    {
        var view = DemoData.Latest(factory);
        var inside = view.AtLevel(Level.Neighbourhood, "X54000001").ToDictionary(r => r.Area.Code);

        var answer = await Get<RowsAnswer>(Base + "X54000001/hotspots?top=1000&funnel=poisson&by=" + by);

        Assert.NotEmpty(answer.Rows);
        Assert.Contains(by, answer.Metadata.Selection, StringComparison.OrdinalIgnoreCase);
        foreach (var row in answer.Rows)
        {
            Assert.True(inside.ContainsKey(row.Code));
            Assert.Null(row.Suppressed);
            RowAnswer.AssertEqual(RowAnswer.Of(inside[row.Code], view.Definition.Polarity), row);
        }
    }

    [Fact]
    public async Task GetHotspots_GiStar_AreTheAreasHotSpotClassesInside()
    {
        var dataset = DemoData.Dataset(factory);
        var place = dataset.Geography.AtLevel(Level.Place)[0].Code;
        var inside = dataset.Geography.Neighbourhoods(dataset.Geography.Get(place)).Select(a => a.Code).ToHashSet();
        var classes = await Get<HotspotClassesDto>(Base + place + "/hotspot-classes?by=gistar");

        var answer = await Get<RowsAnswer>(Base + place + "/hotspots?top=1000&funnel=poisson&by=gistar");

        Assert.Equal(classes.Rows.Where(r => r.Class == "hot spot").Select(r => r.Code).Order(StringComparer.Ordinal),
            answer.Rows.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.All(answer.Rows, r => Assert.Contains(r.Code, inside));
        Assert.All(answer.Rows, r => Assert.Null(r.Suppressed));
    }

    [Fact]
    public async Task GetInequality_Gap_IsCore20MinusRestWithTheCompareMethod()
    {
        var (server, common) = await Common();
        using var _ = server;
        var answer = await Get<InequalityAnswer>(server, common + "X54000001/inequality");

        Assert.Equal("compared", answer.Gap.Status);
        Assert.Equal(answer.Core20.Value!.Value - answer.Rest.Value!.Value, answer.Gap.Difference!.Value, 6);
        var se = Math.Sqrt(Math.Pow((answer.Core20.Upper95!.Value - answer.Core20.Lower95!.Value) / (2 * 1.959964), 2)
            + Math.Pow((answer.Rest.Upper95!.Value - answer.Rest.Lower95!.Value) / (2 * 1.959964), 2));
        Assert.Equal(se, answer.Gap.StandardError!.Value, 6);
        Assert.Equal(Math.Abs(answer.Gap.Difference.Value) > 1.959964 * se, answer.Gap.Significant95);
        // the fitted line's ends: the most deprived end is the intercept, the least deprived end intercept + SII
        Assert.True(answer.Slope!.Intercept > 0);
        Assert.Equal(answer.Slope.Intercept + answer.Slope.Sii, answer.Slope.Intercept * answer.Slope.Rii, 2); // RII is rounded to 6 decimals
    }

    [Theory]
    [InlineData("gistar")]
    [InlineData("moran")]
    public async Task GetHotspotClasses_EveryClassifiedNeighbourhood_IsInsideAndSuppressedOnesAreWithheld(string by)
    {
        var view = DemoData.Latest(factory);
        var inside = view.AtLevel(Level.Neighbourhood, "X54000001").ToDictionary(r => r.Area.Code);

        var answer = await Get<HotspotClassesDto>(Base + "X54000001/hotspot-classes?by=" + by);
        var listed = await Get<RowsAnswer>(Base + "X54000001/hotspots?top=1000&funnel=poisson&by=" + by);

        Assert.NotEmpty(answer.Rows);
        var allowed = by == "gistar" ? new[] { "hot spot", "cold spot", "not significant", "suppressed" }
            : ["high-high", "low-low", "high-low", "low-high", "not significant", "suppressed"];
        foreach (var row in answer.Rows)
        {
            Assert.True(inside.TryGetValue(row.Code, out var published));
            Assert.Contains(row.Class, allowed);
            Assert.Equal(published.Suppression != Core.Indicators.Suppression.SuppressionReason.None, row.Class == "suppressed");
        }

        // the hotspot list is exactly the hot spots (or high-high clusters) of the map
        var hot = by == "gistar" ? "hot spot" : "high-high";
        Assert.Equal(listed.Rows.Select(r => r.Code).Order(StringComparer.Ordinal),
            answer.Rows.Where(r => r.Class == hot).Select(r => r.Code).Order(StringComparer.Ordinal));
        // the demo suppresses small counts, so z, p and q are withheld, and it says why
        Assert.Contains(answer.Rows, r => r.Class == "suppressed");
        Assert.All(answer.Rows, r => Assert.Null(r.Z));
        Assert.NotNull(answer.Note);
    }

    [Fact]
    public async Task GetHotspotClasses_UnknownMethod_Is400NamingBy()
    {
        var response = await factory.CreateClient().GetAsync(Base + "X54000001/hotspot-classes?by=rate");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"by\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
