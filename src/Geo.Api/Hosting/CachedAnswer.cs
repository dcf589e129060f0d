using System.IO.Compression;

namespace Geo.Api.Hosting;

/// <summary>
/// One answer (a 200 to a GET) as it was written, compressed once: the plain bytes and, when compressing saves
/// something, their gzip and Brotli forms, each with its own entity tag (the plain answer's tag with <c>-gzip</c> or
/// <c>-br</c> before the closing quote, since a strong tag names exact bytes). Immutable; thread-safe.
/// </summary>
public sealed class CachedAnswer
{
    /// <summary>Bodies this small are sent plain: compressing them saves less than the header costs.</summary>
    public const int MinimumCompressedBytes = 256;

    /// <summary>Brotli's quality (0-11): 5 is near the best ratio per second of work, and the work is done once.</summary>
    public const int BrotliQuality = 5;

    /// <summary>Brotli's window, 2^22 bytes (4 MB), the format's default.</summary>
    private const int BrotliWindow = 22;

    /// <summary>Bytes charged per answer besides its bodies (key, headers, nodes).</summary>
    private const long Overhead = 1024;

    private CachedAnswer(string contentType, string? contentDisposition, string? cacheControl, string? etag,
        byte[] identity, byte[]? gzip, byte[]? brotli)
    {
        ContentType = contentType;
        ContentDisposition = contentDisposition;
        CacheControl = cacheControl;
        ETag = etag;
        Identity = identity;
        Gzip = gzip;
        Brotli = brotli;
    }

    public string ContentType { get; }

    public string? ContentDisposition { get; }

    public string? CacheControl { get; }

    /// <summary>The plain answer's entity tag (quoted), or null when it has none.</summary>
    public string? ETag { get; }

    public byte[] Identity { get; }

    /// <summary>The gzip form, or null when compressing did not make it smaller.</summary>
    public byte[]? Gzip { get; }

    /// <summary>The Brotli form, or null when compressing did not make it smaller.</summary>
    public byte[]? Brotli { get; }

    /// <summary>Bytes charged for this answer in the cache.</summary>
    public long Size => Identity.Length + (Gzip?.Length ?? 0) + (Brotli?.Length ?? 0) + Overhead;

    /// <summary>The answer to <paramref name="identity"/>, with its gzip and Brotli forms made now (in parallel when large).</summary>
    public static CachedAnswer Compress(string contentType, string? contentDisposition, string? cacheControl, string? etag, byte[] identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        byte[]? gzip = null;
        byte[]? brotli = null;
        if (identity.Length >= MinimumCompressedBytes)
        {
            if (identity.Length >= 1 << 20)
            {
                Parallel.Invoke(() => gzip = GzipOf(identity), () => brotli = BrotliOf(identity));
            }
            else
            {
                gzip = GzipOf(identity);
                brotli = BrotliOf(identity);
            }
        }

        return new CachedAnswer(contentType, contentDisposition, cacheControl, etag, identity,
            gzip is not null && gzip.Length < identity.Length ? gzip : null,
            brotli is not null && brotli.Length < identity.Length ? brotli : null);
    }

    /// <summary>The body in <paramref name="encoding"/> (br, gzip or identity); null when this answer has no such form.</summary>
    public byte[]? Body(string encoding) => encoding switch
    {
        ContentCoding.Brotli => Brotli,
        ContentCoding.Gzip => Gzip,
        _ => Identity,
    };

    /// <summary>The entity tag of the body in <paramref name="encoding"/>.</summary>
    public string? ETagOf(string encoding) =>
        ETag is null || encoding == ContentCoding.Identity ? ETag : ETag[..^1] + "-" + encoding + "\"";

    private static byte[] GzipOf(byte[] bytes)
    {
        using var output = new MemoryStream(bytes.Length / 4);
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] BrotliOf(byte[] bytes)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        return BrotliEncoder.TryCompress(bytes, output, out var written, BrotliQuality, BrotliWindow)
            ? output.AsSpan(0, written).ToArray()
            : throw new InvalidOperationException("Brotli could not compress an answer into its maximum compressed length.");
    }
}
