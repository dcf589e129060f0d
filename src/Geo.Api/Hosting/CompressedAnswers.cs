using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Geo.Api.Hosting;

/// <summary>
/// Keeps the 200 answers of data GETs (under <c>/api</c> except health, OGC API - Features under <c>/ogc</c>, and vector
/// tiles) compressed once, in gzip and
/// Brotli beside the plain bytes (<see cref="CachedAnswer"/>), in a byte-bounded <see cref="AnswerCache"/> keyed by the
/// data version and the request's path and query. Every later request gets the form its <c>Accept-Encoding</c> chooses
/// (<see cref="ContentCoding"/>), with <c>Vary: Accept-Encoding</c>, that form's entity tag and 304 on a matching
/// <c>If-None-Match</c>, for the cost of a lookup: a compressed answer costs what a plain one does.
/// <para>It sits outside <see cref="ResponseCompression"/>: a request it may keep is passed on without its
/// <c>Accept-Encoding</c>, so the answer comes back plain, and is compressed here once. The data version is
/// <see cref="DatasetHost.Version"/> for the API and OGC (a new one after every upload or database load) and the tiles'
/// <see cref="Geo.Tiles.TileCatalog.Version"/> for tiles (tiles do not change with indicators). Concurrent first
/// requests for one answer wait for the first to make it. While the database is away, requests go on to the
/// <see cref="DatabaseGate"/>, so nothing stale is served.</para>
/// Thread-safe.
/// </summary>
public static class CompressedAnswers
{
    public static IApplicationBuilder UseCompressedAnswers(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<GeoOptions>>().Value;
        var cache = new AnswerCache(options.AnswerCacheMegabytes * 1024L * 1024L);
        var making = new ConcurrentDictionary<string, Task<CachedAnswer?>>(StringComparer.Ordinal);
        return app.Use((context, next) => Key(context) is { } key ? Serve(context, next, cache, making, key) : next(context));
    }

    /// <summary>The cache key of a request whose answer may be kept, or null.</summary>
    private static string? Key(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path;
        if (!HttpMethods.IsGet(request.Method) || request.Headers.ContainsKey(HeaderNames.Range))
        {
            return null;
        }

        var tiles = path.StartsWithSegments("/tiles") && path.Value!.EndsWith(".mvt", StringComparison.Ordinal);
        var data = path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/health") || path.StartsWithSegments("/ogc");
        if (!tiles && !data)
        {
            return null;
        }

        var host = context.RequestServices.GetRequiredService<DatasetHost>();
        if (host.Store is not null && host.Unavailable is not null)
        {
            return null;
        }

        try
        {
            var version = tiles ? "tiles " + host.Tiles.Version : host.Version;
            return $"{version} {path}{request.QueryString}";
        }
        catch (DatabaseUnavailableException)
        {
            return null;
        }
    }

    private static async Task Serve(HttpContext context, RequestDelegate next, AnswerCache cache,
        ConcurrentDictionary<string, Task<CachedAnswer?>> making, string key)
    {
        // registered before the handlers run, so it runs after their own header callbacks (callbacks run last first)
        var sent = new SentForm();
        context.Response.OnStarting(sent.Apply, context.Response);
        if (cache.TryGet(key, out var kept))
        {
            await Write(context, kept, sent);
            return;
        }

        var made = new TaskCompletionSource<CachedAnswer?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = making.GetOrAdd(key, made.Task);
        if (pending != made.Task)
        {
            // another request is making this answer: use it, or answer on our own when it was not one to keep
            if (await pending is { } other)
            {
                await Write(context, other, sent);
            }
            else
            {
                await next(context);
            }

            return;
        }

        CachedAnswer? answer;
        try
        {
            answer = await Make(context, next);
            if (answer is not null)
            {
                cache.Set(key, answer);
            }

            made.SetResult(answer);
        }
        catch (Exception e)
        {
            made.SetException(e);
            throw;
        }
        finally
        {
            making.TryRemove(key, out _);
        }

        if (answer is not null)
        {
            await Write(context, answer, sent);
        }
    }

    /// <summary>
    /// Runs the request with a plain answer captured; a 200 of a compressible or tile type becomes a
    /// <see cref="CachedAnswer"/> (for the caller to send), anything else is sent now as it came.
    /// </summary>
    private static async Task<CachedAnswer?> Make(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var response = context.Response;
        var acceptEncoding = request.Headers.AcceptEncoding;
        var body = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var captured = new MemoryStream();
        request.Headers.Remove(HeaderNames.AcceptEncoding);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(captured, body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            request.Headers.AcceptEncoding = acceptEncoding;
        }

        var type = response.ContentType;
        if (response.StatusCode != StatusCodes.Status200OK || type is null || !Keepable(type)
            || response.Headers.ContainsKey(HeaderNames.ContentEncoding) || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            if (captured.Length > 0)
            {
                response.ContentLength = captured.Length;
                captured.Position = 0;
                await captured.CopyToAsync(response.Body, context.RequestAborted);
            }

            return null;
        }

        var isApi = request.Path.StartsWithSegments("/api");
        return CachedAnswer.Compress(
            type,
            response.Headers.ContentDisposition.ToString() is { Length: > 0 } disposition ? disposition : null,
            isApi ? HttpCaching.CacheControl : response.Headers.CacheControl.ToString(),
            isApi ? HttpCaching.Tag(context.RequestServices.GetRequiredService<DatasetHost>().Version, request.Path + request.QueryString)
                : response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
            captured.ToArray());
    }

    private static bool Keepable(string contentType)
    {
        var media = contentType.Split(';', 2)[0].Trim();
        return media == Apis.TilesApi.MvtContentType
            || ResponseCompression.MimeTypes.Contains(media, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Sends <paramref name="answer"/> in the client's coding, or 304 when the client holds that form.</summary>
    private static Task Write(HttpContext context, CachedAnswer answer, SentForm sent)
    {
        var coding = ContentCoding.Choose(context.Request.Headers.AcceptEncoding, answer);
        var etag = answer.ETagOf(coding);
        var response = context.Response;
        sent.ETag = etag;
        sent.CacheControl = answer.CacheControl;
        sent.IsSet = true;
        if (etag is not null && HttpCaching.Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            response.Headers.ContentType = default;
            response.Headers.ContentDisposition = default;
            return Task.CompletedTask;
        }

        var bytes = answer.Body(coding)!;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = answer.ContentType;
        response.Headers.ContentDisposition = answer.ContentDisposition;
        if (coding != ContentCoding.Identity)
        {
            response.Headers.ContentEncoding = coding;
        }

        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    /// <summary>
    /// The headers of the form sent, applied as the response starts: after the handlers' own callbacks (the plain
    /// answer's ETag and caching), which they replace.
    /// </summary>
    private sealed class SentForm
    {
        public bool IsSet { get; set; }

        public string? ETag { get; set; }

        public string? CacheControl { get; set; }

        public Task Apply(object state)
        {
            if (IsSet)
            {
                var headers = ((HttpResponse)state).Headers;
                headers.Vary = HeaderNames.AcceptEncoding;
                headers.ETag = ETag;
                headers.CacheControl = CacheControl;
            }

            return Task.CompletedTask;
        }
    }
}
