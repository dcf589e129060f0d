using Microsoft.Extensions.Options;

namespace Geo.Api.Hosting;

/// <summary>
/// When serving from a database: asks it every <see cref="GeoOptions.DatabasePollSeconds"/> whether it answers and
/// which dataset it holds, so requests get 503 while it is away, service resumes by itself when it returns, and a
/// new <c>geo load</c> is served without a restart.
/// </summary>
public sealed class DatabaseMonitor(DatasetHost host, IOptions<GeoOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (host.Store is null)
        {
            return;
        }

        var period = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.DatabasePollSeconds));
        using var timer = new PeriodicTimer(period);
        do
        {
            await host.RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
