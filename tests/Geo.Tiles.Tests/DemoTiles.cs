using Geo.Model;
using Geo.Demo;
using Geo.Data.Loading;
using NetTopologySuite.Features;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using ProtoBuf;
using MapboxTile = NetTopologySuite.IO.VectorTiles.Mapbox.Tile;
using NtsTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Geo.Tiles.Tests;

/// <summary>The demo dataset and its tile catalog, built once for all tests; tile decoding with the
/// NetTopologySuite reader (an encoder independent of ours).</summary>
internal static class DemoTiles
{
    private static readonly Lazy<Dataset> LazyDataset = new(() => DatasetLoader.Build(DemoDataset.Generate().Source));
    private static readonly Lazy<TileCatalog> LazyCatalog = new(() => new TileCatalog(Dataset));

    public static Dataset Dataset => LazyDataset.Value;

    public static TileCatalog Catalog => LazyCatalog.Value;

    public static AreaTileSource Source(string level) => (AreaTileSource)Catalog.Find(level)!;

    /// <summary>The tile of zoom <paramref name="z"/> holding a WGS84 point.</summary>
    public static TileCoordinate TileAt(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var latRad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - (Math.Log(Math.Tan(latRad) + (1 / Math.Cos(latRad))) / Math.PI)) / 2 * n);
        return new TileCoordinate(z, x, y);
    }

    /// <summary>The features of the tile's layers, geometry in WGS84 lon/lat, the feature id as attribute "id".</summary>
    public static IReadOnlyList<IFeature> Decode(byte[] bytes, TileCoordinate tile, string layer)
    {
        using var stream = new MemoryStream(bytes);
        var decoded = new MapboxTileReader().Read(stream, new NtsTile(tile.X, tile.Y, tile.Z), "id");
        return [.. decoded.Layers.Single(l => l.Name == layer).Features];
    }

    /// <summary>The raw protobuf message, for what the NTS reader does not expose (extent, version).</summary>
    public static MapboxTile Raw(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return Serializer.Deserialize<MapboxTile>(stream);
    }
}
