using System.ComponentModel;
using System.Text;
using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Data.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// The indicators and their published figures: one area, an area's children, every area of a level, an area's hotspots, as
/// JSON, CSV or GeoJSON. Every row comes from <see cref="IndicatorView"/>, so suppression always applies;
/// CSV and GeoJSON are written by <see cref="IndicatorExporter"/>, byte for byte what <c>geo export</c> writes.
/// </summary>
public static class IndicatorsApi
{
    public const int DefaultTop = 20;
    public const int MaxTop = 1000;

    private const string PeriodHelp = "Time period (default: the indicator's latest).";
    private const string RowsHelp = "Each row has exactly the columns of geo export (see metadata.columns), numbers rounded to 6 decimals; "
        + "suppressed figures are null.";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Indicators").CacheOutput(DatabaseMonitor.CacheTag);
        ApiExamples.Add(group.MapGet("/", ListIndicators)
            .WithName("ListIndicators")
            .WithSummary("The dataset's indicators, with value types and periods.")
            .WithDescription("Every indicator with its id (used in URLs), name, value type (crude-rate, proportion, dsr, isr, score), "
                + "multiplier, unit, polarity, source, the level its data come at, and its periods, oldest first."),
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
            .WithName("GetIndicatorLevel")
            .WithSummary("One row per area of a level (system, icp, place or neighbourhood) across the country.")
            .WithDescription("The published rows of every area of the level in code order, with the country's row as the area: "
                + "one request for a national distribution, e.g. the quintile breaks of all neighbourhoods. " + RowsHelp),
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

    public static Ok<IReadOnlyList<IndicatorDto>> ListIndicators(DatasetHost host) =>
        TypedResults.Ok<IReadOnlyList<IndicatorDto>>(host.Dataset.Indicators.Select(DatasetApi.Indicator).ToArray());

    public static Results<Ok<IndicatorAreaDto>, ProblemHttpResult> GetAreaValue(
        [Description("Indicator id, e.g. copd-emergency-admissions.")] string id,
        [Description("Area code.")] string code,
        [Description(PeriodHelp)] string? period,
        DatasetHost host,
        HttpRequest request)
    {
        if (IndicatorRequest.TryResolve(host, id, code, period, out var r) is { } problem)
        {
            return problem;
        }

        var metadata = ExportMetadata.For(r.Dataset, r.View, $"area {r.Area!.Code}", Link(request));
        return TypedResults.Ok(new IndicatorAreaDto(metadata, r.Row(r.Area)));
    }

    public static Results<Ok<IndicatorRowsDto>, ProblemHttpResult> GetChildren(
        [Description("Indicator id.")] string id,
        [Description("Area code whose children to list.")] string code,
        [Description(PeriodHelp)] string? period,
        DatasetHost host,
        HttpRequest request)
    {
        if (IndicatorRequest.TryResolve(host, id, code, period, out var r) is { } problem)
        {
            return problem;
        }

        var rows = Children(r);
        return TypedResults.Ok(Rows(r, rows, ChildrenSelection(r), request));
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetChildrenCsv(
        [Description("Indicator id.")] string id,
        [Description("Area code whose children to list.")] string code,
        [Description(PeriodHelp)] string? period,
        DatasetHost host)
    {
        if (IndicatorRequest.TryResolve(host, id, code, period, out var r) is { } problem)
        {
            return problem;
        }

        return Csv(r, Children(r), "children");
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetChildrenGeoJson(
        [Description("Indicator id.")] string id,
        [Description("Area code whose children to list.")] string code,
        [Description(PeriodHelp)] string? period,
        DatasetHost host,
        HttpRequest request)
    {
        if (IndicatorRequest.TryResolve(host, id, code, period, out var r) is { } problem)
        {
            return problem;
        }

        return GeoJson(r, Children(r), ChildrenSelection(r), request);
    }

    public static Results<Ok<IndicatorRowsDto>, ProblemHttpResult> GetLevel(
        [Description("Indicator id.")] string id,
        [Description("system, icp, place or neighbourhood.")] string level,
        [Description(PeriodHelp)] string? period,
        DatasetHost host,
        HttpRequest request)
    {
        if (ResolveLevel(host, id, level, period, out var r, out var at) is { } problem)
        {
            return problem;
        }

        var rows = r.View.AtLevel(at).ToArray();
        return TypedResults.Ok(Rows(r, rows, $"every {level.ToLowerInvariant()} in {r.Area!.Code}", request));
    }

    public static Results<Ok<LevelValuesDto>, ProblemHttpResult> GetLevelValues(
        [Description("Indicator id.")] string id,
        [Description("system, icp, place or neighbourhood.")] string level,
        [Description(PeriodHelp)] string? period,
        DatasetHost host,
        HttpRequest request)
    {
        if (ResolveLevel(host, id, level, period, out var r, out var at) is { } problem)
        {
            return problem;
        }

        // the published values, as the rows give them (rounded as exported): suppressed rows have none
        var rows = r.View.AtLevel(at).Select(row => IndicatorRowDto.From(row, r.Definition)).ToArray();
        var values = rows.Where(x => x.Value is not null).Select(x => x.Value!.Value).Order().ToArray();
        var metadata = ExportMetadata.For(r.Dataset, r.View, $"values of every {level.ToLowerInvariant()} in {r.Area!.Code}", Link(request));
        return TypedResults.Ok(new LevelValuesDto(metadata, at.ToString().ToLowerInvariant(), rows.Length, values));
    }

    private static ProblemHttpResult? ResolveLevel(DatasetHost host, string id, string level, string? period, out IndicatorRequest request, out Level at)
    {
        request = null!;
        at = default;
        Level? parsed = level.ToLowerInvariant() switch
        {
            "system" => Level.System,
            "icp" => Level.Icp,
            "place" => Level.Place,
            "neighbourhood" => Level.Neighbourhood,
            _ => null,
        };
        if (parsed is not { } known)
        {
            return ApiProblems.BadParameter("level", $"level must be system, icp, place or neighbourhood, not '{level}'.");
        }

        at = known;
        return IndicatorRequest.TryResolve(host, id, host.Dataset.Geography.Root.Code, period, out request);
    }

    public static Results<Ok<IndicatorRowsDto>, ProblemHttpResult> GetHotspots(
        [Description("Indicator id.")] string id,
        [Description("Area code whose neighbourhoods to rank.")] string code,
        [Description(PeriodHelp)] string? period,
        [Description("How many neighbourhoods, 1 to 1000 (default 20).")] int? top,
        [Description("rate, excess, funnel, gistar or moran (default rate).")] string? by,
        DatasetHost host,
        HttpRequest request)
    {
        if (Hotspots(host, id, code, period, top, by, out var r, out var rows, out var selection) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(Rows(r, rows, selection, request));
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetHotspotsCsv(
        [Description("Indicator id.")] string id,
        [Description("Area code whose neighbourhoods to rank.")] string code,
        [Description(PeriodHelp)] string? period,
        [Description("How many neighbourhoods, 1 to 1000 (default 20).")] int? top,
        [Description("rate, excess, funnel, gistar or moran (default rate).")] string? by,
        DatasetHost host)
    {
        if (Hotspots(host, id, code, period, top, by, out var r, out var rows, out _) is { } problem)
        {
            return problem;
        }

        return Csv(r, rows, "hotspots");
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetHotspotsGeoJson(
        [Description("Indicator id.")] string id,
        [Description("Area code whose neighbourhoods to rank.")] string code,
        [Description(PeriodHelp)] string? period,
        [Description("How many neighbourhoods, 1 to 1000 (default 20).")] int? top,
        [Description("rate, excess, funnel, gistar or moran (default rate).")] string? by,
        DatasetHost host,
        HttpRequest request)
    {
        if (Hotspots(host, id, code, period, top, by, out var r, out var rows, out var selection) is { } problem)
        {
            return problem;
        }

        return GeoJson(r, rows, selection, request);
    }

    /// <summary>The children's published rows, found through the hierarchy's child list (no scan of all rows).</summary>
    private static IReadOnlyList<IndicatorRow> Children(IndicatorRequest r) => r.View.Children(r.Area!.Code).ToArray();

    private static string ChildrenSelection(IndicatorRequest r) => $"children of {r.Area!.Code}";

    private static ProblemHttpResult? Hotspots(DatasetHost host, string id, string code, string? period, int? top, string? by,
        out IndicatorRequest request, out IReadOnlyList<IndicatorRow> rows, out string selection)
    {
        rows = [];
        selection = "";
        if (IndicatorRequest.TryResolve(host, id, code, period, out request) is { } problem)
        {
            return problem;
        }

        if (top is < 1 or > MaxTop)
        {
            return ApiProblems.BadParameter("top", $"top must be from 1 to {MaxTop}, not {top}.");
        }

        HotspotOrder order;
        switch (by?.ToLowerInvariant())
        {
            case null or "rate": order = HotspotOrder.Rate; break;
            case "excess": order = HotspotOrder.Excess; break;
            case "funnel": order = HotspotOrder.Funnel; break;
            case "gistar": order = HotspotOrder.GiStar; break;
            case "moran": order = HotspotOrder.Moran; break;
            default: return ApiProblems.BadParameter("by", $"by must be rate, excess, funnel, gistar or moran, not '{by}'.");
        }

        var count = top ?? DefaultTop;
        rows = order is HotspotOrder.GiStar or HotspotOrder.Moran
            ? Core.Indicators.Hotspots.Find(request.View, request.Engine.Compute(request.View.Period),
                request.Dataset.NeighbourhoodContiguity, request.Area!.Code, order, count)
            : Core.Indicators.Hotspots.Find(request.View, request.Area!.Code, order, count);
        selection = $"top {count} neighbourhoods inside {request.Area.Code} by {order.ToString().ToLowerInvariant()}";
        return null;
    }

    private static IndicatorRowsDto Rows(IndicatorRequest r, IReadOnlyList<IndicatorRow> rows, string selection, HttpRequest request)
    {
        var dtos = new IndicatorRowDto[rows.Count];
        for (var i = 0; i < dtos.Length; i++)
        {
            dtos[i] = IndicatorRowDto.From(rows[i], r.Definition);
        }

        return new IndicatorRowsDto(ExportMetadata.For(r.Dataset, r.View, selection, Link(request)), r.Row(r.Area!), dtos);
    }

    private static FileContentHttpResult Csv(IndicatorRequest r, IReadOnlyList<IndicatorRow> rows, string what)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, Utf8WithBom))
        {
            IndicatorExporter.WriteCsv(writer, rows, r.Definition);
        }

        return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", FileName(r, what, "csv"));
    }

    private static FileContentHttpResult GeoJson(IndicatorRequest r, IReadOnlyList<IndicatorRow> rows, string selection, HttpRequest request)
    {
        using var stream = new MemoryStream();
        IndicatorExporter.WriteGeoJson(stream, rows, r.Definition, r.Dataset.Boundaries,
            ExportMetadata.For(r.Dataset, r.View, selection, Link(request)));
        return TypedResults.File(stream.ToArray(), "application/geo+json", FileName(r, selection.StartsWith("children", StringComparison.Ordinal) ? "children" : "hotspots", "geojson"));
    }

    private static string FileName(IndicatorRequest r, string what, string extension) =>
        $"{r.Definition.Id}-{r.Area!.Code}-{r.View.Period.Replace('/', '-')}-{what}.{extension}";

    /// <summary>The request's own URL: how to get the same rows again.</summary>
    public static string Link(HttpRequest request) => $"GET {request.PathBase}{request.Path}{request.QueryString}";
}
