using Geo.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests;

/// <summary>
/// The real server (<see cref="GeoServer"/>, Kestrel on a free loopback port) on a dataset, with its
/// viewer, and one headless chromium. Shared by a test class; the pages it opens are the tests' own.
/// </summary>
public sealed class ViewerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;

    private ViewerHost(WebApplication app, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _app = app;
        _playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public IBrowser Browser { get; }

    /// <summary>The server's address, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Starts the server on the demo (both arguments null) or on a manifest, then the browser.</summary>
    /// <param name="warmTiles">As <c>geo serve</c> does: build every tile band before the browser starts.</param>
    public static async Task<ViewerHost> StartAsync(string? dataset = null, string? dataRoot = null, bool warmTiles = false)
    {
        var app = GeoServer.Build([], builder =>
        {
            builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.Dataset)}"] = dataset;
            builder.Configuration[$"{GeoOptions.Section}:{nameof(GeoOptions.DataRoot)}"] = dataRoot;
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        app.LoadDataset();
        if (warmTiles)
        {
            foreach (var source in app.Services.GetRequiredService<Geo.Tiles.TileCatalog>().Sources)
            {
                for (var z = 0; z <= source.Info.MaxZoom; z++)
                {
                    source.Prepare(z);
                }
            }
        }

        await app.StartAsync();
        var baseUrl = app.Urls.First().TrimEnd('/');
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        return new ViewerHost(app, playwright, browser, baseUrl);
    }

    /// <summary>Adds the user's CSV as an indicator through <c>POST /api/indicators</c>, as the viewer's "Add data" does.</summary>
    public async Task UploadAsync(string query, string csv)
    {
        using var http = new HttpClient();
        using var content = new StringContent(csv, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var response = await http.PostAsync($"{BaseUrl}/api/indicators?{query}", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
