using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests;

/// <summary>
/// Two indicators side by side in the viewer (issue 19 §3): the demo's admissions beside a user's second indicator across a
/// place's neighbourhoods, the page checked against the bivariate API's own answer: the 3×3 legend with both names, ρ and its
/// interval in words with the children left out counted, one scatter point per pair, and each paired neighbourhood filled
/// with its class's colour.
/// </summary>
public sealed class BivariateViewerTests(DemoViewerFixture fixture) : IClassFixture<DemoViewerFixture>
{
    private const string Indicator = "copd-emergency-admissions";
    private const string Second = "smokers";
    private const string SecondName = "Smokers (synthetic)";
    private const string Place = "X06000001"; // 121 neighbourhoods

    /// <summary>The expected palette, written out here as the legend's specification: pink across (first), blue up (second).</summary>
    private static readonly Dictionary<string, string> Palette = new(StringComparer.Ordinal)
    {
        ["1-1"] = "#e9e9e9",
        ["2-1"] = "#de9fba",
        ["3-1"] = "#c93d7a",
        ["1-2"] = "#95c2d3",
        ["2-2"] = "#8e84a7",
        ["3-2"] = "#80336e",
        ["1-3"] = "#2c89b0",
        ["2-3"] = "#2a5d8c",
        ["3-3"] = "#26245c",
    };

    private ViewerHost Host => fixture.Host;

    /// <summary>The feature-state fill of each neighbourhood, as the map draws it.</summary>
    private static Task<string[]> FillsAsync(IPage page, string[] codes) => page.EvaluateAsync<string[]>(
        "codes => codes.map(c => window.geoViewer.map.getFeatureState({ source: 'neighbourhood', sourceLayer: 'neighbourhood', id: c }).fill ?? '')", codes);

    /// <summary>A second indicator for every demo neighbourhood; every 9th has a count of 1 to 7, so is suppressed.</summary>
    private static string SecondCsv()
    {
        var csv = new StringBuilder("lsoa21cd,year,smokers,population\n");
        for (var i = 1; i <= 2400; i++)
        {
            var count = i % 9 == 0 ? 1 + (i % 7) : 30 + (i * 37 % 90);
            csv.Append(CultureInfo.InvariantCulture, $"X01{i:000000},2024,{count},{1000 + (i * 13 % 400)}\n");
        }

        return csv.ToString();
    }

    [ChromiumFact]
    public async Task Place_BesideASecondIndicator_DrawsClassesLegendRhoAndScatterOfThePairs()
    {
        await Host.UploadAsync($"id={Second}&name={Uri.EscapeDataString(SecondName)}&area=lsoa21cd&count=smokers&denominator=population&period=year"
            + "&valueType=crude-rate&polarity=higher-is-worse", SecondCsv());
        var viewer = await ViewerPage.OpenAsync(Host, $"#ind={Indicator}&area={Place}&with={Second}");
        await viewer.WaitForViewAsync(Place);
        var page = viewer.Page;
        await page.WaitForFunctionAsync("() => window.geoViewer.view.with === 'smokers'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.Equal("bivariate", await page.EvaluateAsync<string>("() => window.geoViewer.view.coloured"));
        Assert.Equal(Second, await page.InputValueAsync("#with"));

        var period = await page.EvaluateAsync<string>("() => window.geoViewer.view.period");
        var answer = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Place}/bivariate?with={Second}&periodX={Uri.EscapeDataString(period)}");
        var pairs = answer.GetProperty("pairs").EnumerateArray().ToArray();
        var suppressed = answer.GetProperty("suppressed").GetInt32();
        var noValue = answer.GetProperty("noValue").GetInt32();
        Assert.True(pairs.Length >= 90, $"{pairs.Length} pairs");
        Assert.True(suppressed >= 10, $"{suppressed} suppressed"); // every 9th neighbourhood's second count is small
        var indicatorName = (await viewer.ApiAsync("/api/dataset")).GetProperty("indicators").EnumerateArray()
            .First(i => i.GetProperty("id").GetString() == Indicator).GetProperty("name").GetString()!;

        // the legend: nine cells with the pairs' counts, axes naming both indicators low → high
        var cells = await page.Locator("#legend .bv-cell").EvaluateAllAsync<string[][]>("cs => cs.map(c => [c.dataset.class, c.dataset.colour, c.textContent])");
        Assert.Equal(9, cells.Length);
        foreach (var cell in cells)
        {
            Assert.Equal(Palette[cell[0]], cell[1]);
            var n = pairs.Count(p => p.GetProperty("bivariateClass").GetString() == cell[0]);
            Assert.Equal(n == 0 ? "" : n.ToString(CultureInfo.InvariantCulture), cell[2]);
        }

        Assert.Equal($"{indicatorName}: low → high", await page.InnerTextAsync("#bv-axis-x"));
        Assert.Equal($"{SecondName}: low → high", await page.InnerTextAsync("#bv-axis-y"));
        // the children not paired are keyed apart (suppressed by the first indicator, or not paired otherwise): as many as the API left out
        var left = await page.Locator("#legend li .n").EvaluateAllAsync<string[]>("ns => ns.map(n => n.textContent)");
        Assert.Equal(suppressed + noValue, left.Sum(n => int.Parse(n.Trim('(', ')'), CultureInfo.InvariantCulture)));

        // ρ and its interval in words, as the API computed them, and the children left out counted
        var s = answer.GetProperty("spearman");
        string F(string name) => s.GetProperty(name).GetDouble().ToString("F2", CultureInfo.InvariantCulture);
        var rho = await page.InnerTextAsync("#bivariate-rho");
        Assert.Contains($"Spearman's ρ = {F("rho")} (95% CI {F("lower95")} to {F("upper95")}) across {pairs.Length} neighbourhoods", rho, StringComparison.Ordinal);
        Assert.Contains($"{suppressed + noValue} neighbourhoods without a published value of both indicators ({suppressed} suppressed, {noValue} with no value) are not paired.",
            rho, StringComparison.Ordinal);

        // one scatter point per pair, and never one for a neighbourhood left out
        var points = await page.Locator("#bivariate svg.scatter circle.pair").EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.code)");
        Assert.Equal(pairs.Select(p => p.GetProperty("code").GetString()!).Order(StringComparer.Ordinal), points.Order(StringComparer.Ordinal));

