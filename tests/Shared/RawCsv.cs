using System.Text;

namespace Geo.Tests;

/// <summary>
/// A plain, independent CSV reader for checking Geo's answers against the raw files: RFC 4180 quoting on one line per
/// record (the shared data's files have no line breaks in fields), columns picked by exact header name. Not Geo's
/// importer on purpose.
/// </summary>
internal static class RawCsv
{
    /// <summary>The named columns of every record, in file order.</summary>
    public static IEnumerable<string[]> Read(string path, params string[] columns)
    {
        using var reader = new StreamReader(path);
        var header = Split(reader.ReadLine()!.TrimStart('\uFEFF'));
        var index = columns.Select(c => Array.IndexOf(header, c) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{path} has no column '{c}'")).ToArray();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line);
            yield return [.. index.Select(i => fields[i])];
        }
    }

    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
