using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Inequality;
using Geo.Data.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// Every neighbourhood of an area with its Gi* or local Moran class, for a map of where the indicator
/// clusters: <c>GET /api/indicators/{id}/areas/{code}/hotspot-classes?by=gistar|moran</c>. The statistics
/// run on true counts (<see cref="Hotspots.Classify"/>); a suppressed neighbourhood's class is withheld, and
/// z, p and q are served only when no neighbourhood of the area is suppressed (with every other z known, a
/// hidden neighbourhood's smoothed rate could be solved for). Stateless.
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
        var group = app.MapGroup("/api/indicators").WithTags("Inequality").CacheOutput(DatabaseMonitor.CacheTag);
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
        [Description("gistar (Getis-Ord Gi*, the default) or moran (local Moran's I).")] string? by,
        DatasetHost host,
        HttpRequest request)
    {
        if (IndicatorRequest.TryResolve(host, id, code, period, out var r) is { } problem)
        {
            return problem;
        }

        HotspotOrder order;
        switch (by?.ToLowerInvariant())
        {
            case null or "gistar": order = HotspotOrder.GiStar; break;
            case "moran": order = HotspotOrder.Moran; break;
            default: return ApiProblems.BadParameter("by", $"by must be gistar or moran, not '{by}'.");
        }

        if (InequalityProfile.Unsupported(r.Engine.Source) is { } reason)
        {
            return ApiProblems.BadParameter("id", reason);
        }

        var clusters = Hotspots.Classify(r.View, r.Engine.Compute(r.View.Period), r.Dataset.NeighbourhoodContiguity, r.Area!.Code, order);
        var anyHidden = r.View.AtLevel(Core.Geography.Level.Neighbourhood, r.Area.Code).Any(x => x.Suppression != SuppressionReason.None);
        var rows = clusters.Select(c =>
        {
            var hidden = c.Row.Suppression != SuppressionReason.None;
            return new HotspotClassDto(c.Row.Area.Code, c.Row.Area.Name, hidden ? "suppressed" : Name(c.Class),
                anyHidden ? null : Round(c.Z), anyHidden ? null : Round(c.P), anyHidden ? null : Round(c.Q));
        }).OrderBy(x => x.Code, StringComparer.Ordinal).ToArray();
        var method = order == HotspotOrder.GiStar ? "Getis-Ord Gi*" : "local Moran's I";
        var note = anyHidden ? "z, p and q withheld: a neighbourhood of the area is suppressed" : null;
        var metadata = ExportMetadata.For(r.Dataset, r.View, $"{method} classes of the neighbourhoods inside {r.Area.Code}", IndicatorsApi.Link(request));
        return TypedResults.Ok(new HotspotClassesDto(metadata,
            $"{method} on empirical Bayes smoothed observed/expected ratios, queen contiguity, Benjamini-Hochberg FDR {Hotspots.FalseDiscoveryRate}",
            rows, note));
    }

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

    private static double? Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}

/// <summary>The classes of an area's neighbourhoods with the export metadata.</summary>
/// <param name="Method">The statistic and its settings.</param>
/// <param name="Rows">One per neighbourhood in the statistic, by code.</param>
/// <param name="Note">Why z, p and q are withheld, when they are.</param>
public sealed record HotspotClassesDto(ExportMetadata Metadata, string Method, IReadOnlyList<HotspotClassDto> Rows, string? Note);

/// <summary>One neighbourhood's class; z, p and q are null when withheld or undefined.</summary>
/// <param name="Class">hot spot, cold spot, high-high, low-low, high-low, low-high, not significant or suppressed.</param>
public sealed record HotspotClassDto(string Code, string Name, string Class, double? Z, double? P, double? Q);
