namespace Geo.Spatial.Join;

/// <summary>The words users see for each <see cref="PointStatus"/>, in output files and reports. Stateless and thread-safe.</summary>
public static class PointStatusNames
{
    public const string Matched = "matched";

    public const string Outside = "outside";

    public const string Invalid = "invalid";

    /// <summary>The user-facing word for <paramref name="status"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public static string ToText(this PointStatus status) => status switch
    {
        PointStatus.Matched => Matched,
        PointStatus.Outside => Outside,
        PointStatus.Invalid => Invalid,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a point status."),
    };

    /// <summary>Reads a word written by <see cref="ToText"/>, ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? text, out PointStatus status)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case Matched:
                status = PointStatus.Matched;
                return true;
            case Outside:
                status = PointStatus.Outside;
                return true;
            case Invalid:
                status = PointStatus.Invalid;
                return true;
            default:
                status = default;
                return false;
        }
    }
}
