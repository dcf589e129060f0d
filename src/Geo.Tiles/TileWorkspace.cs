namespace Geo.Tiles;

/// <summary>The reusable buffers of one thread's tile cutting. Not thread-safe: one per thread.</summary>
internal sealed class TileWorkspace
{
    public PolygonEncoder Encoder { get; } = new();

    public MvtLayerWriter Layer { get; } = new();

    public List<PreparedArea> Hits { get; } = [];
}
