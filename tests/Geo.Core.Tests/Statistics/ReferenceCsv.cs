using System.Text;
using Geo.Tests;

namespace Geo.Core.Tests.Statistics;

/// <summary>
/// A tiny quote-aware CSV reader for the PHEindicatormethods reference vectors: commas split fields,
/// double quotes may wrap a field (and hold commas, doubled quotes or line breaks), a leading BOM is
/// dropped and wholly empty rows are skipped. The files are read where they lie in ../shared, never copied.
/// </summary>
internal sealed class ReferenceCsv
{
    private readonly Dictionary<string, int> _columns;

    private ReferenceCsv(string name, IReadOnlyList<string> headers, IReadOnlyList<ReferenceRow> rows)
    {
        Name = name;
        Headers = headers;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            // unnamed padding columns (",,,") are not addressable
            if (headers[i].Length > 0)
            {
                _columns.TryAdd(headers[i], i);
            }
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<ReferenceRow> Rows { get; }

    /// <summary>Reads a file of <c>../shared/data/reference/phe-indicator-methods</c>.</summary>
    /// <param name="headerRow">Zero-based record holding the column names (some files have a dummy <c>Field1,…</c> row first).</param>
    public static ReferenceCsv Load(string fileName, int headerRow = 0) =>
        Parse(File.ReadAllText(SharedData.Reference("phe-indicator-methods", fileName)), fileName, headerRow);

    public static ReferenceCsv Parse(string text, string name, int headerRow = 0)
    {
        var records = Split(text.TrimStart('\uFEFF'));
        if (records.Count <= headerRow)
        {
            throw new InvalidDataException($"{name}: no header row");
        }

        var headers = records[headerRow].Fields.Select(h => h.Trim()).ToArray();
        var rows = new List<ReferenceRow>();
        var table = new ReferenceCsv(name, headers, rows);
        foreach (var (line, fields) in records.Skip(headerRow + 1))
        {
            if (fields.All(f => f.Length == 0))
            {
                continue;
            }

            rows.Add(new ReferenceRow(table, line, fields));
        }

        return table;
    }

    internal int IndexOf(string column) =>
        _columns.TryGetValue(column, out var i)
            ? i
            : throw new KeyNotFoundException($"{Name} has no column '{column}' (has {string.Join(", ", Headers)})");

    private static List<(int Line, string[] Fields)> Split(string text)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((recordLine, fields.ToArray()));
                fields.Clear();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields.ToArray()));
        }

        return records;
    }
}
