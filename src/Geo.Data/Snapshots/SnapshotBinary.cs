using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Geo.Data.Snapshots;

/// <summary>
/// Writes one section of a snapshot: little-endian numbers, strings pooled (each distinct string written once, later
/// uses by number), geometries as their parts' ordinates in one run of doubles. Not thread-safe.
/// </summary>
internal sealed class SnapshotWriter
{
    private readonly MemoryStream _stream = new();
    private readonly BinaryWriter _writer;
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

    public SnapshotWriter() => _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);

    public void Int(int value) => _writer.Write(value);

    public void Long(long value) => _writer.Write(value);

    public void Double(double value) => _writer.Write(value);

    public void Bool(bool value) => _writer.Write(value);

    public void NullableDouble(double? value)
    {
        _writer.Write(value.HasValue);
        if (value is { } v)
        {
            _writer.Write(v);
        }
    }

    public void NullableInt(int? value)
    {
        _writer.Write(value.HasValue);
        if (value is { } v)
        {
            _writer.Write(v);
        }
    }

    /// <summary>A string (or null) by its number in this section; its text follows the first time.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            _writer.Write(-1);
            return;
        }

        if (_strings.TryGetValue(value, out var number))
        {
            _writer.Write(number);
            return;
        }

        number = _strings.Count;
        _strings.Add(value, number);
        _writer.Write(number);
        var bytes = Encoding.UTF8.GetBytes(value);
        _writer.Write(bytes.Length);
        _writer.Write(bytes);
    }

    public void Strings(IReadOnlyCollection<string> values)
    {
        Int(values.Count);
        foreach (var value in values)
        {
            String(value);
        }
    }

    public void Doubles(ReadOnlySpan<double> values)
    {
        Int(values.Length);
        _writer.Write(MemoryMarshal.AsBytes(values));
    }

    public void Ints(ReadOnlySpan<int> values)
    {
        Int(values.Length);
        _writer.Write(MemoryMarshal.AsBytes(values));
    }

    public void Geometry(Geometry geometry)
    {
        Int(geometry.SRID);
        var model = geometry.PrecisionModel;
        Int((int)model.PrecisionModelType);
        Double(model.Scale);
        Part(geometry);
    }

    private void Part(Geometry geometry)
    {
        switch (geometry)
        {
            case Point point:
                Int(GeometryKind.Point);
                Sequence(point.CoordinateSequence);
                break;
            case LinearRing ring:
                Int(GeometryKind.LinearRing);
                Sequence(ring.CoordinateSequence);
                break;
            case LineString line:
                Int(GeometryKind.LineString);
                Sequence(line.CoordinateSequence);
                break;
            case Polygon polygon:
                Int(GeometryKind.Polygon);
                Sequence(polygon.Shell.CoordinateSequence);
                Int(polygon.NumInteriorRings);
                foreach (var hole in polygon.Holes)
                {
                    Sequence(hole.CoordinateSequence);
                }

                break;
            case GeometryCollection collection:
                Int(collection switch
                {
                    MultiPoint => GeometryKind.MultiPoint,
                    MultiLineString => GeometryKind.MultiLineString,
                    MultiPolygon => GeometryKind.MultiPolygon,
                    _ => GeometryKind.Collection,
                });
                Int(collection.NumGeometries);
                for (var i = 0; i < collection.NumGeometries; i++)
                {
                    Part(collection.GetGeometryN(i));
                }

                break;
            default:
                throw new NotSupportedException($"A snapshot cannot hold a {geometry.GeometryType}.");
        }
    }

    /// <summary>Count, dimension, measures, then every ordinate of every coordinate in order.</summary>
    private void Sequence(CoordinateSequence sequence)
    {
        Int(sequence.Count);
        Int(sequence.Dimension);
        Int(sequence.Measures);
        var values = new double[sequence.Count * sequence.Dimension];
        for (int i = 0, k = 0; i < sequence.Count; i++)
        {
            for (var d = 0; d < sequence.Dimension; d++)
            {
                values[k++] = sequence.GetOrdinate(i, d);
            }
        }

        _writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public byte[] ToArray()
    {
        _writer.Flush();
        return _stream.ToArray();
    }
}

/// <summary>Reads a section <see cref="SnapshotWriter"/> wrote; any read past its end is a <see cref="SnapshotFormatException"/>.</summary>
internal sealed class SnapshotReader(ReadOnlyMemory<byte> data)
{
    private readonly List<string> _strings = [];
    private readonly Dictionary<(int Srid, int Model, double Scale), GeometryFactory> _factories = [];
    private int _position;

