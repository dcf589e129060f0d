namespace Geo.Data.Import;

/// <summary>
/// Tells a CSV text file from a binary one by its first bytes, so that a spreadsheet, an archive or a photo given
/// as CSV is refused by name instead of being parsed into nonsense columns. Stateless and thread-safe.
/// </summary>
internal static class TextSniff
{
    /// <summary>How many leading bytes are looked at.</summary>
    public const int Bytes = 8192;

    /// <summary>Why the leading bytes are not CSV text, or null when they may be (an empty file included).</summary>
    public static string? Problem(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "the file is a ZIP archive (an Excel .xlsx workbook?), not CSV text: save the sheet as CSV (comma-separated, UTF-8)";
        }

        // UTF-16 text holds NUL bytes too; its byte order mark tells it apart (and the CSV reader decodes it).
        var utf16 = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        return !utf16 && head.Contains((byte)0)
            ? "the file is binary (it holds NUL bytes), not CSV text: save it as CSV (comma-separated, UTF-8)"
            : null;
    }

    /// <summary>Why the file at <paramref name="path"/> is not CSV text, or null; a file that cannot be opened is left to the reader.</summary>
    public static string? Problem(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            Span<byte> head = stackalloc byte[Bytes];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return Problem(head[..read]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
