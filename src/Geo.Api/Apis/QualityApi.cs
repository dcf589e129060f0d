using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Query;
using Geo.Query.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// What lies behind a value (issue 19 §2, data quality): thin doors to
/// <see cref="DatasetQueries.Quality"/>; the same quality is the <c>quality</c> member of the export metadata.
/// </summary>
public static class QualityApi
{
    private const string QualityHelp = "Coverage (the population and neighbourhoods behind the value), the denominator's kind (resident, "
        + "registered, file or none), vintages of boundaries and data, how the inputs were made (read directly; mapped from 2011 "
        + "neighbourhoods: unchanged, split, merged, complex; attributed from GP practices; apportioned from districts), the share of the "
        + "area's neighbourhoods (or places, for district data) that are suppressed, and the codes the load report names. Counts of areas "
        + "only, never of events. The same object is the quality member of an export's metadata.";

    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        var indicators = app.MapGroup("/api/indicators").WithTags("Quality").CacheOutput(DatabaseMonitor.CacheTag);
        ApiExamples.Add(indicators.MapGet("/{id}/areas/{code}/quality", GetQuality)
            .WithName("GetIndicatorAreaQuality")
            .WithSummary("What lies behind one area's value: coverage, denominator, vintages, mapped or estimated inputs, suppression, unmatched codes.")
            .WithDescription(QualityHelp),
            "/api/indicators/{indicator}/areas/{system}/quality");
        return app;
    }

    public static Results<Ok<AreaQualityDto>, ProblemHttpResult> GetQuality(
        [Description("Indicator id, e.g. copd-emergency-admissions.")] string id,
        [Description("Area code.")] string code,
        [Description("Time period (default: the indicator's latest).")] string? period,
        [Description(PoolWords.Help + ".")] int? pool,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() =>
        {
            var (indicator, quality) = host.Queries.Quality(id, period, code, pool);
            return new AreaQualityDto(indicator.Dataset.Name, indicator.Dataset.Synthetic, indicator.Definition.Id, indicator.Definition.Name,
                indicator.Period, IndicatorsApi.Link(request), quality);
        });
}
