using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests;

/// <summary>"Add data" in headless chromium: the user's own CSV of demo neighbourhoods, uploaded to its own server.</summary>
public sealed class UploadViewerTests(DemoViewerFixture fixture) : IClassFixture<DemoViewerFixture>
{
    private const string Country = "X92000001";

    /// <summary>Every demo neighbourhood X01000001 … X01000400 in 2024, counts and denominators by a fixed rule.</summary>
    private static byte[] GoodCsv()
    {
        var csv = new StringBuilder("lsoa21cd,year,admissions,population\n");
        for (var i = 1; i <= 400; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"X01{i:000000},2024,{10 + (i * 13) % 40},{1200 + i * 3}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static async Task ChooseAsync(ViewerPage viewer, string name, byte[] content)
    {
        await viewer.Page.ClickAsync("#add-data");
        await viewer.Page.SetInputFilesAsync("#upload-file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
        await viewer.Page.WaitForFunctionAsync("() => !document.querySelector('#upload-submit').disabled");
    }

    [ChromiumFact]
    public async Task AddData_GoodCsv_GuessesColumnsUploadsAndColoursTheMapByIt()
    {
        var viewer = await ViewerPage.OpenAsync(fixture.Host);
        await viewer.WaitForViewAsync(Country);
        var page = viewer.Page;
        var failed = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                failed.Add($"{r.Status} {r.Url}");
            }
        };

        await ChooseAsync(viewer, "my-admissions.csv", GoodCsv());

        Assert.Equal("lsoa21cd", await page.InputValueAsync("#upload-area"));
        Assert.Equal("admissions", await page.InputValueAsync("#upload-count"));
        Assert.Equal("population", await page.InputValueAsync("#upload-denominator"));
        Assert.Equal("year", await page.InputValueAsync("#upload-period"));
        Assert.Equal("", await page.InputValueAsync("#upload-age-band"));
        Assert.Equal("my-admissions", await page.InputValueAsync("#upload-id"));
        await page.SelectOptionAsync("#upload-polarity", "higher-is-worse");
        await viewer.ScreenshotAsync("add-data");

        await page.ClickAsync("#upload-submit");
        await page.WaitForFunctionAsync("() => { const v = window.geoViewer.view; return v && v.ind === 'my-admissions' && v.area === 'X92000001'; }",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        Assert.Equal("my-admissions", await page.InputValueAsync("#indicator"));
        Assert.Equal("2024", await page.InputValueAsync("#period"));
        Assert.Contains("ind=my-admissions", page.Url, StringComparison.Ordinal);
        var systems = await viewer.ApiAsync($"/api/indicators/my-admissions/areas/{Country}/children?period=2024");
        var codes = systems.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray();
        Assert.True(codes.Length >= 2);
        var filled = await page.EvaluateAsync<int>(
            "codes => codes.filter(c => window.geoViewer.map.getFeatureState({ source: 'system', sourceLayer: 'system', id: c }).fill).length", codes);
        Assert.Equal(codes.Length, filled);
        Assert.Equal(codes.Length, await page.Locator("#children-chart button.child").CountAsync());
        Assert.True(failed.Count == 0, string.Join(" | ", failed));
    }

    [ChromiumFact]
    public async Task AddData_BadCsv_ListsEachLineFieldAndProblem()
    {
        var viewer = await ViewerPage.OpenAsync(fixture.Host);
        await viewer.WaitForViewAsync(Country);
        var page = viewer.Page;
        var csv = "lsoa21cd,year,admissions,population\nX01000001,2024,5,900\nX01000002,2024,-1,900\nZZ999,2024,4,900\nX01000004,2024,,900\n";

        await ChooseAsync(viewer, "bad.csv", Encoding.UTF8.GetBytes(csv));
        await page.ClickAsync("#upload-submit");
        await page.WaitForSelectorAsync("#upload-report table.problems");

        var rows = await page.Locator("#upload-report table.problems tbody tr").AllInnerTextsAsync();
        Assert.Equal(3, rows.Count);
        Assert.StartsWith("3\tadmissions\t'-1' is negative", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("4\tlsoa21cd\t'ZZ999' is not a neighbourhood code", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("5\tadmissions\tis empty", rows[2], StringComparison.Ordinal);
        Assert.Contains("Nothing was loaded", await page.InnerTextAsync("#upload-report"), StringComparison.Ordinal);
        Assert.True(await page.IsVisibleAsync("#upload-dialog"));
        await viewer.ScreenshotAsync("add-data-report");
    }
}
