namespace Geo.Api.Hosting;

/// <summary>
/// Security headers on every answer, errors included (set as the response starts, after any handler has cleared
/// headers): <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c>, and a Content-Security-Policy
/// by kind of answer. The viewer (index.html, its bundle, MapLibre's worker file and styles) may load scripts, workers,
/// styles, tiles and API answers from its own origin only (images also as data: URIs, which MapLibre's stylesheet uses
/// for its control icons); the API reference page (<c>/docs</c>) has no scripts and one inline stylesheet; everything else
/// (JSON, CSV, GeoJSON, tiles) may load nothing and be framed by nobody. Stateless.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The viewer's policy: its own origin only, no inline scripts or styles, no blob: workers.</summary>
    public const string ViewerPolicy = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; "
        + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page's policy: no scripts at all, its own inline stylesheet.</summary>
    public const string ReferencePolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Data answers' policy: a JSON or CSV answer opened in a browser runs and loads nothing.</summary>
    public const string DataPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = Policy(context.Request.Path);
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>The policy for a path: data under /api, /tiles and /openapi, the reference at /docs, the viewer elsewhere.</summary>
    public static string Policy(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/tiles") || path.StartsWithSegments("/openapi")
            ? DataPolicy
            : path.StartsWithSegments("/docs") ? ReferencePolicy : ViewerPolicy;
}