    public bool AtEnd => _position == data.Length;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _position + count > data.Length)
        {
            throw new SnapshotFormatException($"a value runs past the end of its section (at byte {_position} of {data.Length})");
        }

        var span = data.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>A count of items, each at least <paramref name="minimumBytes"/> long: more than the section could hold is corrupt.</summary>
    public int Count(int minimumBytes = 1)
    {
        var count = Int();
        if (count < 0 || (long)count * minimumBytes > data.Length - _position)
        {
            throw new SnapshotFormatException($"a count of {count} does not fit in what is left of its section");
        }

        return count;
    }

    public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public bool Bool() => Take(1)[0] switch
    {
        0 => false,
        1 => true,
        var b => throw new SnapshotFormatException($"byte {b} is not a yes/no"),
    };

    public double? NullableDouble() => Bool() ? Double() : null;

    public int? NullableInt() => Bool() ? Int() : null;

    public string? NullableString()
    {
        var number = Int();
        if (number == -1)
        {
            return null;
        }

        if (number < _strings.Count && number >= 0)
        {
            return _strings[number];
        }

        if (number != _strings.Count)
        {
            throw new SnapshotFormatException($"string number {number} comes before its text");
        }

        var length = Count();
        var text = Encoding.UTF8.GetString(Take(length));
        _strings.Add(text);
        return text;
    }

    public string String() => NullableString() ?? throw new SnapshotFormatException("a required string is missing");

    public string[] Strings()
    {
        var values = new string[Count(4)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = String();
        }

        return values;
    }

    public double[] Doubles()
    {
        var count = Count(8);
        return MemoryMarshal.Cast<byte, double>(Take(count * 8)).ToArray();
    }

    public int[] Ints()
    {
        var count = Count(4);
        return MemoryMarshal.Cast<byte, int>(Take(count * 4)).ToArray();
    }

    public Geometry Geometry()
    {
        var srid = Int();
        var model = Int();
        var scale = Double();
        if (!_factories.TryGetValue((srid, model, scale), out var factory))
        {
            var precision = (PrecisionModels)model switch
            {
                PrecisionModels.Floating => new PrecisionModel(PrecisionModels.Floating),
                PrecisionModels.FloatingSingle => new PrecisionModel(PrecisionModels.FloatingSingle),
                PrecisionModels.Fixed => new PrecisionModel(scale),
                _ => throw new SnapshotFormatException($"precision model {model} is unknown"),
            };
            factory = NtsGeometryServices.Instance.CreateGeometryFactory(precision, srid);
            _factories.Add((srid, model, scale), factory);
        }

        return Part(factory);
    }

    private Geometry Part(GeometryFactory factory)
    {
        var kind = Int();
        switch (kind)
        {
            case GeometryKind.Point:
                return factory.CreatePoint(Sequence(factory));
            case GeometryKind.LinearRing:
                return factory.CreateLinearRing(Sequence(factory));
            case GeometryKind.LineString:
                return factory.CreateLineString(Sequence(factory));
            case GeometryKind.Polygon:
                var shell = factory.CreateLinearRing(Sequence(factory));
                var holes = new LinearRing[Count(12)];
                for (var i = 0; i < holes.Length; i++)
                {
                    holes[i] = factory.CreateLinearRing(Sequence(factory));
                }

                return factory.CreatePolygon(shell, holes);
            case GeometryKind.MultiPoint:
                return factory.CreateMultiPoint(Parts<Point>(factory));
            case GeometryKind.MultiLineString:
                return factory.CreateMultiLineString(Parts<LineString>(factory));
            case GeometryKind.MultiPolygon:
                return factory.CreateMultiPolygon(Parts<Polygon>(factory));
            case GeometryKind.Collection:
                return factory.CreateGeometryCollection(Parts<Geometry>(factory));
            default:
                throw new SnapshotFormatException($"geometry kind {kind} is unknown");
        }
    }

    private T[] Parts<T>(GeometryFactory factory)
        where T : Geometry
    {
        var parts = new T[Count(4)];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Part(factory) as T ?? throw new SnapshotFormatException($"a part of a collection is not a {typeof(T).Name}");
        }

        return parts;
    }

    private CoordinateSequence Sequence(GeometryFactory factory)
    {
        var count = Count();
        var dimension = Int();
        var measures = Int();
        if (dimension is < 2 or > 4 || measures < 0 || measures > dimension - 2)
        {
            throw new SnapshotFormatException($"a coordinate of dimension {dimension} with {measures} measures is not possible");
        }

        var values = MemoryMarshal.Cast<byte, double>(Take(checked(count * dimension * 8)));
        var sequence = factory.CoordinateSequenceFactory.Create(count, dimension, measures);
        for (int i = 0, k = 0; i < count; i++)
        {
            for (var d = 0; d < dimension; d++)
            {
                sequence.SetOrdinate(i, d, values[k++]);
            }
        }

        return sequence;
    }
}

/// <summary>The geometry types a snapshot holds, by number (part of the format: never renumber).</summary>
internal static class GeometryKind
{
    public const int Point = 1;
    public const int LineString = 2;
    public const int LinearRing = 3;
    public const int Polygon = 4;
    public const int MultiPoint = 5;
    public const int MultiLineString = 6;
    public const int MultiPolygon = 7;
    public const int Collection = 8;
}

/// <summary>A snapshot's bytes do not hold what its format says; the caller names the file.</summary>
internal sealed class SnapshotFormatException(string problem) : Exception(problem);
