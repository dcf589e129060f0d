namespace Geo.Tiles;

/// <summary>
/// Writes one Mapbox Vector Tile 2.1 layer of polygon features, then the tile holding it. Property
/// values are strings or booleans, with keys and values shared through the layer's tables as the
/// specification asks. Reusable: <see cref="Reset"/> starts the next tile with the buffers already grown.
/// Not thread-safe: one per thread.
/// </summary>
internal sealed class MvtLayerWriter
{
    private const uint PolygonType = 3;

    /// <summary>The layer's feature fields (field 2, one per feature), already tagged.</summary>
    private readonly ProtoBuffer _features = new();
    private readonly ProtoBuffer _feature = new();
    private readonly Dictionary<string, uint> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<object, uint> _values = [];
    private readonly List<uint> _tags = [];
    private readonly ProtoBuffer _layer = new();
    private readonly ProtoBuffer _value = new();
    private string _name = "";
    private int _extent;

    public void Reset(string name, int extent)
    {
        _name = name;
        _extent = extent;
        _features.Clear();
        _keys.Clear();
        _values.Clear();
        FeatureCount = 0;
    }

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

        var layer = _layer;
        layer.Clear();
        layer.WriteStringField(1, _name);
        layer.WriteRaw(_features);
        foreach (var key in _keys.Keys)
        {
            layer.WriteStringField(3, key);
        }

        var value = _value;
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

        layer.WriteVarintField(5, (ulong)_extent);
        layer.WriteVarintField(15, 2);
        return layer.ToMessageArray(3);
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
