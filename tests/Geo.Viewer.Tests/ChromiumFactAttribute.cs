namespace Geo.Viewer.Tests;

/// <summary>A browser test: needs Debian's chromium at <see cref="Path"/> (installed by .ci/run); skipped without it.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public const string Message = "Chromium not found at /usr/bin/chromium: install it (apt-get install -y chromium) to run the browser tests.";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path))
        {
            Skip = Message;
        }
    }
}
