namespace Geo.Core.Sources;

/// <summary>
/// Bad input: names the file, the line or feature, and the field, so the person holding the file can
/// find and mend it. Importers throw it before anything is published, so nothing is half-loaded.
/// </summary>
public sealed class GeoDataException : Exception
{
    public GeoDataException(string file, long? line, string? field, string problem, Exception? inner = null)
        : this(file, line, field, problem, inner, feature: false)
    {
    }

    private GeoDataException(string file, long? line, string? field, string problem, Exception? inner, bool feature)
        : base(Format(file, feature ? "feature" : "line", line, field, problem), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
        IsFeature = feature;
    }

    public string File { get; }

    /// <summary>1-based line of a text file, or 1-based feature number of a spatial file (see <see cref="IsFeature"/>).</summary>
    public long? Line { get; }

    /// <summary>True when <see cref="Line"/> numbers a feature of a spatial file rather than a line of text.</summary>
    public bool IsFeature { get; }

    public string? Field { get; }

    public string Problem { get; }

    /// <summary>Bad input in one feature (1-based) of a boundary file: the message says "feature N".</summary>
    public static GeoDataException InFeature(string file, long? feature, string? field, string problem, Exception? inner = null) =>
        new(file, feature, field, problem, inner, feature: true);

    private static string Format(string file, string unit, long? line, string? field, string problem)
    {
        var where = file;
        if (line is not null)
        {
            where += $", {unit} {line}";
        }

        if (!string.IsNullOrEmpty(field))
        {
            where += $", field '{field}'";
        }

        return $"{where}: {problem}";
    }
}
