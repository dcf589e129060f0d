namespace Geo.Tiles.Tests;

public class TileCacheTests
{
    private static TileKey Key(int x) => new("system", new TileCoordinate(5, x, 0), "v1");

    [Fact]
    public void Set_OverCapacity_EvictsLeastRecentlyUsed()
    {
        var cache = new TileCache(3 * (1000 + 200));
        cache.Set(Key(0), EncodedTile.From(new byte[1000]));
        cache.Set(Key(1), EncodedTile.From(new byte[1000]));
        cache.Set(Key(2), EncodedTile.From(new byte[1000]));
        Assert.True(cache.TryGet(Key(0), out _));

        cache.Set(Key(3), EncodedTile.From(new byte[1000]));

        Assert.True(cache.TryGet(Key(0), out _));
        Assert.False(cache.TryGet(Key(1), out _));
        Assert.True(cache.TryGet(Key(3), out _));
        Assert.Equal(3, cache.Count);
        Assert.True(cache.SizeBytes <= cache.CapacityBytes);
    }

    [Fact]
    public void TryGet_OtherVersion_Misses()
    {
        var cache = new TileCache(1 << 20);
        cache.Set(Key(0), EncodedTile.From([1, 2, 3]));

        Assert.False(cache.TryGet(Key(0) with { Version = "v2" }, out _));
    }

    [Fact]
    public void Set_TileLargerThanCapacity_IsNotKept()
    {
        var cache = new TileCache(100);

        cache.Set(Key(0), EncodedTile.From(new byte[1000]));

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void From_SameBytes_SameStrongQuotedETag()
    {
        var a = EncodedTile.From([1, 2, 3]);
        var b = EncodedTile.From([1, 2, 3]);
        var c = EncodedTile.From([1, 2, 4]);

        Assert.Equal(a.ETag, b.ETag);
        Assert.NotEqual(a.ETag, c.ETag);
        Assert.StartsWith("\"", a.ETag, StringComparison.Ordinal);
        Assert.EndsWith("\"", a.ETag, StringComparison.Ordinal);
    }
}
