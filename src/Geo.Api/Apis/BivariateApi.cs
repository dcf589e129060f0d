using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Data.Export;
using Geo.Query;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// Two indicators side by side across an area's children, as JSON or the pairs as CSV: a thin door to
/// <see cref="DatasetQueries.Bivariate"/>, the same use case as <c>geo bivariate</c>.
/// </summary>
public static class BivariateApi
{
    /// <summary>How the answer is computed, in words (docs/methods.md, "Two indicators side by side").</summary>
    public const string Method = "Pairs are the children with a published value of both indicators (suppressed rows and rows without a "
        + "value in either are left out and counted). Spearman's rho is Pearson's correlation of the mid-ranks (ties averaged); its 95% "
        + "interval is tanh(atanh(rho) +/- 1.96 se) with the Bonett-Wright (2000) se = sqrt((1 + rho^2/2)/(n - 3)), so it needs at least "
        + "4 pairs. Each indicator's tertile class is 1 when the mid-point percentile (r - 1/2)/n of its mid-rank r is below 1/3, 3 when "
        + "above 2/3, 2 otherwise (ties share a class); the bivariate class is \"x-y\".";

    private const string Help = "The children of the area (a system's ICPs, an ICP's places, a place's neighbourhoods) with a published "
        + "value of both indicators, each at its own period (its latest by default), with Spearman's rank correlation and its 95% interval "
        + "and each child's 3x3 bivariate class. " + Method + " The same indicator twice, an area without children, an indicator with no "
        + "data at the children's level or fewer than 4 pairs answer 200 with a reason naming the parameter to change.";

    public static IEndpointRouteBuilder MapBivariateApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Bivariate");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/bivariate", GetBivariate)
            .WithName("GetIndicatorBivariate")
            .WithSummary("Two indicators across an area's children: Spearman's rho with its 95% interval and a 3x3 class per child.")
            .WithDescription(Help),
            "/api/indicators/{indicator}/areas/{system}/bivariate?with={indicator2}");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/bivariate.csv", GetBivariateCsv)
            .WithName("GetIndicatorBivariateCsv")
            .WithSummary("The pairs as CSV (code, name, both values, both classes, bivariate class), the same bytes as geo bivariate.")
            .WithDescription(Help + " UTF-8 with a byte-order mark, invariant culture; the metadata is the JSON variant's.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv"),
            "/api/indicators/{indicator}/areas/{system}/bivariate.csv?with={indicator2}");
        return app;
    }

    public static Results<Ok<BivariateDto>, ProblemHttpResult> GetBivariate(
        [Description("The first indicator's id, e.g. copd-emergency-admissions.")] string id,
        [Description("Area code whose children are paired.")] string code,
        [Description("The second indicator's id.")] string? with,
        [Description("The first indicator's period (default: its latest).")] string? periodX,
        [Description("The second indicator's period (default: its latest).")] string? periodY,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() => Dto(host.Queries.Bivariate(id, periodX, with, periodY, code), IndicatorsApi.Link(request)));

    public static Results<FileContentHttpResult, ProblemHttpResult> GetBivariateCsv(
        [Description("The first indicator's id.")] string id,
        [Description("Area code whose children are paired.")] string code,
        [Description("The second indicator's id.")] string? with,
        [Description("The first indicator's period (default: its latest).")] string? periodX,
        [Description("The second indicator's period (default: its latest).")] string? periodY,
        DatasetHost host) =>
        ApiProblems.File(() =>
        {
            var answer = host.Queries.Bivariate(id, periodX, with, periodY, code);
            return RowAnswers.CsvFile($"{answer.X.Definition.Id}-{answer.Y.Definition.Id}-{answer.Area.Code}-bivariate.csv",
                w => BivariateCsv.Write(w, answer));
        });

    /// <summary>The answer as its DTO; <paramref name="command"/> says how to get it again (the URL, or the command line).</summary>
    public static BivariateDto Dto(BivariateAnswer a, string command)
    {
        var s = a.Spearman;
        return new BivariateDto(
            ExportMetadata.For(a.X.Dataset, a.X.View, a.Selection, command),
            ExportMetadata.For(a.Y.Dataset, a.Y.View, a.Selection, command),
            new AreaRefDto(a.Area.Code, a.Area.Name, a.Area.Level.ToName()),
            a.Children,
            a.Suppressed,
            a.NoValue,
            new SpearmanDto(s.N, R(s.Rho), R(s.Lower), R(s.Upper)),
            [.. a.Pairs.Select(p => new BivariatePairDto(p.Area.Code, p.Area.Name, p.X, p.Y, p.Class?.X, p.Class?.Y, p.Class?.Code))],
            Method,
            a.Reason);
    }

    private static double? R(double? x) => Core.Indicators.IndicatorColumns.Published(x);
}
