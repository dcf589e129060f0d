using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Query;
using Geo.Query.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// The indicators and their published figures: one area, an area's children, every area of a level, an area's hotspots, as
/// JSON, CSV or GeoJSON. Each endpoint passes its words to one of <see cref="Query.DatasetQueries"/>' use cases (the same
/// that <c>geo export</c> and <c>geo hotspots</c> call) and formats the answer with <see cref="RowAnswers"/>.
/// </summary>
public static class IndicatorsApi
{
    private const string PeriodHelp = "Time period (default: the indicator's latest).";
    private const string PoolHelp = PoolWords.Help + ".";
    private const string TopHelp = "How many neighbourhoods, 1 to 1000 (default 20).";
    private const string ByHelp = HotspotOrderWords.Help + " (default rate).";
    private const string RowsFunnelHelp = FunnelWords.RowsHelp + ".";
    private const string FunnelHelp = "Funnel limits of the hotspots' rows among the neighbourhoods inside the area: " + FunnelWords.Help + ".";
    private const string RowsHelp = "Each row has exactly the columns of geo export (see metadata.columns), numbers rounded to 6 decimals; "
        + "suppressed figures are null.";

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Indicators");
        ApiExamples.Add(group.MapGet("/", ListIndicators)
            .WithName("ListIndicators")
            .WithSummary("The dataset's indicators, with value types and periods.")
            .WithDescription("Every indicator with its id (used in URLs), name, value type (crude-rate, proportion, dsr, isr, score), "
                + "multiplier, unit, polarity, source, the level its data come at, its periods, oldest first, and pool: the one pool size "
                + "(1 single periods, 3 or 5 rolling pools) it is published in, which every answer uses."),
            "/api/indicators");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}", GetAreaValue)
            .WithName("GetIndicatorArea")
            .WithSummary("One area's published figures: value, 95% and 99.8% intervals, comparisons, excess.")
            .WithDescription("The published row of the area (suppression applied) with the metadata of an export: method, multiplier, "
                + "unit, polarity, comparisons rule and suppression rule. " + RowsHelp),
            "/api/indicators/{indicator}/areas/{system}?period={period}");

        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/children", GetChildren)
            .WithName("GetIndicatorChildren")
            .WithSummary("One row per child of an area, with the fields of geo export.")
            .WithDescription("The published rows of the area's children (a system's ICPs, an ICP's places, a place's neighbourhoods) "
                + "in code order, with the area's own row and the export metadata. " + RowsHelp),
            "/api/indicators/{indicator}/areas/{system}/children");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/children.csv", GetChildrenCsv)
            .WithName("GetIndicatorChildrenCsv")
            .WithSummary("The children's rows as CSV, the same bytes as geo export's CSV.")
            .WithDescription("UTF-8 with a byte-order mark (for Excel), invariant culture, the columns of geo export. The metadata "
                + "that geo export writes beside the file is the JSON variant's metadata.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv"),
            "/api/indicators/{indicator}/areas/{place}/children.csv");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/children.geojson", GetChildrenGeoJson)
            .WithName("GetIndicatorChildrenGeoJson")
            .WithSummary("The children's rows as a GeoJSON FeatureCollection in WGS84, as geo export writes it.")
            .WithDescription("One Feature per child with its boundary in WGS84 and the export columns as properties; the export "
                + "metadata is the collection's metadata member.")
            .Produces<string>(StatusCodes.Status200OK, "application/geo+json"),
            "/api/indicators/{indicator}/areas/{system}/children.geojson");

        ApiExamples.Add(group.MapGet("/{id}/levels/{level}", GetLevel)
            .WithName(LevelAnswerTransformer.OperationId)
            .WithSummary("One row per area of a level (system, icp, place or neighbourhood) across the country.")
            .WithDescription("The published rows of every area of the level in code order, with the country's row as the area: "
                + "one request for a national distribution, e.g. the quintile breaks of all neighbourhoods. " + RowsHelp
                + " fields= keeps only the named columns, in the order named (an unknown name is a 400 listing the valid ones). "
                + "format=columns lays the answer out by column (IndicatorColumnsDto: each field named once with an array of the "
                + "rows' values, count rows), by default " + FieldWords.CompactDefault + ": England's 33,755 neighbourhoods in "
                + "1.8 MB of JSON instead of 19.4 MB. Either publishes exactly the cells of the full answer.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound),
            "/api/indicators/{indicator}/levels/place?period={period}");
        ApiExamples.Add(group.MapGet("/{id}/levels/{level}/values", GetLevelValues)
            .WithName("GetIndicatorLevelValues")
            .WithSummary("The published values of every area of a level, ascending: a national distribution in a small answer.")
            .WithDescription("What the viewer's national quintile breaks need and no more: the values of every area of the level across "
                + "the country (suppressed and undefined values left out; areas counts them all), sorted ascending, without codes. "
                + "On England's neighbourhoods about 1/30 of the level's rows."),
            "/api/indicators/{indicator}/levels/neighbourhood/values?period={period}");

        const string hotspotsHelp = "Neighbourhoods inside the area, best first by: rate (highest value), excess (most excess events) "
            + "funnel (above the 99.8% funnel limit, then above the 95% limit, each by excess), gistar (Getis-Ord Gi* hot spots) or "
            + "moran (local Moran high-high clusters): both on empirical Bayes smoothed observed/expected ratios over queen contiguity "
            + "among the area's neighbourhoods, Benjamini-Hochberg FDR 0.05, by z descending. Suppressed neighbourhoods have "
            + "no value or excess and are never listed. Ties are broken by code.";
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/hotspots", GetHotspots)
            .WithName("GetIndicatorHotspots")
            .WithSummary("The top neighbourhoods inside an area by rate, excess, funnel-plot position, Gi* hot spots or Moran clusters.")
            .WithDescription(hotspotsHelp + " " + RowsHelp),
            "/api/indicators/{indicator}/areas/{system}/hotspots?top=10&by=excess");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/hotspots.csv", GetHotspotsCsv)
            .WithName("GetIndicatorHotspotsCsv")
            .WithSummary("The hotspots as CSV, the same bytes as geo hotspots' CSV.")
            .WithDescription(hotspotsHelp)
            .Produces<string>(StatusCodes.Status200OK, "text/csv"),
            "/api/indicators/{indicator}/areas/{system}/hotspots.csv?top=10&by=excess");
        ApiExamples.Add(group.MapGet("/{id}/areas/{code}/hotspots.geojson", GetHotspotsGeoJson)
            .WithName("GetIndicatorHotspotsGeoJson")
            .WithSummary("The hotspots as a GeoJSON FeatureCollection in WGS84.")
            .WithDescription(hotspotsHelp)
            .Produces<string>(StatusCodes.Status200OK, "application/geo+json"),
            "/api/indicators/{indicator}/areas/{system}/hotspots.geojson?top=10&by=funnel");
        return app;
    }

    public static Ok<IReadOnlyList<IndicatorDto>> ListIndicators(DatasetHost host)
    {
        var queries = host.Queries;
        return TypedResults.Ok<IReadOnlyList<IndicatorDto>>(queries.Dataset.Indicators.Select(DatasetApi.Indicator).ToArray());
    }

    public static Results<Ok<IndicatorAreaDto>, ProblemHttpResult> GetAreaValue(
        [Description("Indicator id, e.g. copd-emergency-admissions.")] string id,
        [Description("Area code.")] string code,
        [Description(PeriodHelp)] string? period,
        [Description(PoolHelp)] int? pool,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() => RowAnswers.Area(host.Queries.AreaRow(id, period, code, pool), request));

    public static Results<Ok<IndicatorRowsDto>, ProblemHttpResult> GetChildren(
        [Description("Indicator id.")] string id,
        [Description("Area code whose children to list.")] string code,
        [Description(PeriodHelp)] string? period,
        [Description(PoolHelp)] int? pool,
        [Description(RowsFunnelHelp)] string? funnel,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() => RowAnswers.Rows(host.Queries.Children(id, period, code, pool, funnel), request));

    public static Results<FileContentHttpResult, ProblemHttpResult> GetChildrenCsv(
        [Description("Indicator id.")] string id,
        [Description("Area code whose children to list.")] string code,
        [Description(PeriodHelp)] string? period,
        [Description(PoolHelp)] int? pool,
        [Description(RowsFunnelHelp)] string? funnel,
        DatasetHost host) =>
        ApiProblems.File(() => RowAnswers.Csv(host.Queries.Children(id, period, code, pool, funnel)));

    public static Results<FileContentHttpResult, ProblemHttpResult> GetChildrenGeoJson(
        [Description("Indicator id.")] string id,
        [Description("Area code whose children to list.")] string code,
        [Description(PeriodHelp)] string? period,
        [Description(PoolHelp)] int? pool,
        [Description(RowsFunnelHelp)] string? funnel,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.File(() => RowAnswers.GeoJson(host.Queries.Children(id, period, code, pool, funnel), request));

    public static Results<Ok<IndicatorRowsDto>, Ok<IndicatorColumnsDto>, ProblemHttpResult> GetLevel(
        [Description("Indicator id.")] string id,
        [Description(LevelWords.Help + ".")] string level,
        [Description(PeriodHelp)] string? period,
        [Description(PoolHelp)] int? pool,
        [Description(FieldWords.Help + " (default: every column; with format=columns, " + FieldWords.CompactDefault + ").")] string? fields,
        [Description("Layout: " + RowLayoutWords.Help + ".")] string? format,
        [Description(RowsFunnelHelp)] string? funnel,
        DatasetHost host,
        HttpRequest request)
    {
        try
        {
            var layout = RowLayoutWords.Parse(format);
            var columns = FieldWords.Parse(fields, layout == RowLayout.Columns ? FieldWords.CompactDefault : null);
            var rows = host.Queries.Level(id, period, level, pool: pool, funnel: funnel);
            return layout == RowLayout.Columns
                ? TypedResults.Ok(RowAnswers.Columns(rows, request, columns))
                : TypedResults.Ok(fields is null ? RowAnswers.Rows(rows, request) : RowAnswers.Rows(rows, request, columns));
        }
        catch (QueryException e)
        {
            return ApiProblems.From(e);
        }
    }

    public static Results<Ok<LevelValuesDto>, ProblemHttpResult> GetLevelValues(
        [Description("Indicator id.")] string id,
        [Description(LevelWords.Help + ".")] string level,
        [Description(PeriodHelp)] string? period,
        [Description(PoolHelp)] int? pool,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() =>
        {
            var values = host.Queries.LevelValues(id, period, level, pool);
            return new LevelValuesDto(RowAnswers.Metadata(values.Indicator, values.Selection, request),
                values.Level.ToName(), values.Areas, values.Values);
        });

    public static Results<Ok<IndicatorRowsDto>, ProblemHttpResult> GetHotspots(
        [Description("Indicator id.")] string id,
        [Description("Area code whose neighbourhoods to rank.")] string code,
        [Description(PeriodHelp)] string? period,
        [Description(PoolHelp)] int? pool,
        [Description(TopHelp)] int? top,
        [Description(ByHelp)] string? by,
        [Description(FunnelHelp)] string? funnel,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.Answer(() => RowAnswers.Rows(host.Queries.Hotspots(id, period, code, by, top, pool, funnel), request));

    public static Results<FileContentHttpResult, ProblemHttpResult> GetHotspotsCsv(
        [Description("Indicator id.")] string id,
        [Description("Area code whose neighbourhoods to rank.")] string code,
        [Description(PeriodHelp)] string? period,
        [Description(PoolHelp)] int? pool,
        [Description(TopHelp)] int? top,
        [Description(ByHelp)] string? by,
        [Description(FunnelHelp)] string? funnel,
        DatasetHost host) =>
        ApiProblems.File(() => RowAnswers.Csv(host.Queries.Hotspots(id, period, code, by, top, pool, funnel)));

    public static Results<FileContentHttpResult, ProblemHttpResult> GetHotspotsGeoJson(
        [Description("Indicator id.")] string id,
        [Description("Area code whose neighbourhoods to rank.")] string code,
        [Description(PeriodHelp)] string? period,
        [Description(PoolHelp)] int? pool,
        [Description(TopHelp)] int? top,
        [Description(ByHelp)] string? by,
        [Description(FunnelHelp)] string? funnel,
        DatasetHost host,
        HttpRequest request) =>
        ApiProblems.File(() => RowAnswers.GeoJson(host.Queries.Hotspots(id, period, code, by, top, pool, funnel), request));

    /// <summary>The request's own URL: how to get the same rows again.</summary>
    public static string Link(HttpRequest request) => $"GET {request.PathBase}{request.Path}{request.QueryString}";
}
