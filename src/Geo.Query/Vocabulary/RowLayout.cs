namespace Geo.Query.Vocabulary;

/// <summary>How an answer lays out its rows: an object per row, or an array per column.</summary>
public enum RowLayout
{
    /// <summary>One object per row, each naming its columns (the default).</summary>
    Rows,

    /// <summary>One array per column, each column named once, the rows in the same order in every array.</summary>
    Columns,
}
