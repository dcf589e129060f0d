using System.Globalization;
using System.Text;
using System.Text.Json;
using Geo.Tests;
using Xunit.Abstractions;

namespace Geo.Viewer.Tests;

/// <summary>
/// Times the viewer on full England in headless chromium: navigation start to the first coloured map
/// (the map idle with the systems' colours applied), and a drill click to the first frame with the children
/// drawn and coloured at the new camera (the viewer's 'drawn' mark; its 'idle' mark is the map at rest), at
/// each level. Medians over several fresh pages; the numbers go to docs/benchmarks.md.
/// </summary>
public sealed class ViewerBenchmark(ITestOutputHelper output)
{
    private const int Runs = 5;

    /// <summary>How long the pointer rests on a child before the click (GEO_VIEWER_BENCH_PAUSE, ms; default 300).</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable("GEO_VIEWER_BENCH_PAUSE"), out var ms) ? ms : 300);

    [ViewerBenchmarkFact]
    public async Task Viewer_FullEngland_FirstColouredMapAndDrills()
    {
        var manifest = Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json");
        await using var host = await ViewerHost.StartAsync(manifest, SharedData.England(), warmTiles: true);
        var first = new List<double>();
        var drills = new Dictionary<string, List<double>>();
        var phases = new Dictionary<string, Dictionary<string, List<double>>>();
        for (var run = 0; run < Runs; run++)
        {
            var viewer = await ViewerPage.OpenAsync(host);
            try
            {
                await viewer.Page.WaitForFunctionAsync("() => window.geoViewer && window.geoViewer.view", null, new() { Timeout = 60_000 });
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException("No view: " + string.Join(" | ", viewer.Errors), e);
            }

            first.Add(await viewer.Page.EvaluateAsync<double>("window.geoViewer.firstColouredMs"));
            var view = await viewer.Page.EvaluateAsync<JsonElement>("window.geoViewer.view");
            var area = view.GetProperty("area").GetString()!;
            var level = view.GetProperty("childLevel").GetString()!;
            // down to the neighbourhoods, each run into different children: a map click on the system, then the panel's entries
            while (level != "neighbourhood")
            {
                var children = await viewer.ApiAsync($"/api/areas/{area}");
                var list = children.GetProperty("children").EnumerateArray().ToList();
                var child = list[(run * 7) % list.Count].GetProperty("code").GetString()!;
                var before = await viewer.Page.EvaluateAsync<int>("window.geoViewer.drills.length");
                // the pointer arrives on the child, rests as a person's would before clicking (the viewer
                // prefetches on hover), then clicks: from the map for the systems, from the panel's entries below
                var entry = $"#children-chart button.child[data-code='{child}']";
                if (level == "system")
                {
                    await viewer.HoverFeatureAsync(level, child);
                }
                else
                {
                    await viewer.Page.HoverAsync(entry);
                }

                await Task.Delay(Pause);
                if (level == "system")
                {
                    await viewer.ClickFeatureAsync(level, child);
                }
                else
                {
                    await viewer.Page.ClickAsync(entry);
                }

                var drill = await WaitForDrillAsync(viewer, before, child);
                view = await viewer.Page.EvaluateAsync<JsonElement>("window.geoViewer.view");
                area = view.GetProperty("area").GetString()!;
                Record(drills, phases, $"{level} → {view.GetProperty("childLevel").GetString()}", drill);
                level = view.GetProperty("childLevel").GetString()!;
            }

            // the hotspot classes: recolour the place's neighbourhoods by Gi*, then up to the area above it,
            // whose neighbourhoods are classified and drawn under its places
            var count = await viewer.Page.EvaluateAsync<int>("window.geoViewer.drills.length");
            await viewer.Page.SelectOptionAsync("#colouring", "gistar");
            Record(drills, phases, "colour by Gi* classes (a place's neighbourhoods)", await WaitForDrillAsync(viewer, count, "gistar"));
            Assert.True(await viewer.Page.Locator("#legend li .n").CountAsync() > 0, "no class counted in the legend");
            count = await viewer.Page.EvaluateAsync<int>("window.geoViewer.drills.length");
            await viewer.Page.ClickAsync("#up");
            Record(drills, phases, "up a level with Gi* classes (its neighbourhoods under its places)", await WaitForDrillAsync(viewer, count, "up"));
            Assert.True(await viewer.Page.Locator("#legend li .n").CountAsync() > 0, "no class counted in the legend");
            if (run == 0)
            {
                await viewer.ScreenshotAsync("benchmark-gistar");
            }

            await viewer.Page.Context.CloseAsync();
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"pointer rests {Pause.TotalMilliseconds:F0} ms on a child before each click");
        report.AppendLine(CultureInfo.InvariantCulture, $"first coloured map: median {Median(first):F0} ms, runs {string.Join(", ", first.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}");
        foreach (var (key, times) in drills)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"drill {key}: median {Median(times):F0} ms, runs {string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}");
            // where the time goes: medians of the viewer's marks, ms after the click
            report.AppendLine(CultureInfo.InvariantCulture, $"  marks: {string.Join(", ", phases[key].Select(m => $"{m.Key} {Median(m.Value):F0}"))}");
        }

        output.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "viewer-benchmark.txt"), report.ToString());
    }

    private static async Task<JsonElement> WaitForDrillAsync(ViewerPage viewer, int before, string what)
    {
        try
        {
            await viewer.Page.WaitForFunctionAsync("n => window.geoViewer.drills.length > n", before, new() { Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            await viewer.ScreenshotAsync("benchmark-failure");
            var state = await viewer.Page.EvaluateAsync<string>("JSON.stringify({ view: window.geoViewer.view, drills: window.geoViewer.drills, error: window.geoViewer.error })");
            throw new TimeoutException($"{what}: not drawn: {viewer.Page.Url} {state} {string.Join(" | ", viewer.Errors)}", e);
        }

        return await viewer.Page.EvaluateAsync<JsonElement>("window.geoViewer.drills[window.geoViewer.drills.length - 1]");
    }

    private static void Record(Dictionary<string, List<double>> drills, Dictionary<string, Dictionary<string, List<double>>> phases, string key, JsonElement drill)
    {
        if (!drills.TryGetValue(key, out var times))
        {
            drills[key] = times = [];
        }

        times.Add(drill.GetProperty("ms").GetDouble());
        if (!phases.TryGetValue(key, out var marks))
        {
            phases[key] = marks = [];
        }

        foreach (var mark in drill.GetProperty("marks").EnumerateObject().Where(m => !m.Name.StartsWith('$')))
        {
            if (!marks.TryGetValue(mark.Name, out var at))
            {
                marks[mark.Name] = at = [];
            }

            // Playwright hands some numbers back as strings
            at.Add(mark.Value.ValueKind == JsonValueKind.Number ? mark.Value.GetDouble() : double.Parse(mark.Value.GetString()!, CultureInfo.InvariantCulture));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
