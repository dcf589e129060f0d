using Geo.Tests;

namespace Geo.Viewer.Tests;

/// <summary>A browser test on the real England data: needs chromium and ../shared/data/england; skipped without either.</summary>
internal sealed class EnglandChromiumFactAttribute : FactAttribute
{
    public EnglandChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.Path))
        {
            Skip = ChromiumFactAttribute.Message;
        }
        else if (SharedData.EnglandDirectory is null)
        {
            Skip = EnglandFactAttribute.Message;
        }
    }
}
