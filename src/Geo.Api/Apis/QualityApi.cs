using System.ComponentModel;
using System.Globalization;
using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Query;
using Geo.Query.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// What lies behind a value (issue 19 §2, data quality) and the population under it (§5): thin doors to
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
        var indicators = app.MapGroup("/api/indicators").WithTags("Quality");
        ApiExamples.Add(indicators.MapGet("/{id}/areas/{code}/quality", GetQuality)
            .WithName("GetIndicatorAreaQuality")
            .WithSummary("What lies behind one area's value: coverage, denominator, vintages, mapped or estimated inputs, suppression, unmatched codes.")
            .WithDescription(QualityHelp),
            "/api/indicators/{indicator}/areas/{system}/quality");
        ApiExamples.Add(indicators.MapGet("/{id}/areas/{code}/age-rates", GetAgeRates)
            .WithName("GetIndicatorAreaAgeRates")
            .WithSummary("One area's age-specific rates with 95% limits beside the country's (England's), for indicators read by age band.")
            .WithDescription(DatasetQueries.AgeRatesMethod + " An indicator without age-specific counts (all ages only, a proportion or a "
                + "score) answers 200 with a reason and no bands."),
            "/api/indicators/{indicator}/areas/{system}/age-rates");

        var areas = app.MapGroup("/api/areas").WithTags("Areas");
        ApiExamples.Add(areas.MapGet("/{code}/population", GetPopulation)
            .WithName("GetAreaPopulation")
            .WithSummary("One area's resident population by age band (summed from its neighbourhoods), with the country's shares: a pyramid.")
            .WithDescription("The dataset's population bands (Census 2021 five-year bands for England) summed bottom-up from the area's "
                + "neighbourhoods, each with its share of the area's total and the country's share. The population files hold persons "
                + "only, so sex says there is no split by sex. A dataset without population answers 200 with a reason."),
            "/api/areas/{system}/population");
        return app;
    }

    public static Results<Ok<PopulationDto>, ProblemHttpResult> GetPopulation(
        [Description("Area code.")] string code,
        DatasetHost host) =>
        ApiProblems.Answer(() =>
        {
            var dataset = host.Queries.Dataset;
            var a = host.Queries.Population(code);
            return new PopulationDto(dataset.Name, dataset.Synthetic, a.Area.Code, a.Area.Name, a.Area.Level.ToName(), a.Total,
                dataset.Geography.Root.Code, a.CountryTotal,
                [.. a.Bands.Select(b => new PopulationBandDto(b.Band.ToString(), b.Count, Round(b.Share), Round(b.CountryShare)))], a.Sex, a.Reason);
        });

    public static Results<Ok<AgeRatesDto>, ProblemHttpResult> GetAgeRates(
        [Description("Indicator id, e.g. copd-emergency-admissions.")] string id,
        [Description("Area code.")] string code,
        [Description("Time period (default: the indicator's latest).")] string? period,
        [Description(PoolWords.Help + ".")] int? pool,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() =>
        {
            var a = host.Queries.AgeRates(id, period, code, pool);
            var d = a.Indicator.Definition;
            var country = a.Country?.Bands;
            var bands = a.Area?.Bands.Select((r, b) => new AgeRateDto(r.Band.ToString(), r.Count, r.Denominator, Round(r.Rate), Round(r.Lower95),
                Round(r.Upper95), Round(country?[b].Rate), Round(country?[b].Lower95), Round(country?[b].Upper95))).ToArray() ?? [];
            var unit = d.ValueType == Core.Indicators.IndicatorValueType.IndirectlyStandardisedRatio ? "per 100,000" : string.Create(CultureInfo.InvariantCulture, $"per {d.Multiplier:N0}");
            return new AgeRatesDto(a.Indicator.Dataset.Name, a.Indicator.Dataset.Synthetic, d.Id, d.Name, a.Indicator.Period, a.Place.Code,
                a.Place.Name, a.Indicator.Dataset.Geography.Root.Code, unit, DatasetQueries.AgeRatesMethod, a.Indicator.View.SuppressionRule,
                IndicatorsApi.Link(request), a.Area?.Shown ?? false, bands, a.Reason, a.Withheld);
        });

    private static double Round(double value) => Math.Round(value, 6);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;

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
