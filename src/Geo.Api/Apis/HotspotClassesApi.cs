using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Core.Indicators;
using Geo.Data.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// Every neighbourhood of an area with its Gi* or local Moran class, for a map of where the indicator
/// clusters: <c>GET /api/indicators/{id}/areas/{code}/hotspot-classes?by=gistar|moran</c>, from
/// <see cref="Query.DatasetQueries.HotspotClasses"/> (which withholds what would disclose a suppressed count). Stateless.
/// </summary>
public static class HotspotClassesApi
{
    private const string Help = "Each neighbourhood inside the area with expected events gets its empirical Bayes (Marshall, global) "
        + "smoothed ratio of observed to expected events, from true counts; Getis-Ord Gi* (by=gistar: hot spot, cold spot) or local "
        + "Moran's I (by=moran: high-high, low-low, high-low, low-high) runs on those over queen contiguity among the area's "
        + "neighbourhoods, Benjamini-Hochberg false discovery rate 0.05; otherwise 'not significant'. Neighbourhoods without expected "
        + "events are not listed. A suppressed neighbourhood's class is 'suppressed'; z, p and q (the FDR-adjusted p) are null for "
        + "every neighbourhood when any of the area's is suppressed. Score indicators and data published by place → 400.";

    public static IEndpointRouteBuilder MapHotspotClassesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Inequality");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/hotspot-classes", GetHotspotClasses)
            .WithName("GetIndicatorHotspotClasses")
            .WithSummary("Every neighbourhood of an area with its Gi* hot/cold spot or local Moran cluster class.")
            .WithDescription(Help),
            "/api/indicators/{indicator}/areas/{system}/hotspot-classes?by=gistar");
        return app;
    }

    public static Results<Ok<HotspotClassesDto>, ProblemHttpResult> GetHotspotClasses(
        [Description("Indicator id, e.g. copd-emergency-admissions.")] string id,
        [Description("Area code whose neighbourhoods to classify.")] string code,
        [Description("Time period (default: the indicator's latest).")] string? period,
        [Description(Query.Vocabulary.PoolWords.Help + ".")] int? pool,
        [Description("gistar (Getis-Ord Gi*, the default) or moran (local Moran's I).")] string? by,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() =>
        {
            var classes = host.Queries.HotspotClasses(id, period, code, by, pool);
            var rows = classes.Neighbourhoods.Select(c => new HotspotClassDto(c.Row.Area.Code, c.Row.Area.Name,
                c.Class is { } known ? Name(known) : "suppressed", Round(c.Z), Round(c.P), Round(c.Q))).ToArray();
            return new HotspotClassesDto(RowAnswers.Metadata(classes.Indicator, classes.Selection, request), classes.Method, rows, classes.Note);
        });

    /// <summary>The class as the API and viewer name it.</summary>
    public static string Name(LocalClusterClass c) => c switch
    {
        LocalClusterClass.HotSpot => "hot spot",
        LocalClusterClass.ColdSpot => "cold spot",
        LocalClusterClass.HighHigh => "high-high",
        LocalClusterClass.LowLow => "low-low",
        LocalClusterClass.HighLow => "high-low",
        LocalClusterClass.LowHigh => "low-high",
        _ => "not significant",
    };

    private static double? Round(double? value) => IndicatorColumns.Published(value);
}

/// <summary>The classes of an area's neighbourhoods with the export metadata.</summary>
/// <param name="Method">The statistic and its settings.</param>
/// <param name="Rows">One per neighbourhood in the statistic, by code.</param>
/// <param name="Note">Why z, p and q are withheld, when they are.</param>
public sealed record HotspotClassesDto(ExportMetadata Metadata, string Method, IReadOnlyList<HotspotClassDto> Rows, string? Note);

/// <summary>One neighbourhood's class; z, p and q are null when withheld or undefined.</summary>
/// <param name="Class">hot spot, cold spot, high-high, low-low, high-low, low-high, not significant or suppressed.</param>
public sealed record HotspotClassDto(string Code, string Name, string Class, double? Z, double? P, double? Q);
