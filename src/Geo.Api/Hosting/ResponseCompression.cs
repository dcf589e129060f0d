using Microsoft.AspNetCore.ResponseCompression;

namespace Geo.Api.Hosting;

/// <summary>
/// Brotli, then gzip, for the text answers that <see cref="CompressedAnswers"/> does not keep (the viewer's files, errors,
/// <c>/docs</c>, the OpenAPI document), compressed as each is sent at the providers' default (fastest) level. Data answers
/// under <c>/api</c> and vector tiles reach this middleware with no <c>Accept-Encoding</c> and are compressed once, outside
/// it, by <see cref="CompressedAnswers"/>.
/// </summary>
public static class ResponseCompression
{
    public static readonly string[] MimeTypes =
    [
        "application/json", "application/problem+json", "application/geo+json", "text/csv",
        "text/html", "text/css", "text/javascript", "application/javascript", "text/plain",
    ];

    public static void Configure(ResponseCompressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // no secrets or sessions in any answer, so compression over HTTPS gives nothing away (BREACH)
        options.EnableForHttps = true;
        options.MimeTypes = MimeTypes;
        options.Providers.Add<BrotliCompressionProvider>();
        options.Providers.Add<GzipCompressionProvider>();
    }
}
