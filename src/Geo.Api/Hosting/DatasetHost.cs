using Geo.Api.Apis;
using Geo.Data;
using Geo.Data.Demo;
using Geo.Data.Loading;
using Microsoft.Extensions.Options;

namespace Geo.Api.Hosting;

/// <summary>
/// Holds the dataset the server answers from. It is loaded once, before the server takes requests,
/// and never mutated afterwards, so request handlers read it without locks.
/// </summary>
public sealed class DatasetHost
{
    private readonly Lazy<Dataset> _dataset;
    private readonly Lazy<AreaSearch> _search;

    public DatasetHost(IOptions<GeoOptions> options, ILogger<DatasetHost> logger)
    {
        _dataset = new(() => Load(options.Value, logger));
        _search = new(() => new AreaSearch(Dataset.Geography));
    }

    public Dataset Dataset => _dataset.Value;

    /// <summary>The name and code index of every area, built on first use.</summary>
    public AreaSearch Search => _search.Value;

    /// <summary>Changes whenever the server starts, so that entity tags never outlive a data reload.</summary>
    public string Version { get; } = Convert.ToHexStringLower(BitConverter.GetBytes(DateTime.UtcNow.Ticks))[..12];

    private static Dataset Load(GeoOptions options, ILogger logger)
    {
        var progress = new LogProgress(logger);
        if (string.IsNullOrWhiteSpace(options.Dataset))
        {
            logger.LogInformation("No dataset given: serving the embedded synthetic demo (seed {Seed}).", options.DemoSeed);
            return DatasetLoader.Build(DemoDataset.Generate(options.DemoSeed).Source, progress);
        }

        var dataset = DatasetLoader.Load(options.Dataset, options.DataRoot, progress);
        logger.LogInformation("Loaded {Name}: {Count} areas.", dataset.Name, dataset.Geography.Count);
        return dataset;
    }

    /// <summary>Logs each loading stage as it happens (Progress&lt;T&gt; would post them out of order).</summary>
    private sealed class LogProgress(ILogger logger) : IProgress<string>
    {
        public void Report(string value) => logger.LogInformation("{Stage}", value);
    }
}
