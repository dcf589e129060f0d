namespace Geo.Query.Vocabulary;

/// <summary>The words for a <see cref="RowLayout"/> (<c>format</c>): rows or columns. Stateless.</summary>
public static class RowLayoutWords
{
    public const string Help = "rows (one object per area, the default) or columns (one array per field, every field named once)";

    /// <summary>The layout named by <paramref name="text"/>; rows when none is given.</summary>
    /// <exception cref="QueryException">Neither rows nor columns.</exception>
    public static RowLayout Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "rows" => RowLayout.Rows,
        "columns" => RowLayout.Columns,
        _ => throw QueryException.Bad("format", $"The format must be {Help}, not '{text}'."),
    };
}
