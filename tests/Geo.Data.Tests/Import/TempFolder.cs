namespace Geo.Data.Tests.Import;

/// <summary>A folder under the system temp folder for files a test writes; deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        FullName = Path.Combine(Path.GetTempPath(), "geo-import-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullName);
    }

    public string FullName { get; }

    public string File(string name) => Path.Combine(FullName, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullName, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms: the system cleans its temp folder.
        }
    }
}
