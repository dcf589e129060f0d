namespace Geo.Data.Export;

/// <summary>
/// Writes a file through a temporary file beside it, moved over the target only when the writing succeeded, so that a
/// failure never leaves half a file (and never spoils an older complete one). Stateless and thread-safe.
/// </summary>
internal static class AtomicFile
{
    /// <param name="write">Writes the whole file at the temporary path it is given.</param>
    public static void Write(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
