using Microsoft.Playwright;

namespace Geo.Viewer.Tests;

/// <summary>The panel's "About this value" (data quality) and "Population" (pyramid, age-specific rates) sections in
/// headless chromium on the synthetic demo, each against the API's own answer.</summary>
public sealed class QualityViewerTests(DemoViewerFixture fixture) : IClassFixture<DemoViewerFixture>
{
    private const string Indicator = "copd-emergency-admissions";
    private const string Place = "X06000005";

    [ChromiumFact]
    public async Task Place_ShowsWhatLiesBehindItsValueAndItsPopulationPyramid()
    {
        var viewer = await ViewerPage.OpenAsync(fixture.Host, $"#ind={Indicator}&area={Place}", height: 1400);
        await viewer.WaitForViewAsync(Place);
        var page = viewer.Page;
        await page.WaitForFunctionAsync("() => { const v = window.geoViewer && window.geoViewer.view; return !!v && !!v.quality && !!v.population; }",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        var quality = (await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Place}/quality?pool=5")).GetProperty("quality");
        var suppression = quality.GetProperty("suppression");
        var suppressed = (await page.InnerTextAsync("dd[data-field='quality-suppressed']")).Trim();
        Assert.StartsWith($"{suppression.GetProperty("suppressed").GetInt32():N0} of {suppression.GetProperty("units").GetInt32():N0} neighbourhoods",
            suppressed, StringComparison.Ordinal);
        Assert.Contains("Resident population", await page.InnerTextAsync("dd[data-field='quality-denominator']"), StringComparison.Ordinal);
        Assert.Contains("synthetic neighbourhoods", await page.InnerTextAsync("dd[data-field='quality-vintages']"), StringComparison.Ordinal);
        Assert.Contains("read as published", await page.InnerTextAsync("dd[data-field='quality-inputs']"), StringComparison.Ordinal);

        // The pyramid: one labelled band per age band of the population, each saying its count.
        var population = await viewer.ApiAsync($"/api/areas/{Place}/population");
        var bands = population.GetProperty("bands").EnumerateArray().ToArray();
        Assert.Equal(bands.Length, await page.Locator("svg.pyramid g.band").CountAsync());
        var first = await page.GetAttributeAsync("svg.pyramid g.band[data-band='0-4']", "aria-label");
        Assert.StartsWith($"0-4: {bands[0].GetProperty("count").GetDouble():N0} people", first, StringComparison.Ordinal);

        // Age-specific rates: a row per broad band where the API shows them, the reason it withholds them otherwise.
        var rates = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Place}/age-rates?pool=5");
        if (rates.GetProperty("shown").GetBoolean())
        {
            var shown = rates.GetProperty("bands").EnumerateArray().ToArray();
            Assert.Equal(shown.Length, await page.Locator("table.age-rates tbody tr").CountAsync());
            var top = shown[^1];
            Assert.Contains(ViewerPage.Value(top, "rate"),
                await page.InnerTextAsync($"table.age-rates tr[data-band='{top.GetProperty("band").GetString()}']"), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(0, await page.Locator("table.age-rates").CountAsync());
            Assert.Contains("withheld", await page.InnerTextAsync("[data-field='age-rates-withheld']"), StringComparison.Ordinal);
        }

        await page.Locator("#quality-section").ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync("about-this-value");
        Assert.DoesNotContain(viewer.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }
}
