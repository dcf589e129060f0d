using Geo.Tests;

namespace Geo.Viewer.Tests;

/// <summary>
/// The viewer's benchmark on full England: run only when asked (<c>GEO_VIEWER_BENCH=1</c>), with chromium
/// and the England data present. It loads England and takes minutes, so the test suite leaves it out.
/// </summary>
internal sealed class ViewerBenchmarkFactAttribute : FactAttribute
{
    public ViewerBenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("GEO_VIEWER_BENCH") != "1")
        {
            Skip = "The viewer benchmark runs only with GEO_VIEWER_BENCH=1 (see docs/benchmarks.md, Viewer).";
        }
        else if (!File.Exists(ChromiumFactAttribute.Path))
        {
            Skip = ChromiumFactAttribute.Message;
        }
        else if (SharedData.EnglandDirectory is null)
        {
            Skip = EnglandFactAttribute.Message;
        }
    }
}
