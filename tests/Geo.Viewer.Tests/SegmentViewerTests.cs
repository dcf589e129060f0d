using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests;

/// <summary>
/// Segments in headless chromium: a demo place's neighbourhoods clustered on the demo's admissions and a second indicator
/// uploaded for them (the demo has one), drawn on the map in the cluster's colour and listed with each cluster's size and
/// profile, against the API's own answer.
/// </summary>
public sealed class SegmentViewerTests(DemoViewerFixture fixture) : IClassFixture<DemoViewerFixture>
{
    private const string Indicator = "copd-emergency-admissions";
    private const string Mine = "my-rates";
    private const string Place = "X06000001";

    // the viewer's palette (web/src/segment.js), Okabe and Ito's eight colours, written out again
    private static readonly string[] Colours = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"];

    [ChromiumFact]
    public async Task Segment_DemoPlaceOnTwoIndicators_DrawsEachClusterInItsColourAndListsTheProfiles()
    {
        var api = new ViewerPage(null!, fixture.Host.BaseUrl);
        var children = await api.ApiAsync($"/api/indicators/{Indicator}/areas/{Place}/children");
        var csv = new StringBuilder("LSOA21CD,year,admissions,population\n");
        var i = 0;
        foreach (var row in children.GetProperty("rows").EnumerateArray())
        {
            i++;
            csv.Append(CultureInfo.InvariantCulture, $"{row.GetProperty("code").GetString()},2024,{10 + ((i * 7) % 60)},{1000 + ((i * 13) % 500)}\n");
        }

        await fixture.Host.UploadAsync($"id={Mine}&name=My%20rates&area=LSOA21CD&count=admissions&denominator=population&period=year"
            + "&valueType=crude-rate&polarity=higher-is-worse&fileName=mine.csv", csv.ToString());
        var viewer = await ViewerPage.OpenAsync(fixture.Host, $"#ind={Indicator}&area={Place}");
        await viewer.WaitForViewAsync(Place);
        var page = viewer.Page;

        var offered = await page.Locator("#segment-indicators input").EvaluateAllAsync<string[]>("cs => cs.map(c => c.value)");
        var ticked = await page.Locator("#segment-indicators input").EvaluateAllAsync<bool[]>("cs => cs.map(c => c.checked)");
        Assert.Equal([Indicator, Mine], offered);
        Assert.Equal([true, true], ticked);
        await page.SelectOptionAsync("#segment-k", "3");
        await page.ClickAsync("#segment-run");
        await page.WaitForFunctionAsync("() => { const s = window.geoViewer.segments; return s && s.drawn > 0; }", null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });

        var answer = await api.ApiAsync($"/api/areas/{Place}/segments?indicators={Indicator},{Mine}&k=3");
        var areas = answer.GetProperty("areas").EnumerateArray().ToArray();
        var codes = areas.Select(a => a.GetProperty("code").GetString()!).ToArray();
        var drawn = await page.EvaluateAsync<string[]>(
            "codes => codes.map(c => window.geoViewer.map.getFeatureState({ source: 'neighbourhood', sourceLayer: 'neighbourhood', id: c }).segment ?? '')",
            codes);
        Assert.Equal(areas.Select(a => Colours[a.GetProperty("cluster").GetInt32() - 1]), drawn);
        Assert.Equal(areas.Length, await page.EvaluateAsync<int>("() => window.geoViewer.segments.drawn"));
        Assert.Equal("visible", await page.EvaluateAsync<string>("() => window.geoViewer.map.getLayoutProperty('segment-fill', 'visibility')"));

        // the table: one row per cluster with its size and each indicator's mean ± sd as the panel formats them
        var clusters = answer.GetProperty("clusters").EnumerateArray().ToArray();
        var rows = page.Locator("#segment-profiles tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        for (var c = 0; c < clusters.Length; c++)
        {
            var cells = await rows.Nth(c).Locator("td").AllInnerTextsAsync();
            Assert.Equal(clusters[c].GetProperty("size").GetInt32().ToString("N0", CultureInfo.InvariantCulture), cells[0]);
            var profile = clusters[c].GetProperty("profile").EnumerateArray().ToArray();
            for (var j = 0; j < 2; j++)
            {
                Assert.Equal($"{ViewerPage.Value(profile[j], "mean")} ± {ViewerPage.Value(profile[j], "standardDeviation")}", cells[1 + j]);
            }
        }

        var left = answer.GetProperty("suppressed").GetInt32() + answer.GetProperty("noValue").GetInt32();
        Assert.Contains($"{areas.Length} of {answer.GetProperty("neighbourhoods").GetInt32()} neighbourhoods clustered", await page.InnerTextAsync("#segment-result"),
            StringComparison.Ordinal);
        Assert.True(left > 0, "the demo's pooled admissions suppress some neighbourhoods: they are left out");
        Assert.Equal(3, await page.Locator("#segment-legend li").CountAsync());
        await page.Locator("#segment-section").ScrollIntoViewIfNeededAsync();
        var path = await viewer.ScreenshotAsync("segments");
        Assert.True(new FileInfo(path).Length > 10_000);
        Assert.Empty(viewer.Errors);

        // another area: the segments are taken off the map
        await page.ClickAsync("#up");
        await page.WaitForFunctionAsync("() => window.geoViewer.segments.drawn === 0", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.True(await page.Locator("#segment-legend").IsHiddenAsync());
    }

    [ChromiumFact]
    public async Task Segment_OneIndicatorTicked_ShowsTheReason()
    {
        var viewer = await ViewerPage.OpenAsync(fixture.Host, $"#ind={Indicator}&area={Place}");
        await viewer.WaitForViewAsync(Place);
        var page = viewer.Page;
        var boxes = page.Locator("#segment-indicators input");
        for (var b = 1; b < await boxes.CountAsync(); b++)
        {
            await boxes.Nth(b).UncheckAsync();
        }

        await boxes.Nth(0).CheckAsync();
        await page.ClickAsync("#segment-run");
        await page.WaitForSelectorAsync("#segment-reason");

        Assert.Contains("need at least two indicators", await page.InnerTextAsync("#segment-reason"), StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.geoViewer.segments.drawn"));
    }
}
