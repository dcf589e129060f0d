using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Core.Indicators;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary><c>GET /api/compare</c>: two to four areas side by side, with the significance of each gap.</summary>
public static class CompareApi
{
    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder app)
    {
        var route = app.MapGet("/api/compare", Compare)
            .WithTags("Compare")
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
        [Description(Query.Vocabulary.PoolWords.Help + ".")] int? pool,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() =>
        {
            var c = host.Queries.Compare(indicator, period, areas, pool);
            return new CompareDto(
                RowAnswers.Metadata(c.Indicator, c.Selection, request),
                [.. c.Rows.Select(r => IndicatorRowDto.From(r, c.Indicator.Definition))],
                [.. c.Pairs.Select(ComparePairDto.From)],
                PairSignificance.Description);
        });
}
