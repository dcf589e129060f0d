using Geo.Api.Hosting;
using Geo.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests;

/// <summary>
/// The real server (<see cref="GeoServer"/>, Kestrel on a free loopback port) on the embedded demo, for clients that need a
/// socket (GDAL's OAPIF driver). Shared by a test class.
/// </summary>
public sealed class LoopbackServer : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The server's address, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The dataset the server holds.</summary>
    public Dataset Dataset => _app!.Services.GetRequiredService<DatasetHost>().Dataset;

    public async Task InitializeAsync()
    {
        _app = GeoServer.Build([], builder => builder.WebHost.UseUrls("http://127.0.0.1:0"));
        _app.LoadDataset();
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
