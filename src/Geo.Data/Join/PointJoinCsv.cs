using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using Geo.Core.Sources;
using Geo.Spatial.Join;

namespace Geo.Data.Join;

/// <summary>
/// Joins a CSV file of points to neighbourhood polygons: writes every input row unchanged, byte for byte, with two
/// columns appended, <c>neighbourhood</c> (the code of the polygon covering the point; empty when none does) and
/// <c>status</c> (<c>matched</c>, <c>outside</c> or <c>invalid</c>, see <see cref="PointStatusNames"/>).
/// </summary>
/// <remarks>
/// <para>
/// Input: UTF-8 (a byte order mark is fine and is kept), comma-separated, RFC 4180 quoting (quoted fields may hold
/// commas, quotes and line breaks), invariant culture; coordinates are plain numbers such as <c>-2.26046</c> or
/// <c>383456.5</c> (no thousands separators). The header names the columns, matched exactly, else trimmed and
/// ignoring case. Empty lines are passed over. A row with fewer fields than the header is padded with empty fields;
/// a row with more is an error.
/// </para>
/// <para>
/// Points must already be in the polygons' CRS (lon/lat with WGS84 polygons, easting/northing with British National
/// Grid polygons). Rows are read in batches of <see cref="BatchSize"/> and each batch is located on all cores; the
/// output keeps the input's order and line endings. The output is written to a temporary file beside it and moved
/// into place at the end, so a failure or cancellation leaves no half-written output (and an older output untouched).
/// </para>
/// <para>Thread-safety: stateless; runs writing different output files may proceed at once.</para>
/// </remarks>
public static class PointJoinCsv
{
    /// <summary>The appended column holding the covering polygon's code.</summary>
    public const string NeighbourhoodColumn = "neighbourhood";

    /// <summary>The appended column holding the row's <see cref="PointStatus"/> word.</summary>
    public const string StatusColumn = "status";

    /// <summary>Rows read, located and written at a time.</summary>
    public const int BatchSize = 65_536;

    private const int MaxColumnsListed = 40;

