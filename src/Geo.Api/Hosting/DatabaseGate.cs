using Microsoft.AspNetCore.Mvc;

namespace Geo.Api.Hosting;

/// <summary>
/// While the database the server answers from cannot be used, every API and tile request gets 503 with a
/// ProblemDetails body saying why and a Retry-After; the viewer's static files are still served.
/// </summary>
public static class DatabaseGate
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseDatabaseGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var host = context.RequestServices.GetRequiredService<DatasetHost>();
        var path = context.Request.Path;
        if (host.Store is not null && host.Unavailable is { } reason
            && (path.StartsWithSegments("/api") || path.StartsWithSegments("/tiles")))
        {
            await WriteAsync(context, reason);
            return;
        }

        await next(context);
    });

    /// <summary>Answers 503 with <paramref name="reason"/>.</summary>
    public static async Task WriteAsync(HttpContext context, string reason)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problem(reason),
        });
    }

    public static ProblemDetails Problem(string reason) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "Database unavailable",
        Detail = reason + $" The server retries by itself; try again in {RetryAfterSeconds} s.",
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
    };
}
