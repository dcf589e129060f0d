using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Apis;
using Geo.Api.Tests.Answers;
using Geo.Core.Geography;
using Geo.Core.Indicators;

namespace Geo.Api.Tests.Apis;

public class IndicatorsApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private const string Base = "/api/indicators/" + DemoData.Indicator + "/areas/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<T> Get<T>(string url) => (await factory.CreateClient().GetFromJsonAsync<T>(url, Json))!;

    private static void AssertRowIs(IndicatorRow expected, RowAnswer actual, IndicatorDefinition definition) =>
        RowAnswer.AssertEqual(RowAnswer.Of(expected, definition.Polarity), actual);

    [Fact]
    public async Task GetAreaValue_System_IsThePublishedRowWithMetadata()
    {
        var view = DemoData.Latest(factory);
        var expected = view.Get("X54000001");

        var answer = await Get<AreaAnswer>(Base + "X54000001");

        AssertRowIs(expected, answer.Row, view.Definition);
        Assert.Equal(Math.Round(expected.Value!.Value, 6), answer.Row.Value);
        Assert.Equal(Math.Round(expected.Lower95!.Value, 6), answer.Row.Lower95);
        Assert.Equal(Math.Round(expected.Upper998!.Value, 6), answer.Row.Upper998);
        Assert.Equal(Math.Round(expected.Excess!.Value, 6), answer.Row.Excess);
        Assert.Equal(view.Method, answer.Metadata.Method);
        Assert.Equal(view.SuppressionRule, answer.Metadata.SuppressionRule);
        Assert.Equal(100_000, answer.Metadata.Multiplier);
        Assert.Equal("higher-is-worse", answer.Metadata.Polarity);
        Assert.Equal(view.Period, answer.Metadata.Period);
        Assert.Contains("/areas/X54000001", answer.Metadata.Command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAreaValue_EarlierPeriod_IsThatPeriodsRow()
    {
        var engine = DemoData.Engine(factory);
        var period = engine.Periods[0];

        var answer = await Get<AreaAnswer>(Base + "X54000002?period=" + Uri.EscapeDataString(period));

        AssertRowIs(engine.Publish(period).Get("X54000002"), answer.Row, engine.Definition);
        Assert.Equal(period, answer.Row.Period);
    }

    [Fact]
    public async Task GetChildren_EachSystemAndPlace_RowsEqualTheEnginesPublishedRows()
    {
        var dataset = DemoData.Dataset(factory);
        var view = DemoData.Latest(factory);
        var codes = new[] { "X54000001", "X54000002", "X54000003", dataset.Geography.AtLevel(Level.Place)[0].Code };
        foreach (var code in codes)
        {
            var answer = await Get<RowsAnswer>(Base + code + "/children");

            var children = dataset.Geography.Get(code).ChildCodes;
            Assert.Equal(children, answer.Rows.Select(r => r.Code));
            for (var i = 0; i < children.Count; i++)
            {
                AssertRowIs(view.Get(children[i]), answer.Rows[i], view.Definition);
            }

            AssertRowIs(view.Get(code), answer.Area, view.Definition);
        }
    }

    [Fact]
    public async Task GetChildren_RowFields_AreTheExportColumns()
    {
        using var answer = JsonDocument.Parse(await factory.CreateClient().GetStringAsync(Base + "X54000001/children"));

        var row = answer.RootElement.GetProperty("rows")[0];
        Assert.Equal(RowSchemaTests.Names, row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(RowSchemaTests.Names,
            answer.RootElement.GetProperty("metadata").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task GetChildrenCsv_Place_IsTheJsonRowsColumnByColumnWithABom()
    {
        var place = DemoData.Dataset(factory).Geography.AtLevel(Level.Place)[1];
        var json = await Get<RowsAnswer>(Base + place.Code + "/children");

        var response = await factory.CreateClient().GetAsync(Base + place.Code + "/children.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RowSchemaTests.Names, Geo.Tests.RawCsv.Split(lines[0]));
        Assert.Equal(json.Rows.Count, lines.Length - 1);
        for (var i = 0; i < json.Rows.Count; i++)
        {
            var cells = Geo.Tests.RawCsv.Split(lines[i + 1]);
            var row = json.Rows[i];
            Assert.Equal((row.Code, row.Name, row.Level, row.Parent ?? "", row.Period), (cells[0], cells[1], cells[2], cells[3], cells[4]));
            Assert.Equal(Cell(row.Count), cells[5]);
            Assert.Equal(Cell(row.Value), cells[7]);
            Assert.Equal((row.VsParent ?? "", row.VsEngland ?? ""), (cells[12], cells[13]));
            Assert.Equal(Cell(row.Excess), cells[16]);
            Assert.Equal((Cell(row.FunnelLower95), row.Funnel ?? ""), (cells[21], cells[25]));
        }

        static string Cell(double? v) => v?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    [Fact]
    public async Task GetChildrenGeoJson_System_HasOneFeaturePerChildWithMetadata()
    {
        var view = DemoData.Latest(factory);
        var children = view.Children("X54000003").ToArray();

        var response = await factory.CreateClient().GetAsync(Base + "X54000003/children.geojson");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(children.Select(c => c.Area.Code), features.Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(Math.Round(children[0].Value!.Value, 6), features[0].GetProperty("properties").GetProperty("value").GetDouble());
        Assert.Equal("children of X54000003", json.RootElement.GetProperty("metadata").GetProperty("selection").GetString());
        Assert.NotEqual(JsonValueKind.Null, features[0].GetProperty("geometry").ValueKind);
    }

    [Theory]
    [InlineData("rate")]
    [InlineData("excess")]
    [InlineData("funnel")]
    public async Task GetHotspots_EachOrder_IsTheOrderWorkedFromTheAreasPublishedRows(string by)
    {
        var place = DemoData.Dataset(factory).Geography.AtLevel(Level.Place)[0].Code;
        // Suppressed neighbourhoods have no value or excess and are never listed; a DSR below 10 events has no value but
        // an excess, so it is ranked by excess and funnel position though not by rate.
        var children = (await Get<RowsAnswer>(Base + place + "/children")).Rows;
        var inside = children.Where(r => r.Excess is not null).ToList();
        var ordered = by switch
        {
            "rate" => children.Where(r => r.Value is not null).OrderByDescending(r => r.Value),
            "excess" => inside.OrderByDescending(r => r.Excess),
            _ => inside.Where(r => r.Funnel is "above998" or "above95").OrderBy(r => r.Funnel == "above998" ? 0 : 1).ThenByDescending(r => r.Excess),
        };
        var expected = ordered.ThenBy(r => r.Code, StringComparer.Ordinal).Take(15).Select(r => r.Code).ToList();

        // funnel=poisson: the published (unadjusted) funnel positions; OverdispersionApiTests covers the adjusted ones.
        var answer = await Get<RowsAnswer>(Base + $"{place}/hotspots?top=15&by={by}&funnel=poisson");

        Assert.Equal(expected, answer.Rows.Select(r => r.Code));
        Assert.All(answer.Rows, r => Assert.Equal("neighbourhood", r.Level));
        Assert.Contains($"by {by}", answer.Metadata.Selection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHotspotsCsv_Default_IsTheTop20ByRateOfTheJsonAnswer()
    {
        var json = await Get<RowsAnswer>(Base + "X54000002/hotspots?top=20&by=rate");

        var csv = await factory.CreateClient().GetStringAsync(Base + "X54000002/hotspots.csv");

        var codes = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Equal(json.Rows.Select(r => r.Code), codes);
        Assert.Equal(20, json.Rows.Count);
        Assert.True(json.Rows.Zip(json.Rows.Skip(1)).All(p => p.First.Value >= p.Second.Value), "by rate, highest first");
    }

    [Fact]
    public async Task GetHotspotsGeoJson_Top5_HasFiveFeatures()
    {
        using var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync(Base + "X54000002/hotspots.geojson?top=5&by=excess"));

        Assert.Equal(5, json.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task SuppressedNeighbourhood_InChildrenAreaAndHotspots_HasNoCountValueOrLimits()
    {
        var hidden = DemoData.SuppressedNeighbourhood(factory);
        var client = factory.CreateClient();

        var children = await Get<RowsAnswer>(Base + hidden.Area.ParentCode + "/children");
        var area = await Get<AreaAnswer>(Base + hidden.Area.Code);
        var hotspots = await Get<RowsAnswer>(Base + hidden.Area.ParentCode + "/hotspots?top=1000&by=rate");
        var csv = await client.GetStringAsync(Base + hidden.Area.ParentCode + "/children.csv");

        foreach (var row in new[] { children.Rows.Single(r => r.Code == hidden.Area.Code), area.Row })
        {
            Assert.Equal("primary", row.Suppressed);
            Assert.Null(row.Count);
            Assert.Null(row.Value);
            Assert.Null(row.Lower95);
            Assert.Null(row.Upper95);
            Assert.Null(row.Lower998);
            Assert.Null(row.Upper998);
            Assert.Null(row.Excess);
        }

        Assert.DoesNotContain(hotspots.Rows, r => r.Code == hidden.Area.Code);
        Assert.All(hotspots.Rows, r => Assert.NotNull(r.Value));
        var line = csv.Split('\n').Single(l => l.StartsWith(hidden.Area.Code + ",", StringComparison.Ordinal));
        var cells = line.Split(',');
        Assert.All(new[] { 5, 7, 8, 9, 10, 11 }, c => Assert.Equal("", cells[c]));
    }

    [Theory]
    [InlineData("system", Level.System)]
    [InlineData("icp", Level.Icp)]
    [InlineData("place", Level.Place)]
    [InlineData("neighbourhood", Level.Neighbourhood)]
    public async Task GetLevel_EachLevel_IsEveryAreasPublishedRowInCodeOrder(string level, Level at)
    {
        var dataset = DemoData.Dataset(factory);
        var view = DemoData.Latest(factory);

        var answer = await Get<RowsAnswer>($"/api/indicators/{DemoData.Indicator}/levels/{level}");

        var areas = dataset.Geography.AtLevel(at);
        Assert.Equal(areas.Count, answer.Rows.Count);
        Assert.Equal(areas.Select(a => a.Code).Order(StringComparer.Ordinal), answer.Rows.Select(r => r.Code));
        foreach (var row in answer.Rows)
        {
            AssertRowIs(view.Get(row.Code), row, view.Definition);
        }

        AssertRowIs(view.Get(dataset.Geography.Root.Code), answer.Area, view.Definition);
        Assert.Equal(view.Period, answer.Metadata.Period);
    }

    [Fact]
    public async Task GetLevel_SuppressedNeighbourhood_HasNoCountOrValue()
    {
        var hidden = DemoData.SuppressedNeighbourhood(factory);

        var answer = await Get<RowsAnswer>($"/api/indicators/{DemoData.Indicator}/levels/neighbourhood?period={Uri.EscapeDataString(hidden.Period)}");

        var row = answer.Rows.Single(r => r.Code == hidden.Area.Code);
        Assert.Equal("primary", row.Suppressed);
        Assert.Null(row.Count);
        Assert.Null(row.Value);
        Assert.Null(row.Lower95);
    }

    [Fact]
    public async Task GetLevelValues_Neighbourhood_AreTheLevelsPublishedValuesAscending()
    {
        var level = await Get<RowsAnswer>($"/api/indicators/{DemoData.Indicator}/levels/neighbourhood");

        var answer = await Get<LevelValuesDto>($"/api/indicators/{DemoData.Indicator}/levels/neighbourhood/values");

        Assert.Equal("neighbourhood", answer.Level);
        Assert.Equal(level.Rows.Count, answer.Areas);
        Assert.Equal(level.Rows.Where(r => r.Value is not null).Select(r => r.Value!.Value).Order(), answer.Values);
        Assert.True(answer.Values.Count < answer.Areas, "the demo suppresses some neighbourhoods, whose values are left out");
    }

    [Theory]
    [InlineData("levels/ward", "level")]
    [InlineData("levels/place?period=1999", "period")]
    [InlineData("levels/lsoas/values", "level")]
    [InlineData("levels/place/values?period=1999", "period")]
    public async Task GetLevel_BadParameter_Is400NamingIt(string path, string parameter)
    {
        var response = await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}/{path}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    /// <summary>The level words are those of geo export: every alias works through both doors.</summary>
    [Theory]
    [InlineData("lsoa", "neighbourhood", 2400)]
    [InlineData("ics", "system", 3)]
    [InlineData("icb", "system", 3)]
    [InlineData("country", "country", 1)]
    public async Task GetLevel_Alias_ListsTheLevelsAreas(string word, string level, int areas)
    {
        var answer = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/indicators/{DemoData.Indicator}/levels/{word}/values");

        Assert.Equal(level, answer.GetProperty("level").GetString());
        Assert.Equal(areas, answer.GetProperty("areas").GetInt32());
    }

    [Fact]
    public async Task GetLevel_UnknownWord_SaysWhichWordsWork()
    {
        var response = await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}/levels/ward");

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The level must be country, system (or ics, icb), icp, place or neighbourhood (or lsoa), not 'ward'.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownIndicator_Is404ListingTheIds()
    {
        var response = await factory.CreateClient().GetAsync("/api/indicators/asthma/areas/X54000001/children");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("asthma", detail, StringComparison.Ordinal);
        Assert.Contains(DemoData.Indicator, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownArea_Is404NamingIt()
    {
        var response = await factory.CreateClient().GetAsync(Base + "X54999999/hotspots");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X54999999", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X54000001?period=1999", "period")]
    [InlineData("X54000001/children?period=1999", "period")]
    [InlineData("X54000001/children.csv?period=1999", "period")]
    [InlineData("X54000001/hotspots?by=worst", "by")]
    [InlineData("X54000001/hotspots?top=0", "top")]
    [InlineData("X54000001/hotspots.csv?top=1001", "top")]
    [InlineData("X54000001/hotspots.geojson?by=density", "by")]
    public async Task BadParameter_Is400NamingIt(string path, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(Base + path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        if (parameter == "period")
        {
            var periods = DemoData.Engine(factory).Periods;
            Assert.All(periods, p => Assert.Contains(p, problem.GetProperty("detail").GetString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TopNotANumber_Is400NamingIt()
    {
        var response = await factory.CreateClient().GetAsync(Base + "X54000001/hotspots?top=many");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("top", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