    // The header is read as an ordinary record, so its raw bytes can be copied too.
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>
    /// Joins <paramref name="inputCsv"/> to <paramref name="index"/> and writes <paramref name="outputCsv"/>
    /// (replacing it if it exists).
    /// </summary>
    /// <param name="inputCsv">The points file.</param>
    /// <param name="outputCsv">The file to write; its folder must exist. May be the input file itself.</param>
    /// <param name="index">Polygons in the same CRS as the points.</param>
    /// <param name="columns">The coordinate columns of the input.</param>
    /// <param name="progress">Told the number of rows done after each batch.</param>
    /// <param name="cancellationToken">Checked between batches; cancelling leaves no output.</param>
    /// <returns>How many rows got each status.</returns>
    /// <exception cref="GeoDataException">
    /// The input is missing, empty, malformed, lacks a coordinate column (the message lists the columns it has),
    /// already has a <c>neighbourhood</c> or <c>status</c> column, or has a row longer than its header.
    /// </exception>
    public static PointJoinCounts Run(
        string inputCsv,
        string outputCsv,
        PointIndex index,
        PointColumns columns,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(inputCsv, outputCsv, new IndexLocator(index ?? throw new ArgumentNullException(nameof(index))), columns, progress, cancellationToken);

    /// <summary>As <see cref="Run(string, string, PointIndex, PointColumns, IProgress{long}?, CancellationToken)"/>, locating
    /// each batch with <paramref name="index"/> (a database, say).</summary>
    public static PointJoinCounts Run(
        string inputCsv,
        string outputCsv,
        IPointLocator index,
        PointColumns columns,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputCsv);
        ArgumentNullException.ThrowIfNull(outputCsv);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(columns);
        if (!File.Exists(inputCsv))
        {
            throw new GeoDataException(inputCsv, null, null, "the file does not exist");
        }

        var target = Path.GetFullPath(outputCsv);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new GeoDataException(outputCsv, null, null, "the output folder does not exist");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            PointJoinCounts counts;
            using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                counts = Join(inputCsv, output, index, columns, progress, cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
            return counts;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static PointJoinCounts Join(
        string path, Stream output, IPointLocator index, PointColumns columns, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var start = ReadStart(path);
        try
        {
            using var reader = CsvReader.FromFile(path, Options);
            if (!reader.Read())
            {
                throw new GeoDataException(path, 1, null, "the file is empty: a header row naming the columns was expected");
            }

            var headerLine = reader.LineNumber;
            var headers = new string[reader.FieldCount];
            for (var i = 0; i < headers.Length; i++)
            {
                headers[i] = reader.GetString(i);
            }

            var xColumn = FindColumn(path, headerLine, headers, columns.XColumn);
            var yColumn = FindColumn(path, headerLine, headers, columns.YColumn);
            RefuseColumn(path, headerLine, headers, NeighbourhoodColumn);
            RefuseColumn(path, headerLine, headers, StatusColumn);
            var newline = LineBreakAfter(start, reader.ByteOffset + reader.RawRecord.Length);

            var buffer = new ArrayBufferWriter<byte>(1 << 20);
            if (start.HasByteOrderMark)
            {
                buffer.Write(Encoding.UTF8.Preamble);
            }

            buffer.Write(reader.RawRecord);
            buffer.Write(","u8);
            buffer.Write(Encoding.UTF8.GetBytes(NeighbourhoodColumn));
            buffer.Write(","u8);
            buffer.Write(Encoding.UTF8.GetBytes(StatusColumn));
            buffer.Write(newline);

            var batch = new Batch();
            var codes = new byte[index.Count][];
            long matched = 0, outside = 0, invalid = 0;
            var more = true;
            while (more)
            {
                cancellationToken.ThrowIfCancellationRequested();
                batch.Clear();
                while (batch.Count < BatchSize && (more = reader.Read()))
                {
                    if (reader.FieldCount > headers.Length)
                    {
                        throw new GeoDataException(
                            path,
                            reader.LineNumber,
                            null,
                            $"the row has {reader.FieldCount} fields but the header has {headers.Length}; quote fields that contain commas");
                    }

                    var valid = TryCoordinate(reader, xColumn, out var x) & TryCoordinate(reader, yColumn, out var y);
                    batch.Add(reader.RawRecord, reader.FieldCount, valid, x, y);
                }

                if (batch.Count == 0)
                {
                    break;
                }

                index.LocateAll(batch.Xs.AsMemory(0, batch.Count), batch.Ys.AsMemory(0, batch.Count), batch.Found.AsMemory(0, batch.Count), cancellationToken);
                for (var row = 0; row < batch.Count; row++)
                {
                    buffer.Write(batch.Raw(row));
                    for (var pad = batch.FieldCounts[row]; pad < headers.Length; pad++)
                    {
                        buffer.Write(","u8);
                    }

                    var found = batch.Found[row];
                    if (!batch.Valid[row])
                    {
                        buffer.Write(",,invalid"u8);
                        invalid++;
                    }
                    else if (found == PointIndex.Outside)
                    {
                        buffer.Write(",,outside"u8);
                        outside++;
                    }
                    else
                    {
                        buffer.Write(","u8);
                        buffer.Write(codes[found] ??= CsvField(index.Code(found)));
                        buffer.Write(",matched"u8);
                        matched++;
                    }

                    buffer.Write(newline);
                }

                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
                progress?.Report(matched + outside + invalid);
            }

            output.Write(buffer.WrittenSpan);
            return new PointJoinCounts(matched, outside, invalid);
        }
        catch (CsvFormatException e)
        {
            throw new GeoDataException(path, e.LineNumber > 0 ? e.LineNumber : null, null, e.Message, e);
        }
    }

    private static bool TryCoordinate(CsvReader reader, int column, out double value)
    {
        // A missing field reads as empty; NaN and infinities parse but are no place.
        if (double.TryParse(reader.GetSpan(column), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        value = double.NaN;
        return false;
    }

    private static int FindColumn(string path, long line, string[] headers, string name)
    {
        var exact = Matches(headers, h => h == name);
        var found = exact.Count > 0 ? exact : Matches(headers, h => string.Equals(h.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
        return found.Count switch
        {
            1 => found[0],
            0 => throw new GeoDataException(path, line, name, "no such column; the columns are " + ListColumns(headers)),
            _ => throw new GeoDataException(
                path,
                line,
                name,
                $"several columns have this name (columns {string.Join(", ", found.Select(c => c + 1))}); rename them so one is meant"),
        };
    }

    private static void RefuseColumn(string path, long line, string[] headers, string added)
    {
        if (headers.Any(h => string.Equals(h.Trim(), added, StringComparison.OrdinalIgnoreCase)))
        {
            throw new GeoDataException(path, line, added, $"the file already has a column called '{added}', which the join adds; rename it");
        }
    }

    private static List<int> Matches(string[] headers, Func<string, bool> predicate) =>
        [.. Enumerable.Range(0, headers.Length).Where(i => predicate(headers[i]))];

    private static string ListColumns(string[] headers)
    {
        var listed = string.Join(", ", headers.Take(MaxColumnsListed).Select(h => $"'{h}'"));
        return headers.Length > MaxColumnsListed ? $"{listed} and {headers.Length - MaxColumnsListed} more" : listed;
    }

    // A code as a CSV field: quoted when it holds a comma, quote or line break.
    private static byte[] CsvField(string value) =>
        Encoding.UTF8.GetBytes(value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");

    private static FileStart ReadStart(string path)
    {
        using var stream = File.OpenRead(path);
        var bytes = new byte[1 << 16];
        var length = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        var utf8Bom = bytes.AsSpan(0, length).StartsWith(Encoding.UTF8.Preamble);
        var otherBom = !utf8Bom && length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
        return new FileStart(bytes[..length], utf8Bom || otherBom, !otherBom);
    }

    // The input's own line break, seen after the header; CR LF (RFC 4180) when it cannot be seen.
    private static byte[] LineBreakAfter(FileStart start, long offset)
    {
        var bytes = start.Bytes;
        if (start.OffsetsAreBytes && offset < bytes.Length)
        {
            if (bytes[offset] == '\n')
            {
                return "\n"u8.ToArray();
            }

            if (bytes[offset] == '\r' && (offset + 1 >= bytes.Length || bytes[offset + 1] != '\n'))
            {
                return "\r"u8.ToArray();
            }
        }

        return "\r\n"u8.ToArray();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the failure that brought us here is the one to report.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private sealed class IndexLocator(PointIndex index) : IPointLocator
    {
        public int Count => index.Count;

        public string Code(int i) => index.Code(i);

        public void LocateAll(ReadOnlyMemory<double> xs, ReadOnlyMemory<double> ys, Memory<int> result, CancellationToken cancellation) =>
            index.LocateAll(xs, ys, result);
    }

    // The first bytes of the input; OffsetsAreBytes is false for UTF-16 input, whose reader offsets count UTF-8.
    private sealed record FileStart(byte[] Bytes, bool HasByteOrderMark, bool OffsetsAreBytes);

    // One batch of rows: raw bytes back to back, and per row its field count, coordinates and answer.
    private sealed class Batch
    {
        private readonly int[] _rawStart = new int[BatchSize + 1];
        private byte[] _raw = new byte[1 << 22];

        public int Count { get; private set; }

        public double[] Xs { get; } = new double[BatchSize];

        public double[] Ys { get; } = new double[BatchSize];

        public bool[] Valid { get; } = new bool[BatchSize];

        public int[] FieldCounts { get; } = new int[BatchSize];

        public int[] Found { get; } = new int[BatchSize];

        public void Clear() => Count = 0;

        public void Add(ReadOnlySpan<byte> raw, int fieldCount, bool valid, double x, double y)
        {
            var at = _rawStart[Count];
            if (at + raw.Length > _raw.Length)
            {
                Array.Resize(ref _raw, Math.Max(_raw.Length * 2, at + raw.Length));
            }

            raw.CopyTo(_raw.AsSpan(at));
            FieldCounts[Count] = fieldCount;
            Valid[Count] = valid;
            Xs[Count] = x;
            Ys[Count] = y;
            Count++;
            _rawStart[Count] = at + raw.Length;
        }

        public ReadOnlySpan<byte> Raw(int row) => _raw.AsSpan(_rawStart[row], _rawStart[row + 1] - _rawStart[row]);
    }
}
