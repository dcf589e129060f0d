using System.Globalization;
using CsvHelper;
using Geo.Core.Sources;

namespace Geo.Data.Import;

/// <summary>
/// A CSV file read forward, one row at a time, for the importers: columns are found by header name
/// (trimmed, case-insensitive), rows carry the physical line they start on (the header is line 1; quoted
/// fields may hold line breaks), and typed getters turn every bad value into a <see cref="GeoDataException"/>
/// naming the file, the line and the column. UTF-8 with or without a byte order mark, comma-separated,
/// RFC 4180 quoting, invariant culture; numbers may have thousands separators ("29,199") and spaces round
/// them. Bytes that are not UTF-8 (a Latin-1 export) and binary files (a spreadsheet) are refused, never decoded into
/// mangled names. Not thread-safe; dispose it to close the file.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private const int MaxColumnsListed = 40;

    /// <summary>What the UTF-8 decoder puts in place of bytes that are not UTF-8.</summary>
    private const char NotUtf8 = '\uFFFD';

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    private readonly CsvReader _reader;
    private readonly string[] _headers;
    private readonly long _headerLine;
    private bool _onRow;

    private CsvTable(string path, CsvReader reader, string[] headers, long headerLine)
    {
        Path = path;
        _reader = reader;
        _headers = headers;
        _headerLine = headerLine;
    }

    /// <summary>The file as given to <see cref="Open(string)"/>; error messages name it so.</summary>
    public string Path { get; }

    /// <summary>The header's names as the file spells them.</summary>
    public IReadOnlyList<string> Headers => _headers;

    /// <summary>The physical 1-based line where the current row starts; the header's line before the first <see cref="Read"/>.</summary>
    public long Line => _onRow ? _reader.LineNumber : _headerLine;

    /// <summary>Opens <paramref name="path"/> and reads its header row.</summary>
    /// <exception cref="GeoDataException">The file is missing, unreadable, empty, binary (a spreadsheet, an archive) or its
    /// header is malformed.</exception>
    public static CsvTable Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (TextSniff.Problem(path) is { } binary)
        {
            throw new GeoDataException(path, null, null, binary);
        }

        return Open(path, () => CsvReader.FromFile(path, Options));
    }

    /// <summary>Reads CSV from <paramref name="stream"/> (an upload held in memory), named <paramref name="name"/> in
    /// messages; disposing the table disposes the stream.</summary>
    /// <exception cref="GeoDataException">The content is empty or its header is malformed.</exception>
    public static CsvTable Open(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return Open(name, () => CsvReader.Create(stream, Options, leaveOpen: false));
    }

    private static CsvTable Open(string path, Func<CsvReader> open)
    {
        CsvReader? reader = null;
        try
        {
            reader = open();
            reader.ReadHeader();
            var headers = reader.Headers.ToArray();
            if (headers.Length == 0 || (headers.Length == 1 && string.IsNullOrWhiteSpace(headers[0])))
            {
                throw new GeoDataException(path, null, null, "the file is empty: a header row naming the columns was expected");
            }

            var table = new CsvTable(path, reader, headers, Math.Max(1, reader.LineNumber));
            reader = null;
            return table;
        }
        catch (Exception e) when (Translate(path, e) is { } translated)
        {
            throw translated;
        }
        finally
        {
            reader?.Dispose();
        }
    }

    /// <summary>Whether a column of that name exists (matched trimmed and ignoring case).</summary>
    public bool TryColumn(string name, out CsvColumn column)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = Find(name);
        column = found.Length == 1 ? found[0] : default;
        return found.Length == 1;
    }

    /// <summary>The column with that header name: an exact match, else the one matching trimmed and ignoring case.</summary>
    /// <exception cref="GeoDataException">No column, or several, match; the message lists the columns that exist.</exception>
    public CsvColumn Column(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = Find(name);
        return found.Length switch
        {
            1 => found[0],
            0 => throw new GeoDataException(Path, _headerLine, name, "no such column; the columns are " + ListColumns() + SeparatorHint()),
            _ => throw new GeoDataException(
                Path,
                _headerLine,
                name,
                $"several columns have this name (columns {string.Join(", ", found.Select(c => c.Index + 1))}); rename them so one is meant"),
        };
    }

    /// <summary>Advances to the next data row; false at the end of the file. Empty lines are passed over.</summary>
    /// <exception cref="GeoDataException">The row's quoting is malformed.</exception>
    public bool Read()
    {
        try
        {
            _onRow = _reader.Read();
            return _onRow;
        }
        catch (Exception e) when (Translate(Path, e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The field's text, trimmed; empty when the field is empty.</summary>
    public string GetRaw(CsvColumn column)
    {
        RequireRow();
        if (column.Index >= _reader.FieldCount)
        {
            throw Error(
                column,
                $"the row has {_reader.FieldCount} field(s) but this is column {column.Index + 1}; the header has {_headers.Length}");
        }

        var text = _reader.GetString(column.Index).Trim();
        if (text.Contains(NotUtf8))
        {
            // The reader decodes UTF-8 and puts U+FFFD where bytes are not; a name silently mangled is worse than a refusal.
            throw Error(column, $"'{text}' holds bytes that are not UTF-8 text (a Latin-1 or Windows-1252 file?): save the file as UTF-8");
        }

        return text;
    }

    /// <summary>
    /// The fast path of <see cref="GetRaw"/> for readers of large tables: the field's UTF-8 bytes trimmed of white
    /// space, without making a string, when the row has the field and it is plain ASCII (so the bytes are exactly the
    /// text <see cref="GetRaw"/> would give). False otherwise: then <see cref="GetRaw"/> and the getters built on it give
    /// the text, or the error naming the line and column. The span is valid until the next <see cref="Read"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal bool TryGetAscii(CsvColumn column, out ReadOnlySpan<byte> ascii)
    {
        RequireRow();
        ascii = default;
        if (column.Index >= _reader.FieldCount)
        {
            return false;
        }

        var bytes = _reader.GetSpan(column.Index);
        if (!System.Text.Ascii.IsValid(bytes))
        {
            return false;
        }

        var start = 0;
        var end = bytes.Length;
        while (start < end && char.IsWhiteSpace((char)bytes[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace((char)bytes[end - 1]))
        {
            end--;
        }

        ascii = bytes[start..end];
        return true;
    }

    /// <summary>
    /// The fast path of <see cref="GetDouble"/>: the field as a finite number parsed from its bytes, when it is plain
    /// ASCII without thousands separators. False when it is not (or is empty, or not a number): then
    /// <see cref="GetDouble"/> gives the value or the error, as it always would.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal bool TryGetPlainDouble(CsvColumn column, out double value)
    {
        value = 0;
        return TryGetAscii(column, out var ascii)
            && ascii.Length > 0
            && ascii.IndexOf((byte)',') < 0
            && double.TryParse(ascii, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>The field's text, trimmed, which must not be empty (a code or a name).</summary>
    /// <exception cref="GeoDataException">The field is empty.</exception>
    public string GetText(CsvColumn column)
    {
        var text = GetRaw(column);
        return text.Length > 0 ? text : throw Error(column, "is empty; a value is required");
    }

    /// <summary>The field's text, trimmed, or null when it is empty.</summary>
    public string? GetOptionalText(CsvColumn column)
    {
        var text = GetRaw(column);
        return text.Length > 0 ? text : null;
    }

    /// <summary>The field as a finite number; thousands separators and surrounding spaces are allowed.</summary>
    /// <exception cref="GeoDataException">The field is empty or not a number.</exception>
    public double GetDouble(CsvColumn column) =>
        GetOptionalDouble(column) ?? throw Error(column, "is empty; a number is required");

    /// <summary>The field as a finite number, or null when it is empty.</summary>
    /// <exception cref="GeoDataException">The field is not empty and not a number.</exception>
    public double? GetOptionalDouble(CsvColumn column)
    {
        var text = GetRaw(column);
        if (text.Length == 0)
        {
            return null;
        }

        return ParseNumber(text, out var value) ? value : throw Error(column, $"'{text}' is not a number");
    }

    /// <summary>The field as a whole number; see <see cref="GetDouble"/>.</summary>
    /// <exception cref="GeoDataException">The field is empty, not a number, or not a whole number that fits.</exception>
    public long GetInt64(CsvColumn column)
    {
        var value = GetDouble(column);
        if (value != Math.Floor(value) || value < long.MinValue || value >= long.MaxValue)
        {
            throw Error(column, $"'{GetRaw(column)}' is not a whole number");
        }

        return (long)value;
    }

    /// <summary>The field as a whole number that fits an <see cref="int"/>.</summary>
    /// <exception cref="GeoDataException">The field is empty, not a number, or not a whole number that fits.</exception>
    public int GetInt32(CsvColumn column)
    {
        var value = GetInt64(column);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Error(column, $"'{GetRaw(column)}' is too large");
    }

    /// <summary>An error about the current row (or the header, before the first row) and, when given, a column.</summary>
    public GeoDataException Error(CsvColumn? column, string problem) => new(Path, Line, column?.Name, problem);

    public void Dispose() => _reader.Dispose();

    /// <summary>
    /// Parses invariant-culture numbers that may carry thousands separators. A comma must separate groups of
    /// three digits, so a decimal comma ("1,5") is rejected instead of being read as fifteen.
    /// </summary>
    internal static bool ParseNumber(string text, out double value)
    {
        value = 0;
        var s = text.AsSpan().Trim();
        if (s.Contains(','))
        {
            if (!HasValidGrouping(s))
            {
                return false;
            }

            s = s.ToString().Replace(",", string.Empty, StringComparison.Ordinal);
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static bool HasValidGrouping(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            s = s[1..];
        }

        var end = s.IndexOfAny('.', 'e', 'E');
        var integer = end < 0 ? s : s[..end];
        var groups = integer.ToString().Split(',');
        if (groups[0].Length is < 1 or > 3)
        {
            return false;
        }

        foreach (var group in groups)
        {
            if (!group.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return groups.Skip(1).All(g => g.Length == 3) && !s[integer.Length..].Contains(',');
    }

    private static GeoDataException? Translate(string path, Exception e) => e switch
    {
        GeoDataException => null,
        CsvFormatException f => new GeoDataException(path, f.LineNumber > 0 ? f.LineNumber : null, null, f.Message, f),
        FileNotFoundException or DirectoryNotFoundException => new GeoDataException(path, null, null, "the file does not exist", e),
        IOException or UnauthorizedAccessException => new GeoDataException(path, null, null, "the file cannot be read: " + e.Message, e),
        _ => null,
    };

    private CsvColumn[] Find(string name)
    {
        for (var i = 0; i < _headers.Length; i++)
        {
            if (string.Equals(_headers[i], name, StringComparison.Ordinal))
            {
                return [new CsvColumn(i, _headers[i])];
            }
        }

        var wanted = name.Trim();
        var found = new List<CsvColumn>();
        for (var i = 0; i < _headers.Length; i++)
        {
            if (string.Equals(_headers[i].Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new CsvColumn(i, _headers[i]));
            }
        }

        return [.. found];
    }

    private string ListColumns()
    {
        var listed = _headers.Take(MaxColumnsListed).Select(h => $"'{h}'");
        var text = string.Join(", ", listed);
        return _headers.Length > MaxColumnsListed ? $"{text} and {_headers.Length - MaxColumnsListed} more" : text;
    }

    /// <summary>A file with one column whose name holds ';' or a tab was most likely written with another separator.</summary>
    private string SeparatorHint()
    {
        if (_headers.Length != 1)
        {
            return string.Empty;
        }

        return _headers[0].Contains(';', StringComparison.Ordinal) ? " (the file seems to be separated by ';'; Geo reads comma-separated files)"
            : _headers[0].Contains('\t', StringComparison.Ordinal) ? " (the file seems to be separated by tabs; Geo reads comma-separated files)"
            : string.Empty;
    }

    private void RequireRow()
    {
        if (!_onRow)
        {
            throw new InvalidOperationException("Call Read() and check it returned true before getting fields.");
        }
    }
}
