using System.ComponentModel;
using System.Text.Json;
using Geo.Api.Hosting;
using Geo.Core.Catchments;
using Geo.Query;
using Geo.Query.Vocabulary;
using Geo.Spatial.Projection;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Geometries;

namespace Geo.Api.Apis;

/// <summary>
/// Providers' catchments built from the dataset's flow table (docs/methods.md, "Catchments"): the list with sizes
/// and overlaps, one catchment's neighbourhoods, its dissolved boundary, an indicator summed over it, and every
/// catchment touching an area as a map layer. Every route takes <c>method</c> and <c>threshold</c>.
/// </summary>
public static class CatchmentsApi
{
    private const string Common = "Catchments come from the dataset's flow table (e.g. patients registered at each GP practice by "
        + "neighbourhood of residence). method=proportional (default): a neighbourhood is in the catchment of every provider used by at "
        + "least the threshold share (default 0.3) of its residents who use any, so catchments overlap and some neighbourhoods are in "
        + "none; method=fptp: first past the post, each neighbourhood in the catchment of the provider used by most of its residents "
        + "(ties to the provider code that sorts first), so catchments never overlap. 404 when the dataset has no flow table.";

    public static IEndpointRouteBuilder MapCatchmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catchments").WithTags("Catchments");
        ApiExamples.Add(group.MapGet("/", ListCatchments)
            .WithName("ListCatchments")
            .WithSummary("Providers with the size of their catchments and how they overlap, optionally only those touching an area.")
            .WithDescription(Common + " Each provider with its member neighbourhoods, their residents (each counted with its weight: "
                + "its flow share for proportional flow), its registered list and the part living in its catchment, and how many "
                + "members it shares with how many other providers; the summary counts neighbourhoods in none, one or several "
                + "catchments. area=CODE keeps the providers with a member inside that area, most members inside first."),
            "/api/catchments?area={place}&method=proportional&threshold=0.3");
        ApiExamples.Add(group.MapGet("/boundaries", GetBoundaries)
            .WithName("GetCatchmentBoundaries")
            .WithSummary("The dissolved boundaries of every catchment touching an area, as a GeoJSON FeatureCollection in WGS84.")
            .WithDescription(Common + " One Feature per provider with a member inside the area (a map layer): the union of its "
                + "members' polygons (British National Grid, coverage union), converted to WGS84 with the OSGB36 datum shift; "
                + "properties: provider, name, neighbourhoods, inArea, population, registered. area is required.")
            .Produces<string>(StatusCodes.Status200OK, "application/geo+json"),
            "/api/catchments/boundaries?area={place}&method=fptp");
        ApiExamples.Add(group.MapGet("/{provider}", GetCatchment)
            .WithName("GetCatchment")
            .WithSummary("One provider's catchment: its neighbourhoods with their flows, shares and weights, and its overlaps.")
            .WithDescription(Common + " Members in code order with their place, flow (residents using the provider; fractional "
                + "where a 2011 neighbourhood was split), share of the neighbourhood's flow and weight in the catchment's figures "
                + "(the share for proportional flow, 1 for fptp); the providers it shares members with; the bounding box in WGS84."),
            "/api/catchments/{provider}");
        ApiExamples.Add(group.MapGet("/{provider}/boundary", GetBoundary)
            .WithName("GetCatchmentBoundary")
            .WithSummary("A catchment's dissolved boundary as a GeoJSON Feature in WGS84.")
            .WithDescription(Common + " The union of the member neighbourhoods' polygons (a MultiPolygon where they do not touch), "
                + "converted from British National Grid with the OSGB36 datum shift. 404 for a provider without a catchment.")
            .Produces<string>(StatusCodes.Status200OK, "application/geo+json"),
            "/api/catchments/{provider}/boundary?method=fptp");
        ApiExamples.Add(group.MapGet("/{provider}/indicators/{id}", GetIndicator)
            .WithName("GetCatchmentIndicator")
            .WithSummary("An indicator for a catchment: the row of geo export, summed from its neighbourhoods.")
            .WithDescription(Common + " Counts and populations (band by band for age-standardised values) are summed from the "
                + "member neighbourhoods, each weighted by its flow share (proportional) or whole (fptp); the value, 95% and 99.8% "
                + "limits, comparison with England, expected events, excess and funnel limits are computed by the indicator's own "
                + "method. Level is catchment; there is no parent, so no comparison with one. Suppression: hidden when the count is "
                + "small, and whenever a member neighbourhood's count is suppressed (catchments cut across the hierarchy, and two "
                + "thresholds can differ by one neighbourhood). 400 for indicators published by place."),
            "/api/catchments/{provider}/indicators/{indicator}?period={period}");
        return app;
    }

    public static Results<Ok<CatchmentListDto>, ProblemHttpResult> ListCatchments(
        DatasetHost host,
        [Description(CatchmentWords.MethodHelp)] string? method,
        [Description(CatchmentWords.ThresholdHelp)] string? threshold,
        [Description("Only providers whose catchment has a neighbourhood inside this area code.")] string? area) =>
        ApiProblems.Answer(() =>
        {
            var r = host.Queries.Catchments(method, threshold);
            var inside = area is null ? null : host.Queries.Area(area, "area");
            var chosen = inside is null
                ? r.Set.Catchments.Select(c => (Catchment: c, InArea: (int?)null))
                : r.Touching(inside).OrderByDescending(t => t.InArea).ThenBy(t => t.Catchment.Provider, StringComparer.Ordinal)
                    .Select(t => (t.Catchment, InArea: (int?)t.InArea));
            var set = r.Set;
            var summary = new CatchmentSummaryDto(set.Catchments.Count, set.Catchments.Count(c => c.Members.Count > 0),
                set.NeighbourhoodsWithFlow, set.NeighbourhoodsByMemberships, set.OverlappingNeighbourhoods, set.Unassigned.Count, set.Ties);
            var items = chosen.Select(x => new CatchmentItemDto(x.Catchment.Provider, x.Catchment.Name, x.Catchment.Members.Count, x.InArea,
                Round(r.Population(x.Catchment)), Round(x.Catchment.TotalFlow), Round(x.Catchment.MemberFlow),
                x.Catchment.SharedNeighbourhoods, x.Catchment.OverlappingProviders.Count)).ToArray();
            return new CatchmentListDto(r.Dataset.Name, r.Dataset.Synthetic, r.Flows.Providers, r.Flows.Counts, MethodName(r),
                r.Threshold, r.Describe(), inside?.Code, summary, items);
        });

    public static Results<Ok<CatchmentDto>, ProblemHttpResult> GetCatchment(
        [Description("Provider code, e.g. a GP practice's ODS code.")] string provider,
        DatasetHost host,
        [Description(CatchmentWords.MethodHelp)] string? method,
        [Description(CatchmentWords.ThresholdHelp)] string? threshold) =>
        ApiProblems.Answer(() =>
        {
            var r = host.Queries.Catchments(method, threshold);
            var c = r.Find(provider);
            var dataset = r.Dataset;
            var members = c.Members.Select(m =>
            {
                var area = dataset.Geography.Find(m.Neighbourhood);
                var people = dataset.Population.TryGetValue(m.Neighbourhood, out var bands) ? bands.Sum() : 0;
                return new CatchmentMemberDto(m.Neighbourhood, area?.Name ?? m.Neighbourhood, area?.ParentCode, Round(m.Flow), Round(m.Share),
                    Round(m.Weight), people);
            }).ToArray();
            var overlaps = r.Overlaps(c).Select(o => new CatchmentOverlapDto(o.Provider, o.Name, o.SharedNeighbourhoods)).ToArray();
            double[]? bbox = null;
            if (r.Boundary(c) is { } boundary)
            {
                var box = BritishNationalGrid.ToWgs84(boundary).EnvelopeInternal;
                bbox = [box.MinX, box.MinY, box.MaxX, box.MaxY];
            }

            return new CatchmentDto(c.Provider, c.Name, r.Flows.Providers, r.Flows.Counts, MethodName(r), r.Threshold, r.Describe(),
                dataset.Synthetic, Round(c.TotalFlow), Round(c.MemberFlow), Round(r.Population(c)), members, overlaps, bbox);
        });

    public static Results<FileContentHttpResult, ProblemHttpResult> GetBoundary(
        [Description("Provider code.")] string provider,
        DatasetHost host,
        [Description(CatchmentWords.MethodHelp)] string? method,
        [Description(CatchmentWords.ThresholdHelp)] string? threshold) =>
        ApiProblems.File(() =>
        {
            var r = host.Queries.Catchments(method, threshold);
            var c = r.Find(provider);
            if (r.Boundary(c) is not { } boundary)
            {
                throw QueryException.NoBoundary(c.Provider);
            }

            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                WriteFeature(json, r, c, BritishNationalGrid.ToWgs84(boundary), null);
            }

            return TypedResults.File(stream.ToArray(), "application/geo+json");
        });

    public static Results<FileContentHttpResult, ProblemHttpResult> GetBoundaries(
        DatasetHost host,
        [Description("Area code: the catchments with a neighbourhood inside it are drawn (required).")] string? area,
        [Description(CatchmentWords.MethodHelp)] string? method,
        [Description(CatchmentWords.ThresholdHelp)] string? threshold) =>
        ApiProblems.File(() =>
        {
            var r = host.Queries.Catchments(method, threshold);
            var inside = host.Queries.Area(area, "area");
            var chosen = r.Touching(inside);
            var boundaries = new Geometry?[chosen.Count];
            Parallel.For(0, chosen.Count, i => boundaries[i] = r.Boundary(chosen[i].Catchment) is { } b ? BritishNationalGrid.ToWgs84(b) : null);

            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("type", "FeatureCollection");
                json.WriteString("area", inside.Code);
                json.WriteString("method", MethodName(r));
                if (r.Threshold is { } t)
                {
                    json.WriteNumber("threshold", t);
                }

                json.WriteString("description", r.Describe());
                json.WriteBoolean("synthetic", r.Dataset.Synthetic);
                json.WriteStartArray("features");
                for (var i = 0; i < chosen.Count; i++)
                {
                    if (boundaries[i] is { } wgs84)
                    {
                        WriteFeature(json, r, chosen[i].Catchment, wgs84, chosen[i].InArea);
                    }
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return TypedResults.File(stream.ToArray(), "application/geo+json");
        });

    public static Results<Ok<IndicatorAreaDto>, ProblemHttpResult> GetIndicator(
        [Description("Provider code.")] string provider,
        [Description("Indicator id, e.g. copd-emergency-admissions.")] string id,
        DatasetHost host,
        HttpRequest request,
        [Description("Time period (default: the indicator's latest).")] string? period,
        [Description(CatchmentWords.MethodHelp)] string? method,
        [Description(CatchmentWords.ThresholdHelp)] string? threshold) =>
        ApiProblems.Answer(() => RowAnswers.Area(host.Queries.CatchmentIndicator(provider, id, period, method, threshold), request));

    private static string MethodName(CatchmentSelection r) => CatchmentWords.Name(r.Options.Method);

    private static void WriteFeature(Utf8JsonWriter json, CatchmentSelection r, Catchment c, Geometry wgs84, int? inArea)
    {
        GeoJsonFeature.WriteStart(json, c.Provider, wgs84);
        json.WriteString("provider", c.Provider);
        json.WriteString("name", c.Name);
        json.WriteString("method", MethodName(r));
        if (r.Threshold is { } t)
        {
            json.WriteNumber("threshold", t);
        }

        json.WriteNumber("neighbourhoods", c.Members.Count);
        if (inArea is { } n)
        {
            json.WriteNumber("inArea", n);
        }

        json.WriteNumber("population", Round(r.Population(c)));
        json.WriteNumber("registered", Round(c.TotalFlow));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static double Round(double value) => Math.Round(value, Core.Indicators.IndicatorColumns.Decimals);
}
