using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Geo.Api.Hosting;

/// <summary>
/// The upload's rate limit: each client (by remote address) may send <see cref="GeoOptions.UploadsPerMinute"/> requests a
/// minute to <c>POST /api/indicators</c> (a fixed window, nothing queued), since each upload holds its file in memory and
/// reads every row; more get 429 ProblemDetails with <c>Retry-After</c> in seconds. Reading and serving are not limited.
/// </summary>
public static class UploadRateLimit
{
    /// <summary>The policy's name, for <c>RequireRateLimiting</c>.</summary>
    public const string Policy = "upload";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static void Configure(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Policy, context =>
        {
            var permits = context.RequestServices.GetRequiredService<IOptions<GeoOptions>>().Value.UploadsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = Window, QueueLimit = 0 });
        });
        options.OnRejected = async (rejected, cancellation) =>
        {
            var http = rejected.HttpContext;
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds))
                : (int)Window.TotalSeconds;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many uploads",
                    Detail = $"This server takes {Math.Max(1, http.RequestServices.GetRequiredService<IOptions<GeoOptions>>().Value.UploadsPerMinute)} "
                        + $"uploads a minute from one client; try again in {seconds} s.",
                    Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                },
            });
        };
    }
}
