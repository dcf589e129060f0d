using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Trends;
using Geo.Query;
using Geo.Query.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// An area's trend over an indicator's periods with the recent-trend marker and a control chart, as JSON or CSV: a thin door
/// to <see cref="DatasetQueries.Trend"/>, the same use case as <c>geo trend</c>.
/// </summary>
public static class TrendsApi
{
    private const string Help = "Each period up to the one asked for (default: the latest) with the area's published value and 95% "
        + "limits (suppressed periods have none). The recent-trend marker is OHID Fingertips': over the latest five published periods, "
        + "the chi-squared test for linear trend for proportions and weighted regression on the value and its 95% limits for other "
        + "value types, significant at 99.8%, with Fingertips' outlier check. The control chart (Making Data Count) is drawn over the "
        + "published periods only, so its centre and limits never depend on a hidden count: " + ChartWords.Help + ". Each point carries "
        + "the special-cause rules it meets (outside the limits, a run of 7 on one side of the mean, 7 points rising or falling, "
        + "2 of 3 near a limit) and its variation read by the indicator's polarity. Always single periods: overlapping pools are not "
        + "independent.";

    public static IEndpointRouteBuilder MapTrendsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Trends");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/trend", GetTrend)
            .WithName("GetIndicatorTrend")
            .WithSummary("An area's value and 95% limits per period, the Fingertips recent-trend marker and an SPC chart with special causes.")
            .WithDescription(Help),
            "/api/indicators/{indicator}/areas/{place}/trend");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/trend.csv", GetTrendCsv)
            .WithName("GetIndicatorTrendCsv")
            .WithSummary("The trend as CSV, one row per period, the same bytes as geo trend.")
            .WithDescription(Help)
            .Produces<string>(StatusCodes.Status200OK, "text/csv"),
            "/api/indicators/{indicator}/areas/{place}/trend.csv");
        return app;
    }

    public static Results<Ok<TrendDto>, ProblemHttpResult> GetTrend(
        [Description("Indicator id, e.g. copd-emergency-admissions.")] string id,
        [Description("Area code.")] string code,
        [Description("The last period of the series (default: the indicator's latest).")] string? period,
        [Description(ChartWords.Help + ".")] string? chart,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() => Dto(host.Queries.Trend(id, period, code, chart), request));

    public static Results<FileContentHttpResult, ProblemHttpResult> GetTrendCsv(
        [Description("Indicator id.")] string id,
        [Description("Area code.")] string code,
        [Description("The last period of the series (default: the indicator's latest).")] string? period,
        [Description(ChartWords.Help + ".")] string? chart,
        DatasetHost host) =>
        ApiProblems.File(() =>
        {
            var answer = host.Queries.Trend(id, period, code, chart);
            return RowAnswers.CsvFile($"{answer.Indicator.Definition.Id}-{answer.Area.Area.Code}-trend.csv", w => TrendCsv.Write(w, answer));
        });

    private static TrendDto Dto(TrendAnswer a, HttpRequest request)
    {
        var definition = a.Indicator.Definition;
        var options = new SpcOptions(definition.Polarity);
        var marker = a.Marker is { } m
            ? new TrendMarkerDto(TrendWords.Direction(m.Direction), m.Reason.ToString(), TrendWords.Test(m.Test), R(m.ChiSquared), R(m.PValue),
                R(m.Gradient), m.Periods, a.MarkerWords)
            : new TrendMarkerDto(TrendWords.Direction(TrendDirection.CannotBeCalculated), null, null, null, null, null, [], a.MarkerWords);
        var chart = a.Chart is { } c
            ? new SpcChartDto(R(c.Centre)!.Value, TrendWords.Variation(c.Variation), [.. c.Points.Select(p => new SpcPointDto(p.Period,
                R(p.Value)!.Value, R(p.Centre)!.Value, R(p.LowerLimit)!.Value, R(p.UpperLimit)!.Value, R(p.LowerNearLimit)!.Value,
                R(p.UpperNearLimit)!.Value, TrendWords.RuleNames(p.Rules), TrendWords.Rules(p.Rules, options), TrendWords.Variation(p.Variation)))])
            : null;
        var periods = a.Periods.Select(p => new TrendPointDto(p.Period, p.Time, R(p.Row.Count), R(p.Row.Denominator), R(p.Row.Value),
            R(p.Row.Lower95), R(p.Row.Upper95),
            p.Row.Suppression switch { SuppressionReason.Primary => "primary", SuppressionReason.Secondary => "secondary", _ => null },
            p.InTrendTest, p.OnChart)).ToArray();
        return new TrendDto(RowAnswers.Metadata(a.Indicator, a.Selection, request), IndicatorRowDto.From(a.Area, definition), periods, marker,
            ChartWords.Word(a.ChartType), a.ChartMethod, chart, a.ChartNote);
    }

    private static double? R(double? x) => Core.Indicators.IndicatorColumns.Published(x);
}