        // the map: each paired neighbourhood filled with its class's colour
        var codes = pairs.Select(p => p.GetProperty("code").GetString()!).ToArray();
        var fills = await FillsAsync(page, codes);
        Assert.Equal(pairs.Select(p => Palette[p.GetProperty("bivariateClass").GetString()!]), fills);
        // and a neighbourhood left out is in none of the nine colours, so it reads as no class, not as low on both
        var children = (await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{Place}/children?period={Uri.EscapeDataString(period)}&pool=5"))
            .GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).Except(codes).ToArray();
        Assert.Equal(suppressed + noValue, children.Length);
        var leftFills = await FillsAsync(page, children);
        Assert.All(leftFills, f => Assert.DoesNotContain(f, Palette.Values));

        // the pairs as CSV: a header and one line per pair
        var href = await page.GetAttributeAsync("#export-bivariate-csv", "href");
        var csv = await new HttpClient().GetStringAsync(Host.BaseUrl + href);
        Assert.Equal(pairs.Length + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // a point clicked selects its neighbourhood, which the scatter then rings
        var chosen = codes[codes.Length / 2];
        await page.Locator($"#bivariate circle.pair[data-code='{chosen}']").DispatchEventAsync("click");
        await viewer.WaitForViewAsync(Place, chosen);
        Assert.Equal(chosen, await page.GetAttributeAsync("#bivariate circle.pair.selected", "data-code"));
        Assert.Equal(1, await page.Locator("#bivariate circle.pair.selected").CountAsync());

        await page.Locator("#bivariate-section").ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync("bivariate");
        Assert.DoesNotContain(viewer.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task SecondIndicatorNone_PutsBackTheIndicatorsOwnColouring()
    {
        var viewer = await ViewerPage.OpenAsync(Host, $"#ind={Indicator}&area={Place}&with={Indicator}");
        await viewer.WaitForViewAsync(Place);
        var page = viewer.Page;
        // the same indicator twice is no bivariate view: the ordinary colouring and no section
        Assert.Equal("england", await page.EvaluateAsync<string>("() => window.geoViewer.view.coloured"));
        Assert.True(await page.Locator("#bivariate-section").IsHiddenAsync());
        Assert.Equal("", await page.InputValueAsync("#with"));
        Assert.Equal(0, await page.Locator("#legend .bv-cell").CountAsync());
        Assert.Equal(JsonValueKind.Null, (await page.EvaluateAsync<JsonElement>("() => window.geoViewer.view.with")).ValueKind);
    }
}
