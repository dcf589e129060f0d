using System.Text;

namespace Geo.Tiles;

/// <summary>
/// A growable buffer of protocol-buffer wire format: just the varint and length-delimited fields MVT
/// needs. Its storage grows and is kept, so a buffer reused tile after tile stops allocating. Not
/// thread-safe: one per thread.
/// </summary>
internal sealed class ProtoBuffer
{
    private const int VarintWire = 0;
    private const int LengthWire = 2;

    private byte[] _data = new byte[256];

    public int Length { get; private set; }

    public void Clear() => Length = 0;

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public void WriteVarintField(int field, ulong value)
    {
        WriteVarint(((ulong)field << 3) | VarintWire);
        WriteVarint(value);
    }

    public void WriteStringField(int field, string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteVarint(((ulong)field << 3) | LengthWire);
        WriteVarint((ulong)count);
        Ensure(count);
        Length += Encoding.UTF8.GetBytes(value, _data.AsSpan(Length));
    }

    public void WriteMessageField(int field, ProtoBuffer message)
    {
        WriteVarint(((ulong)field << 3) | LengthWire);
        WriteVarint((ulong)message.Length);
        Ensure(message.Length);
        message.Span.CopyTo(_data.AsSpan(Length));
        Length += message.Length;
    }

    /// <summary>Appends fields already encoded (e.g. a run of repeated message fields).</summary>
    public void WriteRaw(ProtoBuffer fields)
    {
        Ensure(fields.Length);
        fields.Span.CopyTo(_data.AsSpan(Length));
        Length += fields.Length;
    }

    public void WritePackedField(int field, ReadOnlySpan<uint> values)
    {
        var count = 0;
        foreach (var v in values)
        {
            count += VarintSize(v);
        }

        WriteVarint(((ulong)field << 3) | LengthWire);
        WriteVarint((ulong)count);
        foreach (var v in values)
        {
            WriteVarint(v);
        }
    }

    /// <summary>A new array holding this buffer as field <paramref name="field"/> of an enclosing message.</summary>
    public byte[] ToMessageArray(int field)
    {
        var key = ((ulong)field << 3) | LengthWire;
        var result = new byte[VarintSize((uint)key) + VarintSize((uint)Length) + Length];
        var i = 0;
        foreach (var value in (ReadOnlySpan<ulong>)[key, (ulong)Length])
        {
            var v = value;
            while (v >= 0x80)
            {
                result[i++] = (byte)(v | 0x80);
                v >>= 7;
            }

            result[i++] = (byte)v;
        }

        Span.CopyTo(result.AsSpan(i));
        return result;
    }

    private void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _data[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _data[Length++] = (byte)value;
    }

    private static int VarintSize(uint value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    private void Ensure(int more)
    {
        if (Length + more > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + more));
        }
    }
}
