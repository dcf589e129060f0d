using Geo.Tests;

namespace Geo.Core.Tests.Statistics;

/// <summary>A theory over OHID's reference vectors in <c>../shared/data/reference</c>; skipped without them.</summary>
internal sealed class ReferenceTheoryAttribute : TheoryAttribute
{
    public ReferenceTheoryAttribute()
    {
        if (SharedData.ReferenceDirectory is null)
        {
            Skip = ReferenceFactAttribute.Message;
        }
    }
}
