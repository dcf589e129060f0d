namespace Geo.Core.Sources;

/// <summary>
/// Bad input: names the file, the line or feature, and the field, so the person holding the file can
/// find and mend it. Importers throw it before anything is published, so nothing is half-loaded.
/// </summary>
public sealed class GeoDataException : Exception
{
    public GeoDataException(string file, long? line, string? field, string problem, Exception? inner = null)
        : base(Format(file, line, field, problem), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    public string File { get; }

    /// <summary>1-based line of a text file, or 1-based feature number of a spatial file.</summary>
    public long? Line { get; }

    public string? Field { get; }

    public string Problem { get; }

    private static string Format(string file, long? line, string? field, string problem)
    {
        var where = file;
        if (line is not null)
        {
            where += $", line {line}";
        }

        if (!string.IsNullOrEmpty(field))
        {
            where += $", field '{field}'";
        }

        return $"{where}: {problem}";
    }
}
