using System.Security.Cryptography;
using System.Text;

namespace Geo.Api.Hosting;

/// <summary>
/// Entity tags and cache lifetimes for the API's GETs. The data never change while the server runs, so
/// a response is identified by the server's data version and the request's path and query: a matching
/// <c>If-None-Match</c> gets 304 before any work is done. Stateless apart from the data version.
/// </summary>
public static class HttpCaching
{
    /// <summary>How long clients may reuse an answer without asking again.</summary>
    public const int MaxAgeSeconds = 300;

    /// <summary>The Cache-Control of a 200 under /api.</summary>
    public static readonly string CacheControl = $"public, max-age={MaxAgeSeconds}";

    public static IApplicationBuilder UseApiCaching(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            || !request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/api/health"))
        {
            await next(context);
            return;
        }

        var version = context.RequestServices.GetRequiredService<DatasetHost>().Version;
        var tag = Tag(version, request.Path + request.QueryString);
        if (Matches(request.Headers.IfNoneMatch, tag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = tag;
            return;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                context.Response.Headers.ETag = tag;
                context.Response.Headers.CacheControl = CacheControl;
            }

            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>If-None-Match by the weak comparison (RFC 9110 13.1.2): a W/ prefix does not matter; * matches anything.</summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !Microsoft.Net.Http.Headers.EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var ours = new Microsoft.Net.Http.Headers.EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(Microsoft.Net.Http.Headers.EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }

    /// <summary>The entity tag of a GET under /api: the data version and a hash of the path and query.</summary>
    public static string Tag(string version, string pathAndQuery)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(pathAndQuery));
        return $"\"{version}-{Convert.ToHexStringLower(hash, 0, 8)}\"";
    }
}
