using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Geo.Viewer.Tests;

/// <summary>
/// What a first-time user sees on the demo without touching a setting (issue 18): neighbourhood values by default (the
/// indicator's default pool), a score coloured by quintiles, and a panel in words: no raw code, no HTTP status.
/// </summary>
public sealed partial class FirstLookViewerTests(DemoViewerFixture fixture, ITestOutputHelper output) : IClassFixture<DemoViewerFixture>
{
    private const string Indicator = "copd-emergency-admissions";
    private const string Country = "X92000001";
    private const string System = "X54000002";
    private const string Icp = "X-ICP-EAST";
    private const string Place = "X06000007"; // Tesseley: 657 neighbourhoods

    private ViewerHost Host => fixture.Host;

    /// <summary>Codes that must never reach the screen: funnel positions, statuses beside words, JavaScript's empties.</summary>
    [GeneratedRegex(@"\b(above998|below998|above95|below95|null|undefined|NaN)\b|(?:^|: )[45]\d\d [A-Z]|\((primary|secondary)\)", RegexOptions.Multiline)]
    private static partial Regex RawCode();

    private static Task WaitForPoolAsync(ViewerPage viewer, int pool) => viewer.Page.WaitForFunctionAsync(
        "p => { const v = window.geoViewer && window.geoViewer.view; return !!v && v.pool === p; }", pool,
        new PageWaitForFunctionOptions { Timeout = 30_000 });

    /// <summary>The feature-state fill of each code at a level, as the map draws it.</summary>
    private static Task<string[]> FillsAsync(ViewerPage viewer, string level, IEnumerable<string> codes) => viewer.Page.EvaluateAsync<string[]>(
        "([l, codes]) => codes.map(c => window.geoViewer.map.getFeatureState({ source: l, sourceLayer: l, id: c }).fill ?? '')",
        new object[] { level, codes.ToArray() });

    private static async Task<Dictionary<string, string>> LegendAsync(ViewerPage viewer) =>
        (await viewer.Page.Locator("#legend li").EvaluateAllAsync<string[][]>("ls => ls.map(l => [l.dataset.key, l.dataset.colour])"))
            .ToDictionary(l => l[0], l => l[1]);

    private async Task<string> PanelTextAsync(ViewerPage viewer) =>
        await viewer.Page.InnerTextAsync("#panel") + "\n" + await viewer.Page.InnerTextAsync("#legend");

    private void AssertNoRawCode(string text, string where)
    {
        var found = RawCode().Match(text);
        Assert.False(found.Success, $"{where}: raw '{found.Value}' in: …{(found.Success ? text.Substring(Math.Max(0, found.Index - 80), Math.Min(160, text.Length - Math.Max(0, found.Index - 80))) : "")}…");
    }

    [ChromiumFact]
    public async Task FirstLook_DrillToAPlace_ShowsItsNeighbourhoodsAndHotspotsWithoutASetting()
    {
        // The demo's admissions are published in rolling five-year pools (its `pool`, 5): the viewer opens on that, labelled as such.
        var indicators = await new ViewerPage(null!, Host.BaseUrl).ApiAsync("/api/indicators");
        Assert.Equal(5, indicators[0].GetProperty("pool").GetInt32());

        var viewer = await ViewerPage.OpenAsync(Host);
        await viewer.WaitForViewAsync(Country);
        var page = viewer.Page;
        await WaitForPoolAsync(viewer, 5);
        Assert.True(await page.IsDisabledAsync("#pool"));
        Assert.Equal("2019/20 - 2023/24", (await page.InnerTextAsync("#period option:checked")).Trim());

        // system, ICP, place: clicks on the map only
        await viewer.ClickFeatureAsync("system", System);
        await viewer.WaitForViewAsync(System);
        await viewer.ClickFeatureAsync("icp", Icp);
        await viewer.WaitForViewAsync(Icp);
        await viewer.ClickFeatureAsync("place", Place);
        await viewer.WaitForViewAsync(Place);

        var rows = (await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Place}/children")).GetProperty("rows").EnumerateArray().ToList();
        var legend = await LegendAsync(viewer);
        var comparison = new[] { "better", "similar", "worse" }.Select(k => legend[k]).ToHashSet();
        var fills = await FillsAsync(viewer, "neighbourhood", rows.Select(r => r.GetProperty("code").GetString()!));
        var compared = rows.Count(r => r.GetProperty("vs_england").ValueKind == JsonValueKind.String);
        Assert.Equal(compared, fills.Count(comparison.Contains));
        Assert.True(compared * 4 >= rows.Count * 3, $"most neighbourhoods coloured: {compared} of {rows.Count}");
        output.WriteLine($"Tesseley's neighbourhoods coloured by comparison with England in 2019/20 - 2023/24: {compared} of {rows.Count}.");

        // the hotspot list: every neighbourhood with a value, up to ten
        var withValue = rows.Count(r => r.GetProperty("value").ValueKind == JsonValueKind.Number);
        Assert.Equal(Math.Min(10, withValue), await page.Locator("#hotspots button.hotspot").CountAsync());
        // funnel positions allowing for overdispersion, when the test chose them, are said to differ from the panel's
        var by = await page.InputValueAsync("#hotspot-by");
        var funnel = (await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Place}/hotspots?by={by}&top=10")).GetProperty("funnel");
        var adjusted = funnel.GetProperty("adjustment").GetString() != "poisson";
        Assert.Equal(adjusted ? 1 : 0, await page.Locator("#hotspots [data-field=hotspots-funnel]").CountAsync());
        output.WriteLine($"Tesseley's hotspot funnel: {funnel}");
        await viewer.ScreenshotAsync("first-look-place");
    }

