using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Query;
using Geo.Query.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Geo.Api.Apis;

/// <summary>
/// OGC API – Features, Part 1 (Core and GeoJSON) under <c>/ogc</c>, so that QGIS, GDAL/OGR and other GIS tools read the
/// areas (and the indicators' published rows) as layers: a landing page, conformance, the collections of
/// <see cref="DatasetQueries.FeatureCollections"/>, pages of features (<see cref="DatasetQueries.Features"/>) with
/// <c>bbox</c>, <c>limit</c> and <c>next</c> links, and one feature. Parses, calls the query, formats. Stateless.
/// </summary>
public static class FeaturesApi
{
    public const string GeoJsonType = "application/geo+json";
    public const string JsonType = "application/json";

    /// <summary>The conformance classes implemented: Part 1 Core and GeoJSON.</summary>
    public static readonly IReadOnlyList<string> ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    ];

    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private static readonly string[] ItemsParameters = ["bbox", "limit", "offset", "datetime", "period", "f"];
    private static readonly string[] ItemParameters = ["period", "f"];

    public static IEndpointRouteBuilder MapFeaturesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ogc").WithTags("OGC API - Features");
        ApiExamples.Add(group.MapGet("/", GetLandingPage)
            .WithName("GetOgcLandingPage")
            .WithSummary("OGC API - Features landing page: links to the API definition, conformance and the collections.")
            .WithDescription("The entry point for GIS tools: in QGIS, Layer > Add Layer > Add WFS / OGC API - Features Layer with this URL; "
                + "in GDAL, ogrinfo OAPIF:{this URL}. Features are in WGS84 (CRS84, lon/lat) as GeoJSON."),
            "/ogc");
        ApiExamples.Add(group.MapGet("/conformance", GetConformance)
            .WithName("GetOgcConformance")
            .WithSummary("The OGC API - Features conformance classes implemented: Part 1 Core and GeoJSON."),
            "/ogc/conformance");
        ApiExamples.Add(group.MapGet("/collections", GetCollections)
            .WithName("GetOgcCollections")
            .WithSummary("Every feature collection: one per level, and one per indicator and level.")
            .WithDescription("system, icp, place and neighbourhood hold each level's boundaries with code, name, level, parent and partial; "
                + "{indicator}.{level} (e.g. copd-emergency-admissions.place) the same boundaries with the indicator's published row "
                + "(the columns of geo export, suppression applied), for every level at or above the one the indicator is published by."),
            "/ogc/collections");
        ApiExamples.Add(group.MapGet("/collections/{collectionId}", GetCollection)
            .WithName("GetOgcCollection")
            .WithSummary("One feature collection: title, description, extent (CRS84) and the link to its items."),
            "/ogc/collections/place");
        ApiExamples.Add(group.MapGet("/collections/{collectionId}/schema", GetSchema)
            .WithName("GetOgcSchema")
            .WithSummary("A collection's feature properties as a JSON Schema (application/schema+json), each with its type and meaning.")
            .WithDescription("Linked from the collection as describedby, so that GDAL and QGIS type each field from it rather than guess "
                + "from the first page. An indicator collection's properties are the columns of geo export."),
            "/ogc/collections/{indicator}.place/schema");
        ApiExamples.Add(group.MapGet("/collections/{collectionId}/items", GetItems)
            .WithName("GetOgcItems")
            .WithSummary("A page of a collection's features as a GeoJSON FeatureCollection, in code order.")
            .WithDescription("Features whose WGS84 boundary intersects bbox (minLon,minLat,maxLon,maxLat), from offset, at most limit "
                + $"(default {DatasetQueries.DefaultFeatureLimit}, at most {DatasetQueries.MaxFeatureLimit}: a larger limit is lowered). "
                + "numberMatched counts the features that match, numberReturned those on the page, and a next link gives the following "
                + "page. An indicator's features carry its published row for period (the latest by default). datetime is accepted and "
                + "ignored (the features have no time); any other parameter is refused with 400."),
            "/ogc/collections/{indicator}.place/items?bbox=-1.8,54.0,-1.5,54.3&limit=5");
        ApiExamples.Add(group.MapGet("/collections/{collectionId}/items/{featureId}", GetItem)
            .WithName("GetOgcItem")
            .WithSummary("One feature of a collection, by area code, as a GeoJSON Feature."),
            "/ogc/collections/place/items/{place}");
        return app;
    }

    public static Ok<OgcLandingDto> GetLandingPage(DatasetHost host, HttpRequest request)
    {
        var root = Root(request);
        var server = Server(request);
        return TypedResults.Ok(new OgcLandingDto(
            host.Dataset.Name,
            $"OGC API - Features on {host.Dataset.Name} ({host.Dataset.BoundaryVintage}): the boundaries of each level, alone or with "
                + "an indicator's published rows, in WGS84." + (host.Dataset.Synthetic ? " Synthetic: fictional places and figures." : ""),
            [
                new(root, "self", JsonType, "This document"),
                new($"{server}/openapi/v1.json", "service-desc", "application/vnd.oai.openapi+json;version=3.1", "The API definition"),
                new($"{server}/docs", "service-doc", "text/html", "The API reference"),
                new($"{root}/conformance", "conformance", JsonType, "Conformance classes implemented"),
                new($"{root}/collections", "data", JsonType, "The feature collections"),
            ]));
    }

    public static Ok<OgcConformanceDto> GetConformance() => TypedResults.Ok(new OgcConformanceDto(ConformanceClasses));

    public static Ok<OgcCollectionsDto> GetCollections(DatasetHost host, HttpRequest request)
    {
        var root = Root(request);
        return TypedResults.Ok(new OgcCollectionsDto(
            [new($"{root}/collections", "self", JsonType, "The feature collections")],
            [.. host.Queries.FeatureCollections().Select(c => Collection(c, root))]));
    }

    public static Results<Ok<OgcCollectionDto>, ProblemHttpResult> GetCollection(
        [Description("Collection id: system, icp, place, neighbourhood, or {indicator}.{level}.")] string collectionId,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() => Collection(host.Queries.FeatureCollection(collectionId), Root(request)));

    public static Results<FileContentHttpResult, ProblemHttpResult> GetSchema(
        [Description("Collection id: system, icp, place, neighbourhood, or {indicator}.{level}.")] string collectionId,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.File(() =>
        {
            var collection = host.Queries.FeatureCollection(collectionId);
            var id = $"{Root(request)}/collections/{Uri.EscapeDataString(collection.Id)}/schema";
            return TypedResults.File(OgcSchemaJson.Write(collection, id), OgcSchemaJson.ContentType);
        });

    public static Results<FileContentHttpResult, ProblemHttpResult> GetItems(
        [Description("Collection id: system, icp, place, neighbourhood, or {indicator}.{level}.")] string collectionId,
        [Description("Only features intersecting this box: " + BboxWords.Help + ".")] string? bbox,
        [Description("Most features on the page, from 1 (default 100, at most 10000; a larger limit is lowered).")] int? limit,
        [Description("Features to skip, in code order (default 0); next links set it.")] int? offset,
        [Description("Accepted and ignored: the features have no time.")] string? datetime,
        [Description("The indicator's period (default its latest); indicator collections only.")] string? period,
        DatasetHost host,
        HttpRequest request)
    {
        if (Unknown(request, ItemsParameters) is { } problem)
        {
            return problem;
        }

        return ApiProblems.File(() =>
        {
            var page = host.Queries.Features(collectionId, period, bbox, limit, offset);
            var items = $"{Root(request)}/collections/{Uri.EscapeDataString(page.Collection.Id)}/items";
            var links = new List<OgcLinkDto>
            {
                new(items + request.QueryString, "self", GeoJsonType, "This page"),
                new($"{Root(request)}/collections/{Uri.EscapeDataString(page.Collection.Id)}", "collection", JsonType, page.Collection.Title),
            };
            if (page.NextOffset is { } next)
            {
                var query = request.Query.Where(q => q.Key is not ("offset" or "limit"))
                    .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
                    .Append(new("limit", page.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .Append(new("offset", next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                links.Add(new(QueryHelpers.AddQueryString(items, query), "next", GeoJsonType, "The next page"));
            }

            return TypedResults.File(OgcFeatureJson.Page(page, links, DateTimeOffset.UtcNow), GeoJsonType);
        });
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetItem(
        [Description("Collection id: system, icp, place, neighbourhood, or {indicator}.{level}.")] string collectionId,
        [Description("The area's code.")] string featureId,
        [Description("The indicator's period (default its latest); indicator collections only.")] string? period,
        DatasetHost host,
        HttpRequest request)
    {
        if (Unknown(request, ItemParameters) is { } problem)
        {
            return problem;
        }

        return ApiProblems.File(() =>
        {
            var queries = host.Queries;
            var collection = queries.FeatureCollection(collectionId);
            var feature = queries.Feature(collectionId, period, featureId);
            var indicator = collection.Indicator is null ? null : queries.Indicator(collection.Indicator.Id, period);
            var at = $"{Root(request)}/collections/{Uri.EscapeDataString(collection.Id)}";
            OgcLinkDto[] links =
            [
                new($"{at}/items/{Uri.EscapeDataString(feature.Area.Code)}{request.QueryString}", "self", GeoJsonType, feature.Area.Name),
                new(at, "collection", JsonType, collection.Title),
            ];
            return TypedResults.File(OgcFeatureJson.Feature(feature, indicator, links), GeoJsonType);
        });
    }

    private static OgcCollectionDto Collection(FeatureCollectionInfo c, string root)
    {
        var at = $"{root}/collections/{Uri.EscapeDataString(c.Id)}";
        return new OgcCollectionDto(
            c.Id,
            c.Title,
            c.Description,
            [
                new(at, "self", JsonType, c.Title),
                new($"{at}/items", "items", GeoJsonType, $"{c.Title}: features"),
                // Relation types compare case-insensitively (RFC 8288, 2.1.1); GDAL's OAPIF driver looks for this spelling.
                new($"{at}/schema", "describedBy", OgcSchemaJson.ContentType, $"{c.Title}: the properties' schema"),
            ],
            new OgcExtentDto(new OgcSpatialExtentDto([c.Bbox], Crs84)),
            "feature",
            [Crs84]);
    }

    /// <summary>Part 1 asks for 400 on a parameter the API does not define (/req/core/query-param-unknown).</summary>
    private static ProblemHttpResult? Unknown(HttpRequest request, string[] known) =>
        request.Query.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal)) is { } unknown
            ? ApiProblems.BadParameter(unknown, $"This request takes no parameter '{unknown}'; it takes {string.Join(", ", known)}.")
            : null;

    private static string Server(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static string Root(HttpRequest request) => Server(request) + "/ogc";
}
