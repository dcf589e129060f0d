using Geo.Spatial.Join;

namespace Geo.Data.Join;

/// <summary>How many rows of a points file ended in each <see cref="PointStatus"/>. Immutable.</summary>
public sealed record PointJoinCounts(long Matched, long Outside, long Invalid)
{
    /// <summary>Every data row of the file: each is counted once.</summary>
    public long Rows => Matched + Outside + Invalid;

    public long this[PointStatus status] => status switch
    {
        PointStatus.Matched => Matched,
        PointStatus.Outside => Outside,
        PointStatus.Invalid => Invalid,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a point status."),
    };
}
