using Geo.Data.Indicators;
using Geo.Data.Manifest;

namespace Geo.Data.Flows;

/// <summary>
/// The flow tables of one dataset load, each read once however many entries name it: the manifest's <c>flows</c>
/// (catchments) and the indicators attributed from providers to neighbourhoods through the same table share one
/// <see cref="Core.Sources.FlowSource"/>, so the 2011 → 2021 mapping is done once and is the same for both. Two
/// entries are the same table when they resolve to the same file and lookup and read the same columns. Not
/// thread-safe: one per load.
/// </summary>
public sealed class FlowTables(Func<string, string> resolve)
{
    private readonly Dictionary<Key, Core.Sources.FlowSource> _read = [];

    /// <summary>The table <paramref name="spec"/> names, read by <see cref="FlowReader.Read"/> the first time.</summary>
    /// <param name="entry">Where the entry is in the manifest, for messages (<c>flows</c>, <c>indicators[3].file.flows</c>).</param>
    /// <exception cref="Core.Sources.GeoDataException">As <see cref="FlowReader.Read"/>.</exception>
    public Core.Sources.FlowSource Read(FlowSpec spec, IndicatorReadContext context, string entry, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var path = resolve(spec.Path);
        var lookup = spec.Lsoa11Lookup is { } l ? resolve(l.Path) : null;
        var key = new Key(path, lookup, spec.Lsoa11Lookup?.Lsoa11, spec.Lsoa11Lookup?.Lsoa21, spec.AreaLevel, spec.Provider,
            spec.ProviderName, spec.Area, spec.Count, spec.Providers, spec.Counts);
        if (!_read.TryGetValue(key, out var source))
        {
            progress?.Report($"reading flows {path}");
            source = FlowReader.Read(spec, path, context, lookup, entry);
            _read.Add(key, source);
        }

        return source;
    }

    private readonly record struct Key(string Path, string? Lookup, string? Lookup11, string? Lookup21, string AreaLevel, string Provider,
        string? ProviderName, string Area, string Count, string Providers, string Counts);
}
