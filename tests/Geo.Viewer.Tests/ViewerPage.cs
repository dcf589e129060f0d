using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests;

/// <summary>A browser page on the viewer, with waits on the view it reports (<c>window.geoViewer.view</c>).</summary>
public sealed class ViewerPage(IPage page, string baseUrl)
{
    private static readonly HttpClient Http = new();

    public IPage Page { get; } = page;

    /// <summary>The page's console errors and uncaught exceptions, for failure messages.</summary>
    public List<string> Errors { get; } = [];

    public static async Task<ViewerPage> OpenAsync(ViewerHost host, string hash = "", int width = 1280, int height = 800)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var viewer = new ViewerPage(page, host.BaseUrl);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                viewer.Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => viewer.Errors.Add(error);
        await page.GotoAsync(host.BaseUrl + "/" + hash);
        return viewer;
    }

    /// <summary>Waits until the map is idle with the children of <paramref name="area"/> drawn (and <paramref name="sel"/> selected).</summary>
    /// <param name="timeoutMs">How long to wait: 30 s on the demo; more for the first views of full England on a busy machine.</param>
    public async Task WaitForViewAsync(string area, string? sel = null, string? col = null, int timeoutMs = 30_000)
    {
        try
        {
            await Page.WaitForFunctionAsync(
                "([a, s, c]) => { const v = window.geoViewer && window.geoViewer.view; return !!v && v.area === a && v.sel === s && (c === null || v.col === c); }",
                new object?[] { area, sel, col },
                new PageWaitForFunctionOptions { Timeout = timeoutMs });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The view {area}/{sel} was not drawn. Page errors: {string.Join(" | ", Errors)}", e);
        }
    }

    /// <summary>Clicks the map where it draws the feature <paramref name="code"/> of <paramref name="level"/>.</summary>
    public async Task ClickFeatureAsync(string level, string code)
    {
        var (x, y) = await PointOfAsync(level, code);
        await Page.Mouse.ClickAsync(x, y);
    }

    /// <summary>Moves the pointer onto the map's feature <paramref name="code"/> of <paramref name="level"/>.</summary>
    public async Task HoverFeatureAsync(string level, string code)
    {
        var (x, y) = await PointOfAsync(level, code);
        await Page.Mouse.MoveAsync(x, y);
    }

    private async Task<(float X, float Y)> PointOfAsync(string level, string code)
    {
        var point = await Page.EvaluateAsync<JsonElement?>("([l, c]) => window.geoViewer.pagePointOf(l, c)", new[] { level, code });
        Assert.True(point is { ValueKind: JsonValueKind.Object }, $"{level} {code} is not drawn on the map");
        return (point.Value.GetProperty("x").GetSingle(), point.Value.GetProperty("y").GetSingle());
    }

    public async Task<string> FieldAsync(string name) => (await Page.InnerTextAsync($"#summary dd[data-field='{name}']")).Trim();

    public async Task<JsonElement> ApiAsync(string pathAndQuery)
    {
        var json = await Http.GetStringAsync(baseUrl + pathAndQuery);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>Saves a screenshot in the test output's screenshots folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>The panel's formats: one decimal for values, thousands separators for counts, '–' for none.</summary>
    public static string Value(JsonElement row, string column) =>
        row.GetProperty(column) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble().ToString("N1", CultureInfo.InvariantCulture) : "–";

    public static string Count(JsonElement row, string column) =>
        row.GetProperty(column) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble().ToString("N0", CultureInfo.InvariantCulture) : "–";

    public static string Interval(JsonElement row, string lower, string upper) =>
        row.GetProperty(lower).ValueKind == JsonValueKind.Number && row.GetProperty(upper).ValueKind == JsonValueKind.Number
            ? $"{Value(row, lower)} – {Value(row, upper)}"
            : "–";
}
