using Microsoft.AspNetCore.Mvc;

namespace Geo.Api.Hosting;

/// <summary>
/// Refuses a request whose path and query together are longer than <see cref="MaxUrlLength"/> characters with 414
/// ProblemDetails. Kestrel's own request-line limit is raised above it (<see cref="KestrelRequestLineBytes"/>), so that
/// an over-long URL (a 10 KB query parameter, say) gets this answer rather than Kestrel's bare 414; beyond Kestrel's limit
/// Kestrel still refuses on its own. No URL of the API comes near the limit. Stateless.
/// </summary>
public static class UrlLengthLimit
{
    /// <summary>The longest path and query answered: 8 KB, what Kestrel allows by default.</summary>
    public const int MaxUrlLength = 8 * 1024;

    /// <summary>Kestrel's request-line limit, above <see cref="MaxUrlLength"/>.</summary>
    public const int KestrelRequestLineBytes = 64 * 1024;

    public static IApplicationBuilder UseUrlLengthLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var length = request.PathBase.Value?.Length + request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
        if (length <= MaxUrlLength)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status414UriTooLong;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status414UriTooLong,
                Title = "URL too long",
                Detail = $"The path and query are {length:N0} characters long; this server answers URLs of up to {MaxUrlLength:N0}.",
                Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.15",
            },
        });
    });
}