    [ChromiumFact]
    public async Task Drill_PanelSpeaksInWords_NoRawCodeOrStatusAnywhere()
    {
        var viewer = await ViewerPage.OpenAsync(Host);
        await viewer.WaitForViewAsync(Country);
        await WaitForPoolAsync(viewer, 5);
        var page = viewer.Page;
        await page.WaitForSelectorAsync("#inequality table.core20, #inequality .why");
        var country = await PanelTextAsync(viewer);
        AssertNoRawCode(country, "country");
        // the positive excess share's note is not at the country, where it would always be withheld
        Assert.DoesNotContain("positive excess share", country, StringComparison.OrdinalIgnoreCase);

        foreach (var (level, code) in new[] { ("system", System), ("icp", Icp), ("place", Place) })
        {
            await viewer.ClickFeatureAsync(level, code);
            await viewer.WaitForViewAsync(code);
            await page.WaitForSelectorAsync("#inequality table.core20, #inequality .why");
            var text = await PanelTextAsync(viewer);
            AssertNoRawCode(text, code);
            Assert.True(Regex.Matches(text, "positive excess share withheld", RegexOptions.IgnoreCase).Count <= 1, $"{code}: the note shows more than once");
        }

        // a significant outlier (the country's first, in its place), selected: its funnel position in words
        var outlier = (await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Country}/hotspots?by=funnel&top=1")).GetProperty("rows")[0];
        Assert.Equal("above998", outlier.GetProperty("funnel").GetString());
        var code998 = outlier.GetProperty("code").GetString()!;
        var outlierPlace = outlier.GetProperty("parent").GetString()!;
        await page.GotoAsync($"{Host.BaseUrl}/#ind={Indicator}&area={outlierPlace}");
        await viewer.WaitForViewAsync(outlierPlace);
        await viewer.ClickFeatureAsync("neighbourhood", code998);
        await viewer.WaitForViewAsync(outlierPlace, code998);
        Assert.Equal("above the 99.8% limit: a significant outlier, higher than expected", await viewer.FieldAsync("funnel"));
        await viewer.HoverFeatureAsync("neighbourhood", code998);
        AssertNoRawCode(await PanelTextAsync(viewer) + await page.InnerTextAsync("#tooltip"), code998);

        // a suppressed neighbourhood, selected: why, and what to do instead
        var suppressed = (await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{outlierPlace}/children")).GetProperty("rows").EnumerateArray()
            .First(r => r.GetProperty("suppressed").ValueKind == JsonValueKind.String);
        var hidden = suppressed.GetProperty("code").GetString()!;
        await page.ClickAsync($"#children-chart button.child[data-code='{hidden}']");
        await viewer.WaitForViewAsync(outlierPlace, hidden);
        var why = await page.InnerTextAsync("#summary [data-field='note']");
        Assert.StartsWith("Suppressed to protect privacy", why, StringComparison.Ordinal);
        Assert.Contains("Look at the area above", why, StringComparison.Ordinal);
        AssertNoRawCode(await PanelTextAsync(viewer), hidden);

        // the comparison legend: no two colours alike, never both blues of the old legend
        var legend = await LegendAsync(viewer);
        Assert.Equal(legend.Count, legend.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var words = await page.InnerTextAsync("#legend");
        Assert.Contains("significantly better", words, StringComparison.Ordinal);
        Assert.DoesNotContain("significantly lower", words, StringComparison.Ordinal);
        Assert.DoesNotContain(viewer.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Score_WithoutComparisons_IsColouredByNationalQuintilesWithItsLegend()
    {
        // a synthetic score for every demo neighbourhood, by a fixed rule
        var csv = new StringBuilder("lsoa21cd,score\n");
        for (var i = 1; i <= 2400; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"X01{i:000000},{(i * 37 % 101) / 2.0}\n");
        }

        const string name = "Synthetic deprivation score of the neighbourhood, higher is more deprived (a long indicator name that must not be cut)";
        await Host.UploadAsync($"id=demo-score&name={Uri.EscapeDataString(name)}&valueType=score&area=lsoa21cd&count=score&periodLabel=2024&polarity=higher-is-worse", csv.ToString());
        var indicators = await new ViewerPage(null!, Host.BaseUrl).ApiAsync("/api/indicators");
        Assert.Equal(1, indicators.EnumerateArray().First(i => i.GetProperty("id").GetString() == "demo-score").GetProperty("pool").GetInt32());

        var viewer = await ViewerPage.OpenAsync(Host, $"#ind=demo-score&area={Place}");
        await viewer.WaitForViewAsync(Place, null, "quintile");
        var page = viewer.Page;
        Assert.Equal("quintile", await page.InputValueAsync("#colouring"));
        Assert.Contains("col=quintile", page.Url, StringComparison.Ordinal);
        Assert.Contains("quintiles", await page.InnerTextAsync("#legend"), StringComparison.Ordinal);
        Assert.True(await page.EvalOnSelectorAsync<bool>("#colouring option[value='england']", "o => o.disabled"), "comparison with England offered for a score");

        // every neighbourhood has a value, so every one is filled with one of the five quintile colours, none grey
        var rows = (await viewer.ApiAsync($"/api/indicators/demo-score/areas/{Place}/children")).GetProperty("rows").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("value").ValueKind));
        var legend = await LegendAsync(viewer);
        var quintiles = Enumerable.Range(0, 5).Select(q => legend["q" + q]).ToHashSet();
        var fills = await FillsAsync(viewer, "neighbourhood", rows.Select(r => r.GetProperty("code").GetString()!));
        Assert.Equal(rows.Count, fills.Count(quintiles.Contains));
        Assert.True(fills.Distinct().Count() >= 4, "the place's neighbourhoods fall in several quintiles");

        // the long name is not cut: the closed selector is as wide as its text
        var widths = await page.EvaluateAsync<double[]>(
            "() => { const s = document.getElementById('indicator'); const c = document.createElement('canvas').getContext('2d'); " +
            "c.font = getComputedStyle(s).font; return [c.measureText(s.options[s.selectedIndex].text).width, s.clientWidth]; }");
        Assert.True(widths[1] >= widths[0], $"the selector is {widths[1]}px wide for a name of {widths[0]}px");
        await viewer.ScreenshotAsync("score-quintiles");

        // the inequality lens and hotspot classes do not apply to a score: each says why in words
        AssertNoRawCode(await PanelTextAsync(viewer), "score");
        Assert.Contains("is a score", await page.InnerTextAsync("#inequality .why"), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task DistrictData_UnavailableAnalyses_StateTheirReasonInWords_AndCoverageIsNamed()
    {
        // figures by district (place) for all but one place of the ICP's system: published by place
        var places = new[] { "X06000004", "X06000006", "X06000007", "X06000008", "X06000011" };
        var csv = new StringBuilder("district,year,admissions,population\n");
        foreach (var (p, i) in places.Select((p, i) => (p, i)))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{p},2024,{400 + 50 * i},{100000 + 5000 * i}\n");
        }

        await Host.UploadAsync("id=district-admissions&area=district&count=admissions&denominator=population&period=year&areaLevel=place&polarity=higher-is-worse",
            csv.ToString());

        // the place: the inequality lens says why not, in words, with what to do instead; no status
        var viewer = await ViewerPage.OpenAsync(Host, $"#ind=district-admissions&area={Place}&col=gistar");
        await viewer.WaitForViewAsync(Place, null, "gistar");
        var page = viewer.Page;
        await page.WaitForSelectorAsync("#inequality .why");
        var inequality = await page.InnerTextAsync("#inequality");
        Assert.Contains("published by place, not by neighbourhood", inequality, StringComparison.Ordinal);
        Assert.Contains("instead", inequality, StringComparison.Ordinal);
        Assert.DoesNotContain("district-admissions", inequality, StringComparison.Ordinal);
        // the Gi* colouring gives its own reason, not the inequality lens's
        var legend = await page.InnerTextAsync("#legend");
        Assert.Contains("no neighbourhood hotspot classes", legend, StringComparison.Ordinal);
        Assert.DoesNotContain("deprivation", legend, StringComparison.Ordinal);
        // and the hotspot list
        Assert.Contains("no neighbourhood hotspots", await page.InnerTextAsync("#hotspots"), StringComparison.Ordinal);
        AssertNoRawCode(await PanelTextAsync(viewer), "district data");
        await page.Locator("#inequality-section").ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync("unavailable-in-words");

        // an ICP with a place the file leaves out: its figure stands on part of its population, and the panel says how much
        // and which place is missing
        const string central = "X-ICP-CENTRAL";
        var icp = await ViewerPage.OpenAsync(Host, $"#ind=district-admissions&area={central}&col=england");
        await icp.WaitForViewAsync(central);
        var row = (await icp.ApiAsync($"/api/indicators/district-admissions/areas/{central}")).GetProperty("row");
        var coverage = row.GetProperty("coverage").GetDouble();
        Assert.True(coverage is > 0 and < 1, $"coverage {coverage}");
        var said = await icp.FieldAsync("coverage");
        Assert.StartsWith($"Based on {Math.Round(coverage * 100).ToString(CultureInfo.InvariantCulture)}% of the population", said, StringComparison.Ordinal);
        Assert.Contains("no data for 1 of 2 places (Nethramere (part in Tesseley and Zellfield))", said, StringComparison.Ordinal);
        AssertNoRawCode(await PanelTextAsync(icp), central);
        await icp.ScreenshotAsync("coverage");
        Assert.DoesNotContain(icp.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }
}
