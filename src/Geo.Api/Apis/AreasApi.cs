using Geo.Api.Hosting;
using Geo.Core.Geography;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>The areas of the hierarchy: <c>GET /api/areas/{code}</c>.</summary>
public static class AreasApi
{
    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/areas").WithTags("Areas");
        group.MapGet("/{code}", GetArea)
            .WithName("GetArea")
            .WithSummary("An area: its level, parent chain and children.");
        return app;
    }

    public static Results<Ok<AreaDto>, ProblemHttpResult> GetArea(string code, DatasetHost host)
    {
        var geography = host.Dataset.Geography;
        var area = geography.Find(code);
        if (area is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown area",
                detail: $"No area has the code '{code}' in dataset '{host.Dataset.Name}'.");
        }

        var parent = area.ParentCode is null ? null : Ref(geography.Get(area.ParentCode));
        return TypedResults.Ok(new AreaDto(
            area.Code,
            area.Name,
            area.Level.ToName(),
            parent,
            geography.Ancestors(area).Select(Ref).ToArray(),
            geography.Children(area).Select(Ref).ToArray(),
            area.IsPartial,
            area.DistrictCode));
    }

    private static AreaRefDto Ref(Area area) => new(area.Code, area.Name, area.Level.ToName());
}
