using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Core.Indicators;
using Geo.Data.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary><c>GET /api/compare</c>: two to four areas side by side, with the significance of each gap.</summary>
public static class CompareApi
{
    public const int MinAreas = 2;
    public const int MaxAreas = 4;

    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder app)
    {
        var route = app.MapGet("/api/compare", Compare)
            .WithTags("Compare")
            .CacheOutput(DatabaseMonitor.CacheTag)
            .WithName("CompareAreas")
            .WithSummary("Compare 2 to 4 areas: values, intervals and whether each pair differs significantly at 95% and 99.8%.")
            .WithDescription("Each area's published row (suppression applied), then every pair: " + PairSignificance.Description);
        ApiExamples.Add(route, "/api/compare?indicator={indicator}&areas={system},{system2}&period={period}");
        return app;
    }

    public static Results<Ok<CompareDto>, ProblemHttpResult> Compare(
        [Description("Indicator id.")] string? indicator,
        [Description("2 to 4 area codes separated by commas.")] string? areas,
        [Description("Time period (default: the indicator's latest).")] string? period,
        DatasetHost host,
        HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(indicator))
        {
            return ApiProblems.BadParameter("indicator", "Give the indicator id, e.g. ?indicator=" + host.Dataset.Indicators.FirstOrDefault()?.Definition.Id + ".");
        }

        var codes = (areas ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Length is < MinAreas or > MaxAreas)
        {
            return ApiProblems.BadParameter("areas", $"areas must list {MinAreas} to {MaxAreas} area codes separated by commas; it lists {codes.Length}.");
        }

        if (codes.Distinct(StringComparer.OrdinalIgnoreCase).Count() != codes.Length)
        {
            return ApiProblems.BadParameter("areas", "areas lists the same code twice.");
        }

        if (IndicatorRequest.TryResolve(host, indicator, null, period, out var r) is { } problem)
        {
            return problem;
        }

        var rows = new IndicatorRow[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            if (r.View.Find(codes[i]) is not { } row)
            {
                return ApiProblems.UnknownArea(codes[i], r.Dataset.Name);
            }

            rows[i] = row;
        }

        var pairs = new List<ComparePairDto>();
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = i + 1; j < rows.Length; j++)
            {
                pairs.Add(PairSignificance.Compare(rows[i], rows[j], r.Dataset.Geography));
            }
        }

        var metadata = ExportMetadata.For(r.Dataset, r.View, "areas " + string.Join(", ", rows.Select(x => x.Area.Code)),
            IndicatorsApi.Link(request));
        return TypedResults.Ok(new CompareDto(
            metadata,
            rows.Select(x => IndicatorRowDto.From(x, r.Definition)).ToArray(),
            pairs,
            PairSignificance.Description));
    }
}
