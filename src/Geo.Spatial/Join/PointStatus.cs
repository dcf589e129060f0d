namespace Geo.Spatial.Join;

/// <summary>
/// What became of one point in a join. Users see it as the lower-case words of <see cref="PointStatusNames"/>
/// (<c>matched</c>, <c>outside</c>, <c>invalid</c>).
/// </summary>
public enum PointStatus
{
    /// <summary>A polygon covers the point; its code is the point's neighbourhood.</summary>
    Matched,

    /// <summary>The point has good coordinates but lies in no polygon (sea, Wales, Scotland...). Reported, never dropped.</summary>
    Outside,

    /// <summary>A coordinate is missing, not a number, or not finite.</summary>
    Invalid,
}
