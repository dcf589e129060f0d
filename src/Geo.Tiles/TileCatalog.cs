using Geo.Core.Geography;
using Geo.Model;

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
    private readonly Dictionary<Level, ITileSource> _served;
    private readonly Lazy<string> _version;
    private readonly bool _servedElsewhere;

    /// <param name="serve">Where tiles are cut: by default each level's <see cref="AreaTileSource"/> in this
    /// process; given, the source that serves a level in its place (a database, say), with the same info.</param>
    public TileCatalog(
        Dataset dataset, long cacheBytes = DefaultCacheBytes, int maxZoom = TileSettings.MaxZoom, Func<AreaTileSource, ITileSource>? serve = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var root = dataset.Geography.Root;
        var bounds = dataset.Boundaries.TryGetValue(root.Code, out var outline)
            ? AreaTileSource.Wgs84Bounds(outline)
            : [-180, -85.0511, 180, 85.0511];
        _sources = LevelNames.Hierarchy.ToDictionary(level => level, level => new AreaTileSource(dataset, level, bounds, maxZoom));
        _served = _sources.ToDictionary(p => p.Key, p => serve is null ? p.Value : serve(p.Value));
        _servedElsewhere = serve is not null;
        _version = new(() => DataVersion.Compute(dataset));
        Cache = new TileCache(cacheBytes);
    }

    /// <summary>The dataset's tile version (see <see cref="DataVersion"/>), computed on first use.</summary>
    public string Version => _version.Value;

    public TileCache Cache { get; }

    /// <summary>True when no tile will wait for preparation: the data version (every tile's cache key, a hash of every
    /// boundary) is computed, and every band of every level is built (see <see cref="Prepare"/>) or the tiles are cut
    /// elsewhere (a database holding the simplified features).</summary>
    public bool IsReady => _version.IsValueCreated && (_servedElsewhere || _sources.Values.All(s => s.IsPrepared));

    /// <summary>Computes the data version, then builds every zoom band of every level, coarse levels and low zooms first
    /// (what a map shows first); for a server to run in the background at start. Stops between bands when cancelled.</summary>
    public void Prepare(CancellationToken cancellation = default)
    {
        // the first tile would otherwise hash every boundary of the dataset for its cache key: about 2 s on England
        _ = Version;
        foreach (var source in Sources)
        {
            for (var z = source.MinZoom; z <= source.Info.MaxZoom && !cancellation.IsCancellationRequested; z++)
            {
                source.Prepare(z);
            }
        }
    }

    /// <summary>The in-process sources, from the country down (what the served ones are built from).</summary>
    public IReadOnlyList<AreaTileSource> Sources => [.. _sources.Values.OrderBy(s => s.Level)];

    /// <summary>The source of a level named as users name it ("system", "icb", "lsoa", ...), or null.</summary>
    public ITileSource? Find(string levelName) =>
        LevelNames.TryParse(levelName, out var level) ? _served.GetValueOrDefault(level) : null;

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
