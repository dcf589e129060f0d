namespace Geo.Tiles;

/// <summary>
/// Writes one Mapbox Vector Tile 2.1 layer of polygon features, then the tile holding it. Property
/// values are strings or booleans, with keys and values shared through the layer's tables as the
/// specification asks. Not thread-safe: one per tile being written.
/// </summary>
internal sealed class MvtLayerWriter(string name, int extent)
{
    private const uint PolygonType = 3;

    /// <summary>The layer's feature fields (field 2, one per feature), already tagged.</summary>
    private readonly ProtoBuffer _features = new();
    private readonly ProtoBuffer _feature = new();
    private readonly Dictionary<string, uint> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<object, uint> _values = [];
    private readonly List<uint> _tags = [];

    public int FeatureCount { get; private set; }

    /// <summary>Adds a polygon feature whose geometry is already encoded as MVT commands.</summary>
    public void AddPolygon(ulong id, IReadOnlyList<KeyValuePair<string, object>> properties, ReadOnlySpan<uint> commands)
    {
        _tags.Clear();
        foreach (var (key, value) in properties)
        {
            _tags.Add(Index(_keys, key));
            _tags.Add(Index(_values, value));
        }

        _feature.Clear();
        _feature.WriteVarintField(1, id);
        _feature.WritePackedField(2, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tags));
        _feature.WriteVarintField(3, PolygonType);
        _feature.WritePackedField(4, commands);
        _features.WriteMessageField(2, _feature);
        FeatureCount++;
    }

    /// <summary>The tile: this layer alone, or an empty array when it has no feature.</summary>
    public byte[] ToTile()
    {
        if (FeatureCount == 0)
        {
            return [];
        }

        var layer = new ProtoBuffer();
        layer.WriteStringField(1, name);
        layer.WriteRaw(_features);
        foreach (var key in _keys.Keys)
        {
            layer.WriteStringField(3, key);
        }

        var value = new ProtoBuffer();
        foreach (var v in _values.Keys)
        {
            value.Clear();
            switch (v)
            {
                case string s:
                    value.WriteStringField(1, s);
                    break;
                case bool b:
                    value.WriteVarintField(7, b ? 1UL : 0UL);
                    break;
                default:
                    throw new InvalidOperationException($"Tile property values are strings or booleans, not {v.GetType().Name}.");
            }

            layer.WriteMessageField(4, value);
        }

        layer.WriteVarintField(5, (ulong)extent);
        layer.WriteVarintField(15, 2);

        var tile = new ProtoBuffer();
        tile.WriteMessageField(3, layer);
        return tile.ToArray();
    }

    private static uint Index<T>(Dictionary<T, uint> table, T item)
        where T : notnull
    {
        if (!table.TryGetValue(item, out var index))
        {
            index = (uint)table.Count;
            table.Add(item, index);
        }

        return index;
    }
}
