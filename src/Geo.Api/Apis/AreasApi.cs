using System.ComponentModel;
using System.Text.Json;
using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Query;
using Geo.Query.Vocabulary;
using Geo.Spatial.Projection;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Geometries;

namespace Geo.Api.Apis;

/// <summary>The areas of the hierarchy: search, one area, its boundary.</summary>
public static class AreasApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/areas").WithTags("Areas");
        ApiExamples.Add(group.MapGet("/", SearchAreas)
            .WithName("SearchAreas")
            .WithSummary("Find areas by name or code.")
            .WithDescription("Case-insensitive search on names and codes. Ranked: an exact code first, then names (or codes) "
                + "starting with the query, then names (or codes) containing it; within each, higher levels first, then by name."),
            "/api/areas?q={query}&limit=5");
        ApiExamples.Add(group.MapGet("/{code}", GetArea)
            .WithName("GetArea")
            .WithSummary("An area: its level, parent chain, children, partial flag and bounding box.")
            .WithDescription("The area's level (country, system, icp, place, neighbourhood), its parent and ancestors nearest first, "
                + "its children, whether it is a partial place (the part of a district that straddles two systems), the district "
                + "a place comes from, and the boundary's bounding box in WGS84 as [minLon, minLat, maxLon, maxLat]."),
            "/api/areas/{place}");
        ApiExamples.Add(group.MapGet("/{code}/boundary", GetBoundary)
            .WithName("GetAreaBoundary")
            .WithSummary("An area's boundary as a GeoJSON Feature in WGS84.")
            .WithDescription("The boundary (neighbourhood polygons as published; higher levels dissolved from them) converted from "
                + "British National Grid to WGS84 with the OSGB36 datum shift, as a GeoJSON Feature (application/geo+json) whose "
                + "properties are the code, name, level, parent and partial flag."),
            "/api/areas/{place}/boundary");
        return app;
    }

    public static Results<Ok<IReadOnlyList<AreaHitDto>>, ProblemHttpResult> SearchAreas(
        DatasetHost host,
        [Description("Text to find in area names or codes (case-insensitive).")] string? q,
        [Description("Most areas to return, 1 to 100 (default 20).")] int? limit,
        [Description("Only areas of this level: " + LevelWords.Help + ".")] string? level)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.BadParameter("q", "Give the text to search for, e.g. ?q=leeds or ?q=E08000035.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return ApiProblems.BadParameter("limit", $"limit must be from 1 to {MaxLimit}, not {limit}.");
        }

        Level? wanted;
        try
        {
            wanted = level is null ? null : LevelWords.Parse(level);
        }
        catch (QueryException e)
        {
            return ApiProblems.From(e);
        }

        var hits = host.Search.Find(q, limit ?? DefaultLimit, wanted)
            .Select(h => new AreaHitDto(h.Area.Code, h.Area.Name, h.Area.Level.ToName(), h.Area.ParentCode, h.Area.IsPartial, h.Match))
            .ToArray();
        return TypedResults.Ok<IReadOnlyList<AreaHitDto>>(hits);
    }

    public static Results<Ok<AreaDto>, ProblemHttpResult> GetArea(
        [Description("Area code, e.g. an ICB (E54...), a district (E06-E09...) or an LSOA (E01...).")] string code,
        DatasetHost host) =>
        ApiProblems.Answer(() =>
        {
            var dataset = host.Dataset;
            var geography = dataset.Geography;
            var area = host.Queries.Area(code);
            var parent = area.ParentCode is null ? null : Ref(geography.Get(area.ParentCode));
            double[]? bbox = null;
            if (dataset.Boundaries.TryGetValue(area.Code, out var boundary))
            {
                var box = BritishNationalGrid.ToWgs84(boundary).EnvelopeInternal;
                bbox = [box.MinX, box.MinY, box.MaxX, box.MaxY];
            }

            return new AreaDto(
                area.Code,
                area.Name,
                area.Level.ToName(),
                parent,
                geography.Ancestors(area).Select(Ref).ToArray(),
                geography.Children(area).Select(Ref).ToArray(),
                area.IsPartial,
                area.DistrictCode,
                bbox);
        });

    public static Results<FileContentHttpResult, ProblemHttpResult> GetBoundary(
        [Description("Area code.")] string code,
        DatasetHost host) =>
        ApiProblems.File(() =>
        {
            var area = host.Queries.Area(code);
            return host.Dataset.Boundaries.TryGetValue(area.Code, out var boundary)
                ? TypedResults.File(Feature(area, BritishNationalGrid.ToWgs84(boundary)), "application/geo+json")
                : throw QueryException.NoBoundary(area.Code);
        });

    private static byte[] Feature(Area area, Geometry wgs84)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            GeoJsonFeature.WriteStart(json, area.Code, wgs84);
            json.WriteString("code", area.Code);
            json.WriteString("name", area.Name);
            json.WriteString("level", area.Level.ToName());
            json.WriteString("parent", area.ParentCode);
            json.WriteBoolean("partial", area.IsPartial);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static AreaRefDto Ref(Area area) => new(area.Code, area.Name, area.Level.ToName());
}
