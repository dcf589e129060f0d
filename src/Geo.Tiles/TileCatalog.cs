using Geo.Core.Geography;
using Geo.Data;

namespace Geo.Tiles;

/// <summary>
/// The tile sources of one dataset (country, system, icp, place, neighbourhood), its data version and the
/// cache in front of them. Built once per loaded dataset; thread-safe.
/// </summary>
public sealed class TileCatalog
{
    /// <summary>Default cache size: 256 MB of tiles.</summary>
    public const long DefaultCacheBytes = 256L * 1024 * 1024;

    private readonly Dictionary<Level, AreaTileSource> _sources;
    private readonly Lazy<string> _version;

    public TileCatalog(Dataset dataset, long cacheBytes = DefaultCacheBytes, int maxZoom = TileSettings.MaxZoom)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var root = dataset.Geography.Root;
        var bounds = dataset.Boundaries.TryGetValue(root.Code, out var outline)
            ? AreaTileSource.Wgs84Bounds(outline)
            : [-180, -85.0511, 180, 85.0511];
        _sources = LevelNames.Hierarchy.ToDictionary(level => level, level => new AreaTileSource(dataset, level, bounds, maxZoom));
        _version = new(() => DataVersion.Compute(dataset));
        Cache = new TileCache(cacheBytes);
    }

    /// <summary>The dataset's tile version (see <see cref="DataVersion"/>), computed on first use.</summary>
    public string Version => _version.Value;

    public TileCache Cache { get; }

    /// <summary>The sources, from the country down.</summary>
    public IReadOnlyList<AreaTileSource> Sources => [.. _sources.Values.OrderBy(s => s.Level)];

    /// <summary>The source of a level named as users name it ("system", "icb", "lsoa", ...), or null.</summary>
    public AreaTileSource? Find(string levelName) =>
        LevelNames.TryParse(levelName, out var level) ? _sources.GetValueOrDefault(level) : null;

    /// <summary>A tile from the cache, cut and cached on a miss.</summary>
    public EncodedTile GetTile(ITileSource source, TileCoordinate tile, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var key = new TileKey(source.Info.Id, tile, Version);
        if (!Cache.TryGet(key, out var encoded))
        {
            encoded = EncodedTile.From(source.GetTile(tile, cancellation));
            Cache.Set(key, encoded);
        }

        return encoded;
    }
}
