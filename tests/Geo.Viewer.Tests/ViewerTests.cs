using System.Text.Json;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests;

/// <summary>The map viewer in headless chromium against the real server on the synthetic demo.</summary>
public sealed class ViewerTests(DemoViewerFixture fixture) : IClassFixture<DemoViewerFixture>
{
    private const string Indicator = "copd-emergency-admissions";
    private const string Country = "X92000001";
    private const string Period = "2023/24"; // the API names the demo's latest five-year pool by its last year

    private ViewerHost Host => fixture.Host;

    [ChromiumFact]
    public async Task Load_OpensOnSystemsColouredAndLabelledSynthetic()
    {
        var viewer = await ViewerPage.OpenAsync(Host);
        await viewer.WaitForViewAsync(Country);
        var page = viewer.Page;

        Assert.True(await page.IsVisibleAsync("#synthetic"));
        Assert.Equal(Indicator, await page.InputValueAsync("#indicator"));
        Assert.Contains($"ind={Indicator}", page.Url);
        var systems = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Country}/children?period={Period}");
        Assert.Equal(systems.GetProperty("rows").GetArrayLength(), await page.Locator("#children-chart button.child").CountAsync());
        // every system has a colour from the comparison with England
        var filled = await page.EvaluateAsync<int>(
            "codes => codes.filter(c => window.geoViewer.map.getFeatureState({ source: 'system', sourceLayer: 'system', id: c }).fill).length",
            systems.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray());
        Assert.Equal(systems.GetProperty("rows").GetArrayLength(), filled);
        Assert.Contains("Compared with England", await page.InnerTextAsync("#legend"));
        await viewer.ScreenshotAsync("country");
    }

    [ChromiumFact]
    public async Task Drill_ByMapClicks_GoesFromSystemThroughIcpAndPlaceToNeighbourhood()
    {
        var viewer = await ViewerPage.OpenAsync(Host);
        await viewer.WaitForViewAsync(Country);

        const string system = "X54000002";
        await viewer.ClickFeatureAsync("system", system);
        await viewer.WaitForViewAsync(system);
        Assert.Contains("Integrated care partnerships", await viewer.Page.InnerTextAsync("#children-title"));
        await viewer.ScreenshotAsync("system");

        const string icp = "X-ICP-CENTRAL";
        await viewer.ClickFeatureAsync("icp", icp);
        await viewer.WaitForViewAsync(icp);
        Assert.Contains("Places", await viewer.Page.InnerTextAsync("#children-title"));
        await viewer.ScreenshotAsync("icp");

        // the viewer opens on the indicator's default pool: 5 years on the demo
        var places = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{icp}/children?period={Period}");
        var place = places.GetProperty("rows")[0].GetProperty("code").GetString()!;
        await viewer.ClickFeatureAsync("place", place);
        await viewer.WaitForViewAsync(place);
        Assert.Contains("Neighbourhoods", await viewer.Page.InnerTextAsync("#children-title"));
        await viewer.ScreenshotAsync("place");

        var neighbourhoods = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{place}/children?period={Period}");
        var rows = neighbourhoods.GetProperty("rows").EnumerateArray().ToList();
        var row = rows.FirstOrDefault(r => r.GetProperty("count").ValueKind == JsonValueKind.Number, rows[0]);
        var code = row.GetProperty("code").GetString()!;
        await viewer.ClickFeatureAsync("neighbourhood", code);
        await viewer.WaitForViewAsync(place, code);
        await AssertPanelShowsAsync(viewer, row);
        await viewer.ScreenshotAsync("neighbourhood");

        // Up goes back to the ICP's places; the breadcrumb names the chain
        Assert.Contains(places.GetProperty("area").GetProperty("name").GetString()!, await viewer.Page.InnerTextAsync("#breadcrumb"));
        await viewer.Page.ClickAsync("#up");
        await viewer.WaitForViewAsync(icp);
    }

    [ChromiumFact]
    public async Task Drill_SystemWithOneIcp_GoesStraightToPlacesAndSaysSo()
    {
        var viewer = await ViewerPage.OpenAsync(Host);
        await viewer.WaitForViewAsync(Country);
        await viewer.Page.ClickAsync("#children-chart button.child[data-code='X54000001']");
        await viewer.WaitForViewAsync("X54000001-ICP");
        Assert.Contains("one integrated care partnership", await viewer.Page.InnerTextAsync("#note"));
        await viewer.Page.ClickAsync("#up");
        await viewer.WaitForViewAsync(Country);
    }

    [ChromiumFact]
    public async Task Panel_AreaFigures_MatchTheApi()
    {
        var viewer = await ViewerPage.OpenAsync(Host, "#area=X54000002");
        await viewer.WaitForViewAsync("X54000002");
        var answer = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/X54000002?period={Period}");
        await AssertPanelShowsAsync(viewer, answer.GetProperty("row"));
        var children = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/X54000002/children?period={Period}");
        var ranked = children.GetProperty("rows").EnumerateArray().OrderByDescending(r => r.GetProperty("value").GetDouble()).First();
        var first = viewer.Page.Locator("#children-chart button.child").First;
        Assert.Equal(ranked.GetProperty("code").GetString(), await first.GetAttributeAsync("data-code"));
        Assert.Equal(ViewerPage.Value(ranked, "value"), (await first.Locator(".num").InnerTextAsync()).Trim());
        Assert.Equal(children.GetProperty("rows").GetArrayLength(), await viewer.Page.Locator("#funnel-chart circle").CountAsync());
        // the limits are centred on England's value (docs/methods.md), so the plot's line is England's, not the system's
        var england = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Country}?period={Period}");
        Assert.Contains($"England's value ({ViewerPage.Value(england.GetProperty("row"), "value")})",
            await viewer.Page.InnerTextAsync("#funnel-chart"), StringComparison.Ordinal);
        Assert.Contains("expected events", await viewer.Page.InnerTextAsync("#funnel-chart"), StringComparison.Ordinal);

        // keyboard: a child is a button, Enter drills into it
        await first.FocusAsync();
        await viewer.Page.Keyboard.PressAsync("Enter");
        await viewer.WaitForViewAsync(ranked.GetProperty("code").GetString()!);
    }

    [ChromiumFact]
    public async Task Hotspots_ListMatchesApi_HoverHighlightsAndClickOpens()
    {
        var viewer = await ViewerPage.OpenAsync(Host, "#area=X54000002");
        await viewer.WaitForViewAsync("X54000002");
        var hotspots = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/X54000002/hotspots?period={Period}&by=rate&top=10");
        var rows = hotspots.GetProperty("rows").EnumerateArray().ToList();
        var items = viewer.Page.Locator("#hotspots button.hotspot");
        Assert.Equal(rows.Count, await items.CountAsync());
        Assert.Equal(rows.Select(r => r.GetProperty("code").GetString()), await items.EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.code)"));

        var top = rows[0];
        var code = top.GetProperty("code").GetString()!;
        await items.First.HoverAsync();
        Assert.Contains(code, await viewer.Page.EvaluateAsync<string>("JSON.stringify(window.geoViewer.map.getFilter('hotspot'))"));

        await items.First.ClickAsync();
        await viewer.WaitForViewAsync(top.GetProperty("parent").GetString()!, code);
        Assert.Equal(code, await viewer.Page.GetAttributeAsync("#focus-name", "data-code"));
        await AssertPanelShowsAsync(viewer, top);
    }

    [ChromiumFact]
    public async Task Export_HotspotCsvAndChildrenGeoJson_HoldWhatIsShown()
    {
        var viewer = await ViewerPage.OpenAsync(Host, "#area=X54000002&by=excess");
        await viewer.WaitForViewAsync("X54000002");
        var shown = await viewer.Page.Locator("#hotspots button.hotspot").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.code)");

        var csv = await viewer.Page.RunAndWaitForDownloadAsync(() => viewer.Page.ClickAsync("#export-hotspots-csv"));
        var lines = (await File.ReadAllLinesAsync(await csv.PathAsync())).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("code,name,level", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(shown, lines.Skip(1).Select(l => l.Split(',')[0]));

        var geojson = await viewer.Page.RunAndWaitForDownloadAsync(() => viewer.Page.ClickAsync("#export-children-geojson"));
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(await geojson.PathAsync()));
        var features = document.RootElement.GetProperty("features");
        var children = await viewer.Page.Locator("#children-chart button.child").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.code)");
        Assert.Equal("FeatureCollection", document.RootElement.GetProperty("type").GetString());
        Assert.Equal(children.Order(), features.EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()!).Order());
    }

    [ChromiumFact]
    public async Task DeepLink_RestoresPeriodColouringSelectionAndComparison()
    {
        var children = await new ViewerPage(null!, Host.BaseUrl).ApiAsync($"/api/indicators/{Indicator}/areas/X06000005/children?period=2022/23");
        var row = children.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("value").ValueKind == JsonValueKind.Number);
        var code = row.GetProperty("code").GetString()!;
        // The pool ending 2022/23: the link names its last year, the selector shows the pool's label.
        var hash = $"#ind={Indicator}&period=2022%2F23&area=X06000005&sel={code}&col=quintile&by=excess&cmp=X54000001,X54000002&pool=5";

        var viewer = await ViewerPage.OpenAsync(Host, hash);
        await viewer.WaitForViewAsync("X06000005", code, "quintile");
        Assert.Equal("2022/23", await viewer.Page.InputValueAsync("#period"));
        Assert.Equal("2018/19 - 2022/23", (await viewer.Page.InnerTextAsync("#period option:checked")).Trim());
        Assert.Equal("quintile", await viewer.Page.InputValueAsync("#colouring"));
        Assert.Equal("excess", await viewer.Page.InputValueAsync("#hotspot-by"));
        Assert.Contains("quintiles", await viewer.Page.InnerTextAsync("#legend"));
        // the national breaks: one request for the whole level, not one per area above it
        var requested = await viewer.Page.EvaluateAsync<string[]>("performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)");
        Assert.Single(requested, p => p == $"/api/indicators/{Indicator}/levels/neighbourhood/values");
        Assert.Single(requested, p => p.EndsWith("/children", StringComparison.Ordinal));
        await AssertPanelShowsAsync(viewer, row);

        var compared = await viewer.ApiAsync($"/api/compare?indicator={Indicator}&areas=X54000001,X54000002&period=2022/23");
        var pair = compared.GetProperty("pairs")[0];
        var expected = pair.GetProperty("significant998").GetBoolean() ? "significantly different (99.8%)"
            : pair.GetProperty("significant95").GetBoolean() ? "significantly different (95%)" : "not significantly different";
        Assert.Equal(2, await viewer.Page.Locator("#compare tbody tr").CountAsync());
        Assert.Contains(expected, await viewer.Page.InnerTextAsync("#compare .pairs"));
        await viewer.ScreenshotAsync("deep-link-quintiles");
    }

    [ChromiumFact]
    public async Task Compare_AddingNestedAreas_SaysNotCompared()
    {
        var viewer = await ViewerPage.OpenAsync(Host, "#area=X54000002");
        await viewer.WaitForViewAsync("X54000002");
        await viewer.Page.ClickAsync("#add-compare");
        await viewer.Page.ClickAsync("#children-chart button.child[data-code='X-ICP-CENTRAL']");
        await viewer.WaitForViewAsync("X-ICP-CENTRAL");
        await viewer.Page.ClickAsync("#add-compare");
        await viewer.Page.WaitForSelectorAsync("#compare .pairs li");
        Assert.Contains("not compared (nested)", await viewer.Page.InnerTextAsync("#compare .pairs"));
        Assert.Contains("cmp=X54000002%2CX-ICP-CENTRAL", viewer.Page.Url);
        await viewer.ScreenshotAsync("compare");
    }

    [ChromiumFact]
    public async Task Search_ByName_OpensTheArea()
    {
        var viewer = await ViewerPage.OpenAsync(Host);
        await viewer.WaitForViewAsync(Country);
        await viewer.Page.FillAsync("#search", "NHS Tesseley");
        await viewer.Page.WaitForSelectorAsync("#search-results li");
        await viewer.Page.PressAsync("#search", "Enter");
        await viewer.WaitForViewAsync("X54000002");
    }

    [ChromiumFact]
    public async Task NarrowScreen_PanelGoesBelowTheMap()
    {
        var viewer = await ViewerPage.OpenAsync(Host, "#area=X54000002", 390, 844);
        await viewer.WaitForViewAsync("X54000002");
        var map = await viewer.Page.Locator(".mapwrap").BoundingBoxAsync();
        var panel = await viewer.Page.Locator("#panel").BoundingBoxAsync();
        Assert.True(panel!.Y >= map!.Y + map.Height - 1, "the panel should sit below the map");
        await viewer.ScreenshotAsync("narrow");
    }

    [ChromiumFact]
    public async Task Inequality_Panel_ShowsCore20AndSiiAsTheApiWithTenDecileBars()
    {
        // The demo's admissions hide most neighbourhoods in a year, and a group (Core20, a decile) is shown only when none of
        // its neighbourhoods is hidden (docs/methods.md): an uploaded indicator of common events, shown everywhere, by a rule.
        var csv = new System.Text.StringBuilder("lsoa21cd,events,people\n");
        for (var i = 1; i <= 2400; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"X01{i:000000},{20 + (i * 13 % 31)},1500\n");
        }

        using (var content = new StringContent(csv.ToString(), System.Text.Encoding.UTF8))
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            using var http = new HttpClient();
            var added = await http.PostAsync($"{Host.BaseUrl}/api/indicators?id=common-events&valueType=crude-rate"
                + "&area=lsoa21cd&count=events&denominator=people&periodLabel=2024&polarity=higher-is-worse", content);
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        var viewer = await ViewerPage.OpenAsync(Host, "#ind=common-events&area=X54000002");
        await viewer.WaitForViewAsync("X54000002");
        var answer = await viewer.ApiAsync("/api/indicators/common-events/areas/X54000002/inequality");
        var page = viewer.Page;
        await page.WaitForSelectorAsync("#inequality table.core20");
        string Cell(string row, string group) => $"#inequality tr[data-row='{row}'] td[data-group='{group}']";

        foreach (var group in new[] { "core20", "rest" })
        {
            var g = answer.GetProperty(group);
            Assert.Equal(Percent(g, "populationShare"), (await page.InnerTextAsync(Cell("population", group))).Trim());
            Assert.Equal(Percent(g, "eventShare"), (await page.InnerTextAsync(Cell("events", group))).Trim());
            Assert.Equal(Percent(g, "positiveExcessShare"), (await page.InnerTextAsync(Cell("excess", group))).Trim());
            Assert.Equal(ViewerPage.Value(g, "value"), (await page.InnerTextAsync(Cell("value", group))).Trim());
            Assert.Equal(ViewerPage.Interval(g, "lower95", "upper95"), (await page.InnerTextAsync(Cell("ci95", group))).Trim());
        }

        // the gap and its significance, as /api/compare words it
        var gap = answer.GetProperty("gap");
        var direction = gap.GetProperty("difference").GetDouble() > 0 ? "higher" : "lower";
        var expected = gap.GetProperty("significant998").GetBoolean() ? $"significantly {direction} (99.8%)"
            : gap.GetProperty("significant95").GetBoolean() ? $"significantly {direction} (95%)" : "not significantly different";
        var gapText = await page.InnerTextAsync("#inequality [data-field='gap']");
        Assert.Contains(ViewerPage.Value(gap, "difference"), gapText);
        Assert.Contains(expected, gapText);

        var slope = answer.GetProperty("slope");
        Assert.Equal($"SII {ViewerPage.Value(slope, "sii")} (95% CI {ViewerPage.Interval(slope, "siiLower95", "siiUpper95")})",
            (await page.InnerTextAsync("#inequality [data-field='sii']")).Trim());
        Assert.Equal($"RII {Ratio(slope, "rii")} (95% CI {Ratio(slope, "riiLower95")} – {Ratio(slope, "riiUpper95")})",
            (await page.InnerTextAsync("#inequality [data-field='rii']")).Trim());

        // ten bars, each with the decile's value, and the fitted line drawn
        var bars = page.Locator("#inequality svg.deciles g.decile");
        Assert.Equal(10, await bars.CountAsync());
        foreach (var decile in answer.GetProperty("deciles").EnumerateArray())
        {
            var bar = page.Locator($"#inequality g.decile[data-decile='{decile.GetProperty("decile").GetInt32()}']");
            var shown = await bar.GetAttributeAsync("data-value");
            Assert.Equal(decile.GetProperty("value").GetDouble(), double.Parse(shown!, System.Globalization.CultureInfo.InvariantCulture), 6);
            Assert.Equal(1, await bar.Locator("rect").CountAsync());
        }

        Assert.True(await page.Locator("#inequality .sii-line line").CountAsync() > 0);
        await page.Locator("#inequality-section").ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync("inequality");
    }

    [ChromiumFact]
    public async Task HotspotColouring_GiStar_ColoursTheNeighbourhoodsByClassWithALegend()
    {
        var viewer = await ViewerPage.OpenAsync(Host, "#area=X54000002");
        await viewer.WaitForViewAsync("X54000002");
        var page = viewer.Page;

        await page.SelectOptionAsync("#colouring", "gistar");
        await viewer.WaitForViewAsync("X54000002", null, "gistar");
        Assert.Contains("col=gistar", page.Url);
        var classes = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/X54000002/hotspot-classes?period={Period}&by=gistar");
        var rows = classes.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);

        // each neighbourhood is filled with its class's colour, the one the legend shows for the class
        var legend = await page.Locator("#legend li").EvaluateAllAsync<string[][]>("ls => ls.map(l => [l.dataset.key, l.dataset.colour])");
        var colourOf = legend.ToDictionary(l => l[0], l => l[1]);
        var filled = await page.EvaluateAsync<string[]>(
            "codes => codes.map(c => window.geoViewer.map.getFeatureState({ source: 'neighbourhood', sourceLayer: 'neighbourhood', id: c }).cls)",
            rows.Select(r => r.GetProperty("code").GetString()).ToArray());
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(colourOf[rows[i].GetProperty("class").GetString()!], filled[i]);
        }

        var text = await page.InnerTextAsync("#legend");
        foreach (var name in new[] { "hot spot", "cold spot", "not significant", "suppressed" })
        {
            Assert.Contains(name, text);
        }

        Assert.Contains("Gi*", text);
        Assert.True(await page.IsVisibleAsync("#map canvas"));
        Assert.Equal(4, colourOf.Where(c => c.Key is "hot spot" or "cold spot" or "not significant" or "suppressed").Select(c => c.Value).Distinct().Count());
        await viewer.ScreenshotAsync("hotspot-classes");

        // local Moran at a place, from a link: its neighbourhoods are the children, filled by class
        var places = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/X-ICP-CENTRAL/children?period={Period}");
        var place = places.GetProperty("rows")[0].GetProperty("code").GetString()!;
        var moran = await ViewerPage.OpenAsync(Host, $"#area={place}&col=moran");
        await moran.WaitForViewAsync(place, null, "moran");
        Assert.Equal("moran", await moran.Page.InputValueAsync("#colouring"));
        Assert.Contains("high-high", await moran.Page.InnerTextAsync("#legend"));
        var placeClasses = await moran.ApiAsync($"/api/indicators/{Indicator}/areas/{place}/hotspot-classes?period={Period}&by=moran");
        var first = placeClasses.GetProperty("rows")[0];
        var legendColour = await moran.Page.GetAttributeAsync($"#legend li[data-key='{first.GetProperty("class").GetString()}']", "data-colour");
        Assert.Equal(legendColour, await moran.Page.EvaluateAsync<string>(
            "c => window.geoViewer.map.getFeatureState({ source: 'neighbourhood', sourceLayer: 'neighbourhood', id: c }).fill",
            first.GetProperty("code").GetString()));

        // the country has no classes of its own: the legend says to choose an area
        var country = await ViewerPage.OpenAsync(Host, $"#area={Country}&col=gistar");
        await country.WaitForViewAsync(Country, null, "gistar");
        Assert.Contains("choose a system", await country.Page.InnerTextAsync("#legend"));
    }

    [ChromiumFact]
    public async Task Catchments_Layer_DrawsTheApisBoundariesShowsAProviderAndKeepsTheMethodInTheLink()
    {
        const string system = "X54000002";
        var viewer = await ViewerPage.OpenAsync(Host, $"#area={system}");
        await viewer.WaitForViewAsync(system);
        var page = viewer.Page;
        Assert.False(await page.IsCheckedAsync("#catchments"));
        Assert.True(await page.IsDisabledAsync("#catchment-method"));
        Assert.True(await page.IsHiddenAsync("#catchments-section"));

        // on by keyboard: the layer draws as many catchments as the API's collection for the area
        await page.FocusAsync("#catchments");
        await page.Keyboard.PressAsync("Space");
        await WaitForCatchmentsAsync(viewer, system, "proportional");
        Assert.Contains("cat=proportional", page.Url);
        var proportional = await viewer.ApiAsync($"/api/catchments/boundaries?area={system}&method=proportional");
        await AssertCatchmentsDrawnAsync(viewer, proportional);

        // a provider from the panel's list: its size, overlaps and indicator row (value with interval, or why not)
        var list = await viewer.ApiAsync($"/api/catchments?area={system}&method=proportional");
        var first = list.GetProperty("catchments")[0];
        var provider = first.GetProperty("provider").GetString()!;
        await page.ClickAsync($"#catchment-list button[data-provider='{provider}']");
        await WaitForCatchmentsAsync(viewer, system, "proportional", provider);
        Assert.Contains($"prov={provider}", page.Url);
        await AssertCatchmentShownAsync(viewer, provider, "proportional");
        Assert.Equal(first.GetProperty("name").GetString(), (await page.InnerTextAsync("#catchment-name")).Trim());

        // another one by clicking its outline on the map; the tooltip names it on hover
        var other = proportional.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("provider").GetString()!)
            .First(p => p != provider);
        var point = await page.EvaluateAsync<JsonElement?>("p => window.geoViewer.catchmentPointOf(p)", other);
        Assert.True(point is { ValueKind: JsonValueKind.Object }, $"the outline of {other} is not drawn");
        await page.Mouse.MoveAsync(point.Value.GetProperty("x").GetSingle(), point.Value.GetProperty("y").GetSingle());
        await page.WaitForSelectorAsync("#tooltip:not([hidden])");
        var name = proportional.GetProperty("features").EnumerateArray().First(f => f.GetProperty("id").GetString() == other)
            .GetProperty("properties").GetProperty("name").GetString()!;
        Assert.Contains(name, await page.InnerTextAsync("#tooltip"));
        await page.Mouse.ClickAsync(point.Value.GetProperty("x").GetSingle(), point.Value.GetProperty("y").GetSingle());
        await WaitForCatchmentsAsync(viewer, system, "proportional", other);
        await AssertCatchmentShownAsync(viewer, other, "proportional");

        // first past the post: the hash changes and the layer is redrawn from the other collection
        await page.SelectOptionAsync("#catchment-method", "fptp");
        await WaitForCatchmentsAsync(viewer, system, "fptp", other);
        Assert.Contains("cat=fptp", page.Url);
        var fptp = await viewer.ApiAsync($"/api/catchments/boundaries?area={system}&method=fptp");
        await AssertCatchmentsDrawnAsync(viewer, fptp);
        await page.Locator("#catchments-section").ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync("catchments");

        // the link restores the layer, its method and the chosen provider in a fresh page
        var hash = new Uri(page.Url).Fragment;
        var restored = await ViewerPage.OpenAsync(Host, hash);
        await WaitForCatchmentsAsync(restored, system, "fptp", other);
        Assert.True(await restored.Page.IsCheckedAsync("#catchments"));
        Assert.Equal("fptp", await restored.Page.InputValueAsync("#catchment-method"));
        await AssertCatchmentsDrawnAsync(restored, fptp);
        await AssertCatchmentShownAsync(restored, other, "fptp");

        // off again: no outlines, no panel section, no cat in the link
        await restored.Page.ClickAsync("#catchments");
        await restored.Page.WaitForFunctionAsync("() => window.geoViewer.view && window.geoViewer.view.cat === null");
        Assert.DoesNotContain("cat=", restored.Page.Url);
        Assert.True(await restored.Page.IsHiddenAsync("#catchments-section"));
        Assert.Equal("none", await restored.Page.EvaluateAsync<string>("window.geoViewer.map.getLayoutProperty('catchment-line', 'visibility')"));
    }

    private static async Task WaitForCatchmentsAsync(ViewerPage viewer, string area, string method, string? provider = null)
    {
        await viewer.WaitForViewAsync(area);
        await viewer.Page.WaitForFunctionAsync(
            "([m, p]) => { const v = window.geoViewer.view; return !!v && v.cat === m && v.prov === p && v.catchments !== null; }",
            new object?[] { method, provider }, new PageWaitForFunctionOptions { Timeout = 30_000 });
    }

    /// <summary>The map's catchment source holds the collection's features, and each is drawn (in a loaded tile).</summary>
    private static async Task AssertCatchmentsDrawnAsync(ViewerPage viewer, JsonElement collection)
    {
        var expected = collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("provider").GetString()!).Order().ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await viewer.Page.GetAttributeAsync("#map", "data-catchments"));
        var drawn = await viewer.Page.EvaluateAsync<string[]>(
            "() => [...new Set(window.geoViewer.map.querySourceFeatures('catchments').map(f => f.properties.provider))].sort()");
        Assert.Equal(expected, drawn.Order());
        Assert.Equal("visible", await viewer.Page.EvaluateAsync<string>("window.geoViewer.map.getLayoutProperty('catchment-line', 'visibility')"));
    }

    private static async Task AssertCatchmentShownAsync(ViewerPage viewer, string provider, string method)
    {
        var page = viewer.Page;
        await page.WaitForSelectorAsync($"#catchment-name[data-provider='{provider}']");
        var catchment = await viewer.ApiAsync($"/api/catchments/{provider}?method={method}");
        var row = (await viewer.ApiAsync($"/api/catchments/{provider}/indicators/{Indicator}?period={Period}&method={method}")).GetProperty("row");
        string Field(string name) => $"#catchment-detail dd[data-field='{name}']";
        Assert.StartsWith(catchment.GetProperty("members").GetArrayLength().ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            (await page.InnerTextAsync(Field("neighbourhoods"))).Trim());
        Assert.Equal(ViewerPage.Count(catchment, "population"), (await page.InnerTextAsync(Field("population"))).Trim());
        var overlaps = (await page.InnerTextAsync(Field("overlaps"))).Trim();
        if (catchment.GetProperty("overlaps").GetArrayLength() == 0)
        {
            Assert.Equal("none", overlaps);
        }
        else
        {
            Assert.Contains(catchment.GetProperty("overlaps")[0].GetProperty("name").GetString()!, overlaps);
        }

        Assert.Equal(ViewerPage.Value(row, "value"), (await page.InnerTextAsync(Field("value"))).Trim());
        Assert.Equal(ViewerPage.Interval(row, "lower95", "upper95"), (await page.InnerTextAsync(Field("ci95"))).Trim());
        if (row.GetProperty("suppressed").ValueKind == JsonValueKind.String)
        {
            var note = await page.InnerTextAsync("#catchment-detail [data-field='catchment-note']");
            Assert.StartsWith("Suppressed to protect privacy: ", note, StringComparison.Ordinal);
            Assert.Contains(row.GetProperty("note").GetString()!.Replace("suppressed: ", "", StringComparison.Ordinal), note);
        }
    }

    private static string Percent(JsonElement group, string column) =>
        group.GetProperty(column) is { ValueKind: JsonValueKind.Number } v
            ? (v.GetDouble() * 100).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "%"
            : "–";

    private static string Ratio(JsonElement row, string column) =>
        row.GetProperty(column) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble().ToString("N2", System.Globalization.CultureInfo.InvariantCulture) : "–";

    private static async Task AssertPanelShowsAsync(ViewerPage viewer, JsonElement row)
    {
        Assert.Equal(row.GetProperty("code").GetString(), await viewer.Page.GetAttributeAsync("#focus-name", "data-code"));
        Assert.Equal(ViewerPage.Value(row, "value"), await viewer.FieldAsync("value"));
        Assert.Equal(ViewerPage.Interval(row, "lower95", "upper95"), await viewer.FieldAsync("ci95"));
        Assert.Equal(ViewerPage.Interval(row, "lower998", "upper998"), await viewer.FieldAsync("ci998"));
        Assert.Equal(ViewerPage.Count(row, "count"), await viewer.FieldAsync("count"));
        Assert.Equal(ViewerPage.Count(row, "denominator"), await viewer.FieldAsync("denominator"));
    }
}
