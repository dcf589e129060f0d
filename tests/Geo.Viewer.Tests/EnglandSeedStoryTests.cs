using System.Text.Json;
using Geo.Tests;

namespace Geo.Viewer.Tests;

/// <summary>
/// The seed story on real England data (issue 11): from England, three clicks (North East and North Cumbria on the map, then →
/// Tees Valley ICP → Middlesbrough) reach Middlesbrough's neighbourhoods coloured by COPD prevalence (QOF 2021/22,
/// practices attributed to neighbourhoods), with its hotspots listed; every step is coloured without touching a setting.
/// </summary>
public sealed class EnglandSeedStoryTests
{
    private const string Indicator = "copd-prevalence-qof-2021-22";
    private const string Nenc = "E54000050";
    private const string Middlesbrough = "E06000002";

    /// <summary>A view of England's levels may take a while on a loaded 2-core machine; timings belong in the benchmarks.</summary>
    private const int Slow = 120_000;

    [EnglandChromiumFact]
    public async Task SeedStory_ThreeClicksFromEngland_ReachMiddlesbroughsNeighbourhoodsColouredWithHotspots()
    {
        var manifest = Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json");
        // tile bands built before the browser starts, as geo serve does in the background: the test is about the drill
        await using var host = await ViewerHost.StartAsync(manifest, SharedData.EnglandDirectory, warmTiles: true);
        var viewer = await ViewerPage.OpenAsync(host);
        await viewer.WaitForViewAsync("E92000001", timeoutMs: Slow);
        Assert.Equal(Indicator, await viewer.Page.InputValueAsync("#indicator"));
        await AssertColouredAsync(viewer, "system", "E92000001");

        await viewer.ClickFeatureAsync("system", Nenc);
        await viewer.WaitForViewAsync(Nenc, timeoutMs: Slow);
        await AssertColouredAsync(viewer, "icp", Nenc);

        var icps = await viewer.ApiAsync($"/api/areas/{Nenc}");
        var teesValley = icps.GetProperty("children").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString()!.Contains("Tees Valley", StringComparison.OrdinalIgnoreCase))
            .GetProperty("code").GetString()!;
        await ClickChildAsync(viewer, teesValley);
        await viewer.WaitForViewAsync(teesValley, timeoutMs: Slow);
        await AssertColouredAsync(viewer, "place", teesValley);

        await ClickChildAsync(viewer, Middlesbrough);
        await viewer.WaitForViewAsync(Middlesbrough, timeoutMs: Slow);
        var coloured = await AssertColouredAsync(viewer, "neighbourhood", Middlesbrough);
        Assert.True(coloured > 80, $"{coloured} of Middlesbrough's neighbourhoods coloured");
        await viewer.Page.WaitForSelectorAsync("#hotspots button.hotspot");
        Assert.True(await viewer.Page.Locator("#hotspots button.hotspot").CountAsync() >= 5);
        await viewer.ScreenshotAsync("england-seed-story");
        Assert.Empty(viewer.Errors);
    }

    /// <summary>Clicks the child in the panel's list of children: on England's wide systems the map's point of a child can lie
    /// under the side panel, and the list is the same drill.</summary>
    private static Task ClickChildAsync(ViewerPage viewer, string code) =>
        viewer.Page.ClickAsync($"#children-chart button.child[data-code='{code}']");

    /// <summary>Every child of <paramref name="area"/> with a published value has a fill on the map; returns how many.</summary>
    private static async Task<int> AssertColouredAsync(ViewerPage viewer, string level, string area)
    {
        var children = await viewer.ApiAsync($"/api/indicators/{Indicator}/areas/{area}/children");
        var withValue = children.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("value").ValueKind == JsonValueKind.Number)
            .Select(r => r.GetProperty("code").GetString()).ToArray();
        Assert.NotEmpty(withValue);
        var filled = await viewer.Page.EvaluateAsync<int>(
            "([level, codes]) => codes.filter(c => window.geoViewer.map.getFeatureState({ source: level, sourceLayer: level, id: c }).fill).length",
            new object[] { level, withValue });
        Assert.Equal(withValue.Length, filled);
        return filled;
    }
}
