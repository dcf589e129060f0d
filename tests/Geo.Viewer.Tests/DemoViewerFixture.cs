namespace Geo.Viewer.Tests;

/// <summary>One server on the embedded demo and one browser for a test class; nothing when chromium is absent.</summary>
public sealed class DemoViewerFixture : IAsyncLifetime
{
    private ViewerHost? _host;

    public ViewerHost Host => _host ?? throw new InvalidOperationException(ChromiumFactAttribute.Message);

    public async Task InitializeAsync()
    {
        if (File.Exists(ChromiumFactAttribute.Path))
        {
            _host = await ViewerHost.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
