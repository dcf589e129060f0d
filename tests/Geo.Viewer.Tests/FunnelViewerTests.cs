using System.Globalization;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests;

/// <summary>
/// The funnel plot's limits in headless chromium on the demo (issue 19 §1): the test of overdispersion's choice by default (as
/// the hotspot list's), exact, φ or random effects on request, the plot, the note under it and the export links all from the
/// children endpoint's answer with that funnel.
/// </summary>
public sealed class FunnelViewerTests(DemoViewerFixture fixture) : IClassFixture<DemoViewerFixture>
{
    private const string Indicator = "copd-emergency-admissions";
    private const string Place = "X06000001";

    private ViewerHost Host => fixture.Host;

    private static Task WaitForFunnelAsync(ViewerPage viewer, string adjustment) => viewer.Page.WaitForFunctionAsync(
        "a => { const v = window.geoViewer && window.geoViewer.view; return !!v && v.funnel === a; }", adjustment,
        new PageWaitForFunctionOptions { Timeout = 30_000 });

    [ChromiumFact]
    public async Task FunnelLimits_ByDefaultTheTestsChoice_PhiAndExactOnRequest_PlotNoteAndExportsFollow()
    {
        var viewer = await ViewerPage.OpenAsync(Host, $"#ind={Indicator}&area={Place}");
        await viewer.WaitForViewAsync(Place);
        // the demo's COPD pools are overdispersed (p < 0.05): the test chooses random effects
        await WaitForFunnelAsync(viewer, "random-effects");
        var page = viewer.Page;
        Assert.Equal("", await page.InputValueAsync("#funnel-adjustment"));
        Assert.Contains("random-effects limits around England's value (τ² added to each area's variance), chosen by the test of overdispersion",
            await page.InnerTextAsync("#funnel-note"), StringComparison.Ordinal);
        Assert.Contains("funnel=test", await page.GetAttributeAsync("#export-children-csv", "href"), StringComparison.Ordinal);
        var testDots = await page.Locator("#funnel-chart circle").EvaluateAllAsync<string[]>("cs => cs.map(c => c.getAttribute('fill'))");

        await page.SelectOptionAsync("#funnel-adjustment", "poisson");
        await WaitForFunnelAsync(viewer, "poisson");
        Assert.Contains("fun=poisson", page.Url, StringComparison.Ordinal);
        Assert.Contains("exact Poisson/binomial limits", await page.InnerTextAsync("#funnel-note"), StringComparison.Ordinal);
        var exactDots = await page.Locator("#funnel-chart circle").EvaluateAllAsync<string[]>("cs => cs.map(c => c.getAttribute('fill'))");
        Assert.NotEqual(testDots, exactDots);

        await page.SelectOptionAsync("#funnel-adjustment", "phi");
        await WaitForFunnelAsync(viewer, "phi");
        Assert.Contains("fun=phi", page.Url, StringComparison.Ordinal);
        var period = await page.EvaluateAsync<string>("() => window.geoViewer.view.period");
        var answer = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Place}/children?period={Uri.EscapeDataString(period)}&pool=5&funnel=phi");
        var funnel = answer.GetProperty("funnel");
        var note = await page.InnerTextAsync("#funnel-note");
        Assert.Contains("widened by the overdispersion factor φ", note, StringComparison.Ordinal);
        Assert.Contains($"These {funnel.GetProperty("units").GetInt32()} neighbourhoods vary "
            + $"{funnel.GetProperty("phi").GetDouble().ToString("N2", CultureInfo.InvariantCulture)} times", note, StringComparison.Ordinal);
        // fewer outliers: each plotted neighbourhood takes its adjusted position's colour
        var rows = answer.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Number).ToArray();
        var positions = await page.Locator("#funnel-chart circle").EvaluateAllAsync<string[][]>("cs => cs.map(c => [c.dataset.code, c.querySelector('title').textContent])");
        Assert.Equal(rows.Length, positions.Length);
        Assert.NotEqual(exactDots, await page.Locator("#funnel-chart circle").EvaluateAllAsync<string[]>("cs => cs.map(c => c.getAttribute('fill'))"));
        Assert.Contains("funnel=phi", await page.GetAttributeAsync("#export-children-csv", "href"), StringComparison.Ordinal);
        Assert.Contains("funnel=phi", await page.GetAttributeAsync("#export-children-geojson", "href"), StringComparison.Ordinal);
        await page.Locator("#funnel-chart").ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync("funnel-phi");

        await page.SelectOptionAsync("#funnel-adjustment", "");
        await WaitForFunnelAsync(viewer, "random-effects");
        Assert.DoesNotContain("fun=", page.Url, StringComparison.Ordinal);
        Assert.Equal(testDots, await page.Locator("#funnel-chart circle").EvaluateAllAsync<string[]>("cs => cs.map(c => c.getAttribute('fill'))"));
        Assert.DoesNotContain(viewer.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }
}
