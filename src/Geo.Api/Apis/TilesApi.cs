using Geo.Tiles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// Vector tiles of each level: <c>GET /tiles/{level}/{z}/{x}/{y}.mvt</c> (Mapbox Vector Tile 2.1, one layer
/// named after the level, features keyed by <c>code</c>) and <c>GET /tiles/{level}.json</c> (TileJSON 3.0.0
/// whose tile URL carries the data version). Tiles come from the <see cref="TileCatalog"/>'s cache; a tile
/// with no feature is 204, a matching <c>If-None-Match</c> 304. Stateless; thread-safe.
/// </summary>
public static class TilesApi
{
    public const string MvtContentType = "application/vnd.mapbox-vector-tile";

    /// <summary>For a URL that names the current data version: its bytes can never change.</summary>
    private const string ImmutableCaching = "public, max-age=31536000, immutable";

    /// <summary>For a URL without a version: reusable for a day.</summary>
    private const string DailyCaching = "public, max-age=86400";

    public static IEndpointRouteBuilder MapTilesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/tiles").WithTags("Tiles");
        group.MapGet("/style.json", GetStyle)
            .WithName("GetTileStyle")
            .WithSummary("A MapLibre / Mapbox GL style (version 8) outlining every level in the viewer's colours; ?level= for one.")
            .WithDescription("For QGIS (a Vector Tiles connection's Style URL) or any MapLibre client: one vector source per level (its "
                + "TileJSON) and the viewer's outline colours. Outlines only: the tiles carry no indicator values (the viewer joins them "
                + "by code in the browser), so a style cannot colour areas by an indicator; use OGC API - Features (/ogc) for that.");
        group.MapGet("/{level}.json", GetTileJson)
            .WithName("GetTileJson")
            .WithSummary("TileJSON 3.0.0 of a level's vector tiles, with the data version in the tile URL.");
        group.MapGet("/{level}/{z}/{x}/{y}.mvt", GetTile)
            .WithName("GetTile")
            .WithSummary("A Mapbox Vector Tile of a level's areas (code, name, parent; partial for places).");
        return app;
    }

    public static Results<Ok<TileJson>, ProblemHttpResult> GetTileJson(string level, TileCatalog catalog, HttpRequest request)
    {
        if (catalog.Find(level) is not { } source)
        {
            return UnknownLevel(level);
        }

        var id = source.Info.Id;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/tiles/{id}/{{z}}/{{x}}/{{y}}.mvt?v={catalog.Version}";
        return TypedResults.Ok(TileJson.For(source, url, catalog.Version));
    }

    public static Results<ContentHttpResult, ProblemHttpResult> GetStyle(
        [System.ComponentModel.Description("Only this level (country, system, icp, place, neighbourhood); every level when absent.")] string? level,
        HttpRequest request)
    {
        Core.Geography.Level? only = null;
        if (level is not null)
        {
            if (!Core.Geography.LevelNames.TryParse(level, out var parsed))
            {
                return UnknownLevel(level);
            }

            only = parsed;
        }

        var style = MapStyle.For($"{request.Scheme}://{request.Host}{request.PathBase}", only is { } l ? [l] : null);
        return TypedResults.Content(style.ToJsonString(), "application/json");
    }

    public static Results<FileContentHttpResult, NoContent, StatusCodeHttpResult, ProblemHttpResult> GetTile(
        string level, int z, int x, int y, string? v, TileCatalog catalog, HttpContext context, CancellationToken cancellation)
    {
        if (catalog.Find(level) is not { } source)
        {
            return UnknownLevel(level);
        }

        var max = source.Info.MaxZoom;
        if (z < source.Info.MinZoom || z > max)
        {
            return BadTile("z", $"Zoom {z} is outside this source's zooms {source.Info.MinZoom}-{max}.");
        }

        var tile = new TileCoordinate(z, x, y);
        if (x < 0 || x >= tile.TilesPerSide)
        {
            return BadTile("x", $"Column {x} is outside zoom {z}'s grid, 0-{tile.TilesPerSide - 1}.");
        }

        if (y < 0 || y >= tile.TilesPerSide)
        {
            return BadTile("y", $"Row {y} is outside zoom {z}'s grid, 0-{tile.TilesPerSide - 1}.");
        }

        var encoded = catalog.GetTile(source, tile, cancellation);
        var headers = context.Response.Headers;
        // A version other than the current one names data this server no longer has: answer with the
        // current tile, but let nobody keep it under that URL.
        headers.CacheControl = v is null ? DailyCaching : v == catalog.Version ? ImmutableCaching : "no-cache";
        headers.ETag = encoded.ETag;
        if (Hosting.HttpCaching.Matches(context.Request.Headers.IfNoneMatch, encoded.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return encoded.IsEmpty
            ? TypedResults.NoContent()
            : TypedResults.Bytes(encoded.Bytes, MvtContentType);
    }

    private static ProblemHttpResult UnknownLevel(string level) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown tile level",
        detail: $"There are no tiles for level '{level}'; the levels are country, system, icp, place and neighbourhood.");

    private static ProblemHttpResult BadTile(string parameter, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Invalid tile parameter '{parameter}'",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
