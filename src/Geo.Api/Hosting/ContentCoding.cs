using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Geo.Api.Hosting;

/// <summary>
/// The content codings the server stores answers in, and the choice among them by a request's <c>Accept-Encoding</c>
/// (RFC 9110 12.5.3): the highest quality the client gives a coding the answer has; on a tie Brotli, then gzip, then
/// identity (smallest first). No header, or only codings we lack, means identity. Stateless.
/// </summary>
public static class ContentCoding
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    /// <summary>The coding to send <paramref name="answer"/> in.</summary>
    public static string Choose(StringValues acceptEncoding, CachedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (acceptEncoding.Count == 0 || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var offered))
        {
            return Identity;
        }

        var best = Identity;
        var bestQuality = 0.0;
        foreach (var coding in (string[])[Brotli, Gzip])
        {
            if (answer.Body(coding) is null)
            {
                continue;
            }

            var quality = Quality(offered, coding);
            if (quality > bestQuality)
            {
                best = coding;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>The client's quality for <paramref name="coding"/>: its own entry, else <c>*</c>'s, else 0.</summary>
    private static double Quality(IList<StringWithQualityHeaderValue> offered, string coding)
    {
        double? any = null;
        foreach (var o in offered)
        {
            if (StringSegment.Equals(o.Value, coding, StringComparison.OrdinalIgnoreCase))
            {
                return o.Quality ?? 1;
            }

            if (o.Value == "*")
            {
                any = o.Quality ?? 1;
            }
        }

        return any ?? 0;
    }
}
