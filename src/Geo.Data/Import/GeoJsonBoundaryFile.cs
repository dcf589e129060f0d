using System.Text;
using System.Text.Json;
using Geo.Core.Sources;
using Geo.Spatial.Projection;
using NetTopologySuite.Geometries;

namespace Geo.Data.Import;

/// <summary>
/// Reads a GeoJSON FeatureCollection feature by feature from a stream: the buffer holds at least one
/// whole feature (it grows for a very large one), so a file of any size is read in bounded memory with
/// <see cref="Utf8JsonReader"/> and without building a document of it. Only the code and name properties
/// and the geometry are taken.
/// </summary>
internal static class GeoJsonBoundaryFile
{
    private const int InitialBufferSize = 1 << 20;

    private static readonly GeometryFactory Factory = new();

    private enum Phase
    {
        Start,
        TopLevel,
        Features,
        Done,
    }

    public static void Read(BoundaryCollector collector)
    {
        var context = new Context(collector);
        using var stream = OpenRead(collector.Path);
        var buffer = new byte[InitialBufferSize];
        var length = 0;
        var final = false;
        var first = true;
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        while (true)
        {
            while (!final && length < buffer.Length)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                final = read == 0;
                length += read;
            }

            var start = 0;
            if (first)
            {
                first = false;
                start = buffer.AsSpan(0, length).StartsWith("\uFEFF"u8) ? 3 : 0;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(start, length - start), final, state);
            bool done;
            try
            {
                done = Step(ref reader, context);
            }
            catch (JsonException e)
            {
                throw context.Error(context.Phase == Phase.Features ? context.Feature + 1 : null, null, "is not valid JSON: " + e.Message, e);
            }

            if (done)
            {
                break;
            }

            if (final)
            {
                throw context.Error(null, null, "the file ends before its GeoJSON is complete");
            }

            var consumed = start + (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (consumed == 0 && length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            else
            {
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
            }
        }

        if (!context.SawFeatures)
        {
            throw context.Error(null, "features", "the file is not a GeoJSON FeatureCollection: it has no \"features\" array");
        }

        collector.Claim = context.Claim ?? new CrsClaim(CrsClaim.Wgs84, "by RFC 7946, as the file has no \"crs\" member", IsDefault: true);
    }

    private static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new GeoDataException(path, null, null, "the file does not exist", e);
        }
    }

    /// <summary>
    /// Reads as far as the buffer allows. Every step starts at a point it can come back to, so when a value
    /// is not all in the buffer yet the reader is put back there and false returned, to be called again with more.
    /// </summary>
    private static bool Step(ref Utf8JsonReader reader, Context context)
    {
        while (true)
        {
            var saved = reader;
            switch (context.Phase)
            {
                case Phase.Start:
                    if (!reader.Read())
                    {
                        reader = saved;
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw context.Error(null, null, "the file is not a GeoJSON FeatureCollection: it does not start with '{'");
                    }

                    context.Phase = Phase.TopLevel;
                    break;

                case Phase.TopLevel:
                    if (!reader.Read())
                    {
                        reader = saved;
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        context.Phase = Phase.Done;
                        return true;
                    }

                    var member = reader.GetString();
                    if (!reader.Read())
                    {
                        reader = saved;
                        return false;
                    }

                    if (member == "features")
                    {
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw context.Error(null, "features", "is not an array");
                        }

                        context.SawFeatures = true;
                        context.Phase = Phase.Features;
                        break;
                    }

                    var end = reader;
                    if (!end.TrySkip())
                    {
                        reader = saved;
                        return false;
                    }

                    if (member == "type")
                    {
                        var type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        if (type != "FeatureCollection")
                        {
                            throw context.Error(null, "type", $"is '{type}'; a FeatureCollection of neighbourhood polygons was expected");
                        }
                    }
                    else if (member == "crs")
                    {
                        context.Claim = ReadCrs(reader);
                    }

                    reader = end;
                    break;

                case Phase.Features:
                    if (!reader.Read())
                    {
                        reader = saved;
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        context.Phase = Phase.TopLevel;
                        break;
                    }

                    var featureEnd = reader;
                    if (!featureEnd.TrySkip())
                    {
                        reader = saved;
                        return false;
                    }

                    context.Feature++;
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw context.Error(context.Feature, null, "is not a GeoJSON Feature object");
                    }

                    ReadFeature(reader, context);
                    reader = featureEnd;
                    break;

                default:
                    return true;
            }
        }
    }

    /// <summary>The "crs" member of pre-RFC 7946 files: {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}.</summary>
    private static CrsClaim? ReadCrs(Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var crs = document.RootElement;
        if (crs.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            if (properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                var text = name.GetString()!;
                return new CrsClaim(CrsNames.TryParseEpsg(text), $"from the file's \"crs\" member '{text}'");
            }

            if (properties.TryGetProperty("code", out var code) && code.TryGetInt32(out var epsg))
            {
                return new CrsClaim(epsg, $"from the file's \"crs\" member (EPSG code {epsg})");
            }
        }

        return new CrsClaim(null, $"from the file's \"crs\" member {crs.GetRawText()}");
    }

    /// <summary>Reads one feature, all of which is in the buffer.</summary>
    private static void ReadFeature(Utf8JsonReader reader, Context context)
    {
        var feature = context.Feature;
        var spec = context.Collector.Spec;
        var properties = new Property(spec.CodeField);
        var name = new Property(spec.NameField);
        List<string>? names = null;
        Geometry? geometry = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("properties"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        names = ReadProperties(ref reader, context, properties, name);
                    }
                    else
                    {
                        SkipValue(ref reader);
                    }
                }
                else if (reader.ValueTextEquals("geometry"u8))
                {
                    reader.Read();
                    geometry = reader.TokenType == JsonTokenType.StartObject ? ReadGeometry(ref reader, context) : null;
                    if (geometry is null)
                    {
                        SkipValue(ref reader);
                    }
                }
                else
                {
                    reader.Read();
                    SkipValue(ref reader);
                }
            }
        }
        catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
        {
            throw context.Error(feature, null, "holds text that is not UTF-8 (a Latin-1 or Windows-1252 file?), as GeoJSON must be: save the file as UTF-8", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw context.Error(feature, null, "is not a well-formed GeoJSON Feature: " + e.Message, e);
        }

        if (properties.Rank == 0)
        {
            var existing = names is null or { Count: 0 } ? "it has none" : "its properties are " + string.Join(", ", names.Select(n => $"'{n}'"));
            throw context.Error(feature, spec.CodeField, $"the feature has no such property; {existing}");
        }

        context.Collector.Add(feature, properties.Value, name.Value, geometry);
    }

    private static List<string> ReadProperties(ref Utf8JsonReader reader, Context context, Property code, Property name)
    {
        var names = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            names.Add(key);
            reader.Read();
            var codeRank = code.RankOf(key);
            var nameRank = name.RankOf(key);
            if (codeRank > code.Rank || nameRank > name.Rank)
            {
                var text = ValueText(ref reader, context, key);
                code.Offer(codeRank, text);
                name.Offer(nameRank, text);
            }

            SkipValue(ref reader);
        }

        return names;
    }

    private static string? ValueText(ref Utf8JsonReader reader, Context context, string key) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => throw context.Error(context.Feature, key, "is an object or an array, not text"),
    };

    /// <summary>Reads a geometry object; only Polygon and MultiPolygon are built, any other type is an error.</summary>
    private static Geometry ReadGeometry(ref Utf8JsonReader reader, Context context)
    {
        string? type = null;
        object? coordinates = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("coordinates"u8))
            {
                reader.Read();
                coordinates = reader.TokenType == JsonTokenType.StartArray ? ReadPositions(ref reader, context) : null;
                if (coordinates is null)
                {
                    SkipValue(ref reader);
                }
            }
            else
            {
                reader.Read();
                SkipValue(ref reader);
            }
        }

        try
        {
            return type switch
            {
                "Polygon" => BuildPolygon(coordinates, context),
                "MultiPolygon" => Factory.CreateMultiPolygon([.. Items(coordinates, context).Select(p => BuildPolygon(p, context))]),
                null => throw context.Error(context.Feature, "geometry", "has no \"type\""),
                _ => throw context.Error(context.Feature, "geometry", $"is a {type}; neighbourhood boundaries must be Polygon or MultiPolygon"),
            };
        }
        catch (ArgumentException e)
        {
            throw context.Error(context.Feature, "geometry", "is not a well-formed polygon: " + e.Message, e);
        }
    }

    /// <summary>Skips the value at the reader; the whole feature is in the buffer, so this cannot run out.</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new InvalidOperationException("the feature ends early");
        }
    }

    /// <summary>Nested coordinate arrays: a position is a <see cref="Coordinate"/>, any other array a list.</summary>
    private static object ReadPositions(ref Utf8JsonReader reader, Context context)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number)
        {
            var x = reader.GetDouble();
            if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
            {
                throw context.Error(context.Feature, "geometry", "has a position with fewer than two numbers");
            }

            var y = reader.GetDouble();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                // Heights and measures are not used.
            }

            return new Coordinate(x, y);
        }

        var items = new List<object>();
        while (reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw context.Error(context.Feature, "geometry", "has coordinates that are not nested arrays of numbers");
            }

            items.Add(ReadPositions(ref reader, context));
            reader.Read();
        }

        return items;
    }

    private static List<object> Items(object? coordinates, Context context) =>
        coordinates as List<object> ?? throw context.Error(context.Feature, "geometry", "has no coordinates of the right nesting for its type");

    private static Polygon BuildPolygon(object? coordinates, Context context)
    {
        var rings = Items(coordinates, context).Select(r => Factory.CreateLinearRing([.. Items(r, context).Select(p => p as Coordinate
            ?? throw context.Error(context.Feature, "geometry", "has coordinates of the wrong nesting for its type"))])).ToArray();
        return rings.Length == 0 ? Factory.CreatePolygon() : Factory.CreatePolygon(rings[0], rings[1..]);
    }

    /// <summary>A wanted property: an exact name match beats one that differs only in case or spaces.</summary>
    private sealed class Property(string? field)
    {
        public int Rank { get; private set; }

        public string? Value { get; private set; }

        public int RankOf(string key) => field is null ? 0
            : string.Equals(key, field, StringComparison.Ordinal) ? 2
            : string.Equals(key.Trim(), field.Trim(), StringComparison.OrdinalIgnoreCase) ? 1
            : 0;

        public void Offer(int rank, string? value)
        {
            if (rank > Rank)
            {
                Rank = rank;
                Value = value;
            }
        }
    }

    private sealed class Context(BoundaryCollector collector)
    {
        public BoundaryCollector Collector => collector;

        public Phase Phase { get; set; }

        public long Feature { get; set; }

        public bool SawFeatures { get; set; }

        public CrsClaim? Claim { get; set; }

        public GeoDataException Error(long? feature, string? field, string problem, Exception? inner = null) =>
            BoundaryCollector.Create(collector.Path, feature, field, problem, inner);
    }
}
