using Microsoft.Playwright;

namespace Geo.Viewer.Tests;

/// <summary>The panel's trend, SPC chart and the Pool periods control in headless chromium on the synthetic demo.</summary>
public sealed class TrendViewerTests(DemoViewerFixture fixture) : IClassFixture<DemoViewerFixture>
{
    private const string Indicator = "copd-emergency-admissions";

    // The demo place that steps up in 2021/22 by design.
    private const string Shifted = "X06000005";

    private ViewerHost Host => fixture.Host;

    /// <summary>A user's yearly indicator for every demo neighbourhood, 2014 to 2023, 1,000 people each, admissions by a rule.</summary>
    private static string YearlyCsv(Func<int, int, int> admissions)
    {
        var csv = new System.Text.StringBuilder("LSOA21CD,year,admissions,population\n");
        for (var i = 1; i <= 2400; i++)
        {
            for (var year = 2014; year <= 2023; year++)
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"X01{i:000000},{year},{admissions(i, year)},1000\n");
            }
        }

        return csv.ToString();
    }

    private static Task WaitForPoolAsync(ViewerPage viewer, int pool) => viewer.Page.WaitForFunctionAsync(
        "p => { const v = window.geoViewer && window.geoViewer.view; return !!v && v.pool === p && v.trend !== undefined; }", pool,
        new PageWaitForFunctionOptions { Timeout = 30_000 });

    [ChromiumFact]
    public async Task Place_ShowsItsTrendAndSpcChartWithSpecialCausesInWords()
    {
        // A user's yearly indicator that steps up in 2021 everywhere: ten single years, a run of 7 below the mean, then points
        // above the upper limit. (The demo's own admissions are five-year pools, whose six overlapping points are smooth.)
        await Host.UploadAsync("id=stepped&name=Stepped&area=LSOA21CD&count=admissions&denominator=population&period=year"
            + "&valueType=crude-rate&polarity=higher-is-worse", YearlyCsv((i, year) => (year < 2021 ? 40 : 60) + ((i + year) % 5)));
        var viewer = await ViewerPage.OpenAsync(Host, $"#ind=stepped&area={Shifted}");
        await viewer.WaitForViewAsync(Shifted);
        var page = viewer.Page;

        var trend = await viewer.ApiAsync($"/api/indicators/stepped/areas/{Shifted}/trend");
        var marker = trend.GetProperty("marker");
        Assert.Equal(marker.GetProperty("direction").GetString(), await page.GetAttributeAsync("#trend-marker", "data-direction"));
        Assert.Contains(marker.GetProperty("words").GetString()!, await page.InnerTextAsync("#trend-marker"), StringComparison.Ordinal);

        // Ten years: a whisker and a dot each on the trend chart; the control chart marks its special causes.
        Assert.Equal(10, await page.Locator(".trend-chart circle").CountAsync());
        var specials = trend.GetProperty("chart").GetProperty("points").EnumerateArray()
            .Where(p => p.GetProperty("variation").GetString() != "common-cause").ToArray();
        Assert.True(specials.Length >= 7, $"{specials.Length} special-cause points");
        Assert.Equal(specials.Length, await page.Locator(".spc-chart circle.special").CountAsync());
        Assert.Equal(specials.Length, await page.Locator("#spc-causes li").CountAsync());
        var causes = await page.InnerTextAsync("#spc-causes");
        Assert.Contains("part of a run of 7 or more below the mean", causes, StringComparison.Ordinal);
        Assert.Contains("above the upper control limit", causes, StringComparison.Ordinal);
        Assert.Contains("special cause of concern", causes, StringComparison.Ordinal);
        Assert.Contains("u-chart", await page.InnerTextAsync("#trend"), StringComparison.Ordinal); // a crude rate

        await page.Locator("#trend-section").ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync("trend");
        Assert.DoesNotContain(viewer.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task PoolPeriods_ShowTheIndicatorsOnePublicationPoolAndCannotBeMixed()
    {
        // ?pool=3 on the demo's admissions, published in five-year pools, is put back to 5: two windowings of the same counts
        // could be subtracted to recover a suppressed one (docs/methods.md, "Pooled periods and suppression").
        var viewer = await ViewerPage.OpenAsync(Host, $"#ind={Indicator}&area={Shifted}&pool=3");
        await viewer.WaitForViewAsync(Shifted);
        await WaitForPoolAsync(viewer, 5);
        var page = viewer.Page;
        Assert.Contains("pool=5", page.Url, StringComparison.Ordinal);
        Assert.True(await page.IsDisabledAsync("#pool"));
        Assert.Equal("5", await page.InputValueAsync("#pool"));
        Assert.Equal("2019/20 - 2023/24", (await page.InnerTextAsync("#period option:checked")).Trim());
        // Ten years make six pools, each a point of the trend.
        Assert.Equal(6, await page.Locator(".trend-chart circle").CountAsync());
        Assert.DoesNotContain(viewer.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task LaneySwitch_UnderAUChart_DrawsTheUPrimeChartOfTheApi_AndBack()
    {
        // A yearly crude rate whose years vary far more than Poisson allows (large denominators): Laney's u′ widens the limits.
        await Host.UploadAsync("id=wobbly&name=Wobbly&area=LSOA21CD&count=admissions&denominator=population&period=year"
            + "&valueType=crude-rate&polarity=higher-is-worse", YearlyCsv((i, year) => 40 + (year % 3 * 12) + ((i + year) % 5)));
        var viewer = await ViewerPage.OpenAsync(Host, $"#ind=wobbly&area={Shifted}");
        await viewer.WaitForViewAsync(Shifted);
        var page = viewer.Page;
        await page.WaitForFunctionAsync("() => window.geoViewer.view.trend && window.geoViewer.view.trend.chart === 'u'", null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.StartsWith("u-chart", await page.InnerTextAsync("#spc-title"), StringComparison.Ordinal);
        Assert.False(await page.IsCheckedAsync("#spc-laney"));

        await page.CheckAsync("#spc-laney");
        await page.WaitForFunctionAsync("() => window.geoViewer.view.trend && window.geoViewer.view.trend.chart === 'uprime'", null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.Contains("spc=laney", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("Laney u′-chart", await page.InnerTextAsync("#spc-title"), StringComparison.Ordinal);
        var laney = await viewer.ApiAsync($"/api/indicators/wobbly/areas/{Shifted}/trend?chart=uprime");
        var u = await viewer.ApiAsync($"/api/indicators/wobbly/areas/{Shifted}/trend");
        var specials = laney.GetProperty("chart").GetProperty("points").EnumerateArray().Count(p => p.GetProperty("variation").GetString() != "common-cause");
        Assert.Equal(specials, await page.Locator(".spc-chart circle.special").CountAsync());
        // wider than the u-chart's: the years vary more than chance
        var first = (laney.GetProperty("chart").GetProperty("points")[0], u.GetProperty("chart").GetProperty("points")[0]);
        Assert.True(first.Item1.GetProperty("upperLimit").GetDouble() > first.Item2.GetProperty("upperLimit").GetDouble(), laney.ToString());
        Assert.Contains("σ_z", await page.InnerTextAsync("#trend"), StringComparison.Ordinal);
        await page.Locator("#trend-section").ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync("trend-laney");

        await page.UncheckAsync("#spc-laney");
        await page.WaitForFunctionAsync("() => window.geoViewer.view.trend && window.geoViewer.view.trend.chart === 'u'", null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.DoesNotContain(viewer.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }
}
