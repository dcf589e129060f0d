using System.Diagnostics;

namespace Geo.Api.Hosting;

/// <summary>
/// One log line a request: method, path and query, status and time, e.g.
/// <c>GET /api/indicators/copd/areas/E06000002 → 200 in 3 ms</c>. The framework's own lines are
/// filtered out unless <see cref="GeoOptions.Verbose"/>. Stateless.
/// </summary>
public static partial class RequestLog
{
    /// <summary>The logger category, so that hosts can filter the request lines on their own.</summary>
    public const string Category = "Geo.Requests";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var request = context.Request;
                Served(logger, request.Method, $"{request.PathBase}{request.Path}{request.QueryString}", context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Target} → {Status} in {Milliseconds:F0} ms")]
    private static partial void Served(ILogger logger, string method, string target, int status, double milliseconds);
}
