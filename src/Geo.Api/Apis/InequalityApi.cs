using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Core.Inequality;
using Geo.Data.Export;
using Geo.Query.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// An area's inequality profile: Core20 (national IMD deciles 1–2) against the rest, each decile's value,
/// and the slope and relative indices of inequality. Computed from true neighbourhood counts; only
/// aggregates are served, with the suppression policy applied to the group counts.
/// </summary>
public static class InequalityApi
{
    private const string Help = "For count-based indicators with neighbourhood data. Neighbourhoods are grouped by national IMD decile "
        + "(Core20 = deciles 1 and 2); each group's counts and denominators (age band by age band for a DSR) are summed and its value "
        + "and 95% interval computed by the indicator's own method. Shares: of the population, of the events and of the positive excess "
        + "(events above expected, summed over neighbourhoods with more than expected). A group's count, event share and value are null "
        + "when the count is small, when it would give away a suppressed neighbourhood, or when the other group's is hidden (both add up "
        + "to the area's total); the positive excess share is null when any neighbourhood of the area is suppressed. "
        + "SII and RII (OHID's method, phe_sii) across the deciles with a value: SII = fitted value at the least deprived end minus the "
        + "most deprived end, so it is negative when the more deprived have higher values; each decile's standard error comes from its "
        + "95% interval (log scale for rates, logit for proportions); limits from 10,000 seeded simulations. "
        + "deciles=national (default) uses the published national IMD deciles; deciles=local ranks the area's own neighbourhoods by "
        + "IMD score and cuts them into ten groups of as nearly equal numbers as possible (OHID's phe_quantiles; ties share a decile; "
        + "an area with fewer than ten scored neighbourhoods has no local deciles). Core20 is national either way. 400 for score "
        + "indicators (no events, no intervals), for data published by place (not split by neighbourhood deprivation) and for "
        + "deciles=local without IMD scores.";

    public static IEndpointRouteBuilder MapInequalityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Inequality");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/inequality", GetInequality)
            .WithName("GetIndicatorInequality")
            .WithSummary("Core20 against the rest, each IMD decile's value, and the SII and RII of an area.")
            .WithDescription(Help),
            "/api/indicators/{indicator}/areas/{system}/inequality?deciles=local");
        return app;
    }

    public static Results<Ok<InequalityDto>, ProblemHttpResult> GetInequality(
        [Description("Indicator id, e.g. copd-emergency-admissions.")] string id,
        [Description("Area code.")] string code,
        [Description("Time period (default: the indicator's latest).")] string? period,
        [Description(Query.Vocabulary.PoolWords.Help + ".")] int? pool,
        [Description("national (default): the published national IMD deciles; local: deciles formed within the area from its "
            + "neighbourhoods' IMD scores.")] string? deciles,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() =>
        {
            var answer = host.Queries.Inequality(id, period, code, deciles, pool);
            var profile = answer.Profile;
            var slope = profile.Slope;
            var interval = slope?.Intervals.FirstOrDefault();
            return new InequalityDto(
                RowAnswers.Metadata(answer.Indicator, answer.Selection, request),
                IndicatorRowDto.From(answer.Area, answer.Indicator.Definition),
                Group(profile.Core20),
                Group(profile.Rest),
                profile.Deciles.Select(x => new InequalityDecileDto(x.Decile, x.Neighbourhoods, Round(x.Population)!.Value, Round(x.Value),
                    Round(x.Lower95), Round(x.Upper95), x.InSlope, x.Note)).ToArray(),
                slope is null ? null : new SlopeIndexDto(Round(slope.Sii)!.Value, Round(interval?.Sii.Lower), Round(interval?.Sii.Upper),
                    Round(slope.Rii)!.Value, Round(interval?.Rii.Lower), Round(interval?.Rii.Upper),
                    Round(slope.Intercept * answer.Indicator.Definition.Multiplier)!.Value, slope.Repetitions, slope.Method,
                    "least deprived minus most deprived: negative when more deprived neighbourhoods have higher values"),
                profile.SlopeNote,
                profile.WithoutDecile,
                DecileWords.Name(answer.Basis),
                profile.WithoutNationalDecile,
                ComparePairDto.From(answer.Gap));
        });

    private static InequalityGroupDto Group(InequalityGroup g) => new(g.Neighbourhoods, Round(g.Population)!.Value,
        Round(g.PopulationShare)!.Value, Round(g.Count), Round(g.EventShare), Round(g.PositiveExcessShare), Round(g.Value),
        Round(g.Lower95), Round(g.Upper95), g.Note);

    private static double? Round(double? value) => Core.Indicators.IndicatorColumns.Published(value);
}

/// <summary>An area's inequality profile with the export metadata and the area's published row.</summary>
/// <param name="Core20">Neighbourhoods in national IMD deciles 1 and 2.</param>
/// <param name="Rest">Neighbourhoods in national deciles 3 to 10.</param>
/// <param name="Deciles">Each decile's value, on <paramref name="DecileBasis"/>.</param>
/// <param name="Slope">SII and RII with 95% limits across <paramref name="Deciles"/>; null when fewer than two have a value.</param>
/// <param name="WithoutDecile">Neighbourhoods in no decile of <paramref name="DecileBasis"/>.</param>
/// <param name="DecileBasis">national (published IMD deciles) or local (formed within the area from IMD scores).</param>
/// <param name="WithoutNationalDecile">Neighbourhoods with no national decile: in neither Core20 nor the rest.</param>
/// <param name="Gap">Core20 minus the rest and whether it is significant (as <c>/api/compare</c>: the groups are disjoint, so independent).</param>
public sealed record InequalityDto(
    ExportMetadata Metadata,
    IndicatorRowDto Area,
    InequalityGroupDto Core20,
    InequalityGroupDto Rest,
    IReadOnlyList<InequalityDecileDto> Deciles,
    SlopeIndexDto? Slope,
    string? SlopeNote,
    int WithoutDecile,
    string DecileBasis,
    int WithoutNationalDecile,
    ComparePairDto Gap);

/// <summary>One group's sums and value; null where suppressed or undefined.</summary>
public sealed record InequalityGroupDto(
    int Neighbourhoods,
    double Population,
    double PopulationShare,
    double? Count,
    double? EventShare,
    double? PositiveExcessShare,
    double? Value,
    double? Lower95,
    double? Upper95,
    string? Note);

/// <summary>One decile's value (null where suppressed or undefined) and whether it entered the SII.</summary>
public sealed record InequalityDecileDto(
    int Decile,
    int Neighbourhoods,
    double Population,
    double? Value,
    double? Lower95,
    double? Upper95,
    bool InSlope,
    string? Note);

/// <summary>Slope and relative index of inequality with 95% limits (multiplier applied to the SII).</summary>
/// <param name="Intercept">The fitted value at the most deprived end (rank 0) on the published value's scale: the fitted
/// line is Intercept + Sii × rank, rank 0 to 1 along the cumulative population from most to least deprived.</param>
public sealed record SlopeIndexDto(
    double Sii,
    double? SiiLower95,
    double? SiiUpper95,
    double Rii,
    double? RiiLower95,
    double? RiiUpper95,
    double Intercept,
    int Repetitions,
    string Method,
    string Convention);
