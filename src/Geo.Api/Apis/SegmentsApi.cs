using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Data.Export;
using Geo.Query;
using Geo.Query.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// An area's neighbourhoods clustered on indicator profiles, as JSON or the members as CSV: a thin door to
/// <see cref="DatasetQueries.Segments"/>, the same use case as <c>geo segment</c>.
/// </summary>
public static class SegmentsApi
{
    /// <summary>How the clusters are computed, in words (docs/methods.md, "Area segmentation").</summary>
    public const string Method = "Neighbourhoods with a published value of every indicator are clustered (suppressed rows and rows "
        + "without a value are left out and counted). Each indicator is standardised to z-scores across them (population standard "
        + "deviation); k-means on the z-scores, k-means++ seeding (Arthur and Vassilvitskii 2007) then Lloyd's iterations until no "
        + "neighbourhood moves, best of 3 seeded restarts by within-cluster sum of squares. Without k, the k from 2 to 8 with the highest "
        + "mean silhouette (Rousseeuw 1987) on one seeded run each, then run with 3 restarts; the silhouette is exact up to 2,000 "
        + "neighbourhoods and on a seeded sample of 2,000 above. "
        + "Clusters are numbered by size, 1 the largest; profiles are of published values in the indicators' own units.";

    private const string Help = "The neighbourhoods of the area (every neighbourhood for the country) clustered by k-means on the "
        + "standardised values of two or more indicators published by neighbourhood, each at its latest period. " + Method
        + " The same indicator twice, one indicator, an indicator not published by neighbourhood, or fewer neighbourhoods or different "
        + "profiles than k answer 200 with a reason naming the parameter to change.";

    public static IEndpointRouteBuilder MapSegmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/areas").WithTags("Segmentation");
        ApiExamples.Add(group.MapGet("/{code}/segments", GetSegments)
            .WithName("GetAreaSegments")
            .WithSummary("An area's neighbourhoods clustered by k-means on standardised indicator profiles, with each cluster's profile.")
            .WithDescription(Help),
            "/api/areas/{place}/segments?indicators={indicator},{indicator2}");
        ApiExamples.Add(group.MapGet("/{code}/segments.csv", GetSegmentsCsv)
            .WithName("GetAreaSegmentsCsv")
            .WithSummary("The neighbourhoods clustered as CSV (code, name, cluster, each indicator's value), the same bytes as geo segment.")
            .WithDescription(Help + " UTF-8 with a byte-order mark, invariant culture; the metadata is the JSON variant's.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv"),
            "/api/areas/{place}/segments.csv?indicators={indicator},{indicator2}");
        return app;
    }

    public static Results<Ok<SegmentsDto>, ProblemHttpResult> GetSegments(
        [Description("Area code whose neighbourhoods are clustered (the country's code for all).")] string code,
        [Description(SegmentWords.IndicatorsHelp + ".")] string? indicators,
        [Description(SegmentWords.KHelp + ".")] string? k,
        [Description("Seed of the k-means++ seeding and the silhouette's sample (default 1).")] int? seed,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() => Dto(host.Queries.Segments(indicators, k, seed, code), IndicatorsApi.Link(request)));

    public static Results<FileContentHttpResult, ProblemHttpResult> GetSegmentsCsv(
        [Description("Area code whose neighbourhoods are clustered.")] string code,
        [Description(SegmentWords.IndicatorsHelp + ".")] string? indicators,
        [Description(SegmentWords.KHelp + ".")] string? k,
        [Description("Seed of the k-means++ seeding and the silhouette's sample (default 1).")] int? seed,
        DatasetHost host) =>
        ApiProblems.File(() =>
        {
            var answer = host.Queries.Segments(indicators, k, seed, code);
            return RowAnswers.CsvFile($"{answer.Area.Code}-segments.csv", w => SegmentCsv.Write(w, answer));
        });

    /// <summary>The answer as its DTO; <paramref name="command"/> says how to get it again (the URL, or the command line).</summary>
    public static SegmentsDto Dto(SegmentAnswer a, string command)
    {
        var r = a.Result;
        var ids = a.Indicators.Select(i => i.Definition.Id).ToArray();
        return new SegmentsDto(
            [.. a.Indicators.Select(i => ExportMetadata.For(i.Dataset, i.View, a.Selection, command))],
            new AreaRefDto(a.Area.Code, a.Area.Name, a.Area.Level.ToName()),
            a.Neighbourhoods,
            a.Members.Count,
            a.Suppressed,
            a.NoValue,
            r.K,
            r.ChosenBySilhouette,
            a.Seed,
            R(r.Silhouette),
            r.SilhouetteScored,
            [.. r.Candidates.Select(c => new SilhouetteDto(c.K, R(c.Mean)!.Value))],
            [.. r.Scales.Select((s, j) => new SegmentScaleDto(ids[j], R(s.Mean) ?? 0, R(s.StandardDeviation) ?? 0))],
            [.. r.Profiles.Select(p => new SegmentClusterDto(p.Cluster, p.Size,
                [.. p.Measures.Select((m, j) => new SegmentMeasureDto(ids[j], R(m.Mean)!.Value, R(m.StandardDeviation)!.Value,
                    R(m.Min)!.Value, R(m.Max)!.Value, R(m.MeanZ)!.Value))]))],
            [.. a.Members.Select(m => new SegmentAreaDto(m.Area.Code, m.Area.Name, m.Cluster))],
            Method,
            a.Reason);
    }

    private static double? R(double? x) => Core.Indicators.IndicatorColumns.Published(x);
}
