using System.Text.Json;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests;

/// <summary>The panel's trend, SPC chart and the Pool periods control in headless chromium on the synthetic demo.</summary>
public sealed class TrendViewerTests(DemoViewerFixture fixture) : IClassFixture<DemoViewerFixture>
{
    private const string Indicator = "copd-emergency-admissions";

    // The demo place that steps up in 2021/22 by design (a run of 7 below the mean, then points above the upper limit).
    private const string Shifted = "X06000005";

    private ViewerHost Host => fixture.Host;

    private static Task WaitForPoolAsync(ViewerPage viewer, int pool) => viewer.Page.WaitForFunctionAsync(
        "p => { const v = window.geoViewer && window.geoViewer.view; return !!v && v.pool === p && v.trend !== undefined; }", pool,
        new PageWaitForFunctionOptions { Timeout = 30_000 });

    private static async Task<int> ChildrenWithValueAsync(ViewerPage viewer) =>
        await viewer.Page.Locator("#children-chart button.child:not(.muted)").CountAsync();

    [ChromiumFact]
    public async Task Place_ShowsItsTrendAndSpcChartWithSpecialCausesInWords()
    {
        var viewer = await ViewerPage.OpenAsync(Host, $"#ind={Indicator}&area={Shifted}");
        await viewer.WaitForViewAsync(Shifted);
        var page = viewer.Page;

        var trend = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Shifted}/trend");
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
        Assert.Contains("XmR chart", await page.InnerTextAsync("#trend"), StringComparison.Ordinal);

        await page.Locator("#trend-section").ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync("trend");
        Assert.DoesNotContain(viewer.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task PoolPeriods_LabelsThePoolAndShowsMoreNeighbourhoods()
    {
        var viewer = await ViewerPage.OpenAsync(Host, $"#ind={Indicator}&area={Shifted}");
        await viewer.WaitForViewAsync(Shifted);
        var page = viewer.Page;
        await WaitForPoolAsync(viewer, 1);
        var shown = new List<int> { await ChildrenWithValueAsync(viewer) };
        Assert.Equal("2023/24", await page.InnerTextAsync("#period option:checked"));

        foreach (var (pool, label) in new[] { (3, "2021/22 - 2023/24"), (5, "2019/20 - 2023/24") })
        {
            await page.SelectOptionAsync("#pool", pool.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await WaitForPoolAsync(viewer, pool);
            Assert.Contains($"pool={pool}", page.Url, StringComparison.Ordinal);
            Assert.Equal(label, (await page.InnerTextAsync("#period option:checked")).Trim());
            Assert.Contains(label, await page.InnerTextAsync("#summary .meta"), StringComparison.Ordinal);
            Assert.Equal(label, await page.EvaluateAsync<string>("window.geoViewer.view.periodLabel"));
            shown.Add(await ChildrenWithValueAsync(viewer));
        }

        // The place's neighbourhoods with a value grow with the pool; the API's rows say the same.
        Assert.True(shown[0] < shown[1] && shown[1] < shown[2], $"neighbourhoods with a value at pool 1, 3, 5: {string.Join(", ", shown)}");
        for (var i = 0; i < 3; i++)
        {
            var pool = new[] { 1, 3, 5 }[i];
            var rows = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Shifted}/children?pool={pool}");
            Assert.Equal(rows.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("value").ValueKind == JsonValueKind.Number), shown[i]);
        }

        await viewer.ScreenshotAsync("pooled");
        Assert.DoesNotContain(viewer.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }
}
