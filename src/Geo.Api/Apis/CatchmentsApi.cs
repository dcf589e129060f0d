using System.ComponentModel;
using System.Text.Json;
using Geo.Api.Hosting;
using Geo.Core.Catchments;
using Geo.Core.Geography;
using Geo.Data.Export;
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
        var group = app.MapGroup("/api/catchments").WithTags("Catchments").CacheOutput(DatabaseMonitor.CacheTag);
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
        [Description(CatchmentRequest.MethodHelp)] string? method,
        [Description(CatchmentRequest.ThresholdHelp)] string? threshold,
        [Description("Only providers whose catchment has a neighbourhood inside this area code.")] string? area)
    {
        if (CatchmentRequest.TryResolve(host, method, threshold, out var r) is { } problem)
        {
            return problem;
        }

        IEnumerable<(Catchment Catchment, int? InArea)> chosen;
        string? areaCode = null;
        if (area is not null)
        {
            if (Touching(r, area, out var touching) is { } unknown)
            {
                return unknown;
            }

            areaCode = r.Dataset.Geography.Find(area)!.Code;
            chosen = touching.OrderByDescending(t => t.InArea).ThenBy(t => t.Catchment.Provider, StringComparer.Ordinal)
                .Select(t => (t.Catchment, (int?)t.InArea));
        }
        else
        {
            chosen = r.Set.Catchments.Select(c => (c, (int?)null));
        }

        var set = r.Set;
        var summary = new CatchmentSummaryDto(set.Catchments.Count, set.Catchments.Count(c => c.Members.Count > 0),
            set.NeighbourhoodsWithFlow, set.NeighbourhoodsByMemberships, set.OverlappingNeighbourhoods, set.Unassigned.Count, set.Ties);
        var items = chosen.Select(x => new CatchmentItemDto(x.Catchment.Provider, x.Catchment.Name, x.Catchment.Members.Count, x.InArea,
            Round(r.Population(x.Catchment)), Round(x.Catchment.TotalFlow), Round(x.Catchment.MemberFlow),
            x.Catchment.SharedNeighbourhoods, x.Catchment.OverlappingProviders.Count)).ToArray();
        var flows = r.Dataset.Flows!;
        return TypedResults.Ok(new CatchmentListDto(r.Dataset.Name, r.Dataset.Synthetic, flows.Providers, flows.Counts, r.MethodName,
            r.Threshold, r.Describe(), areaCode, summary, items));
    }

    public static Results<Ok<CatchmentDto>, ProblemHttpResult> GetCatchment(
        [Description("Provider code, e.g. a GP practice's ODS code.")] string provider,
        DatasetHost host,
        [Description(CatchmentRequest.MethodHelp)] string? method,
        [Description(CatchmentRequest.ThresholdHelp)] string? threshold)
    {
        if (CatchmentRequest.TryResolve(host, method, threshold, out var r) is { } problem)
        {
            return problem;
        }

        if (r.TryFind(provider, out var c) is { } missing)
        {
            return missing;
        }

        var dataset = r.Dataset;
        var members = c.Members.Select(m =>
        {
            var area = dataset.Geography.Find(m.Neighbourhood);
            var people = dataset.Population.TryGetValue(m.Neighbourhood, out var bands) ? bands.Sum() : 0;
            return new CatchmentMemberDto(m.Neighbourhood, area?.Name ?? m.Neighbourhood, area?.ParentCode, Round(m.Flow), Round(m.Share),
                Round(m.Weight), people);
        }).ToArray();
        var overlaps = c.Members.SelectMany(m => r.Set.Containing(m.Neighbourhood))
            .Where(o => o.Provider != c.Provider)
            .GroupBy(o => o.Provider)
            .Select(g => new CatchmentOverlapDto(g.Key, g.First().Name, g.Count()))
            .OrderByDescending(o => o.SharedNeighbourhoods).ThenBy(o => o.Provider, StringComparer.Ordinal)
            .ToArray();
        double[]? bbox = null;
        if (dataset.CatchmentBoundary(r.Options, c.Provider) is { } boundary)
        {
            var box = BritishNationalGrid.ToWgs84(boundary).EnvelopeInternal;
            bbox = [box.MinX, box.MinY, box.MaxX, box.MaxY];
        }

        var flows = dataset.Flows!;
        return TypedResults.Ok(new CatchmentDto(c.Provider, c.Name, flows.Providers, flows.Counts, r.MethodName, r.Threshold, r.Describe(),
            dataset.Synthetic, Round(c.TotalFlow), Round(c.MemberFlow), Round(r.Population(c)), members, overlaps, bbox));
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetBoundary(
        [Description("Provider code.")] string provider,
        DatasetHost host,
        [Description(CatchmentRequest.MethodHelp)] string? method,
        [Description(CatchmentRequest.ThresholdHelp)] string? threshold)
    {
        if (CatchmentRequest.TryResolve(host, method, threshold, out var r) is { } problem)
        {
            return problem;
        }

        if (r.TryFind(provider, out var c) is { } missing)
        {
            return missing;
        }

        if (r.Dataset.CatchmentBoundary(r.Options, c.Provider) is not { } boundary)
        {
            return ApiProblems.NoBoundary(c.Provider);
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            WriteFeature(json, r, c, BritishNationalGrid.ToWgs84(boundary), null);
        }

        return TypedResults.File(stream.ToArray(), "application/geo+json");
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetBoundaries(
        DatasetHost host,
        [Description("Area code: the catchments with a neighbourhood inside it are drawn (required).")] string? area,
        [Description(CatchmentRequest.MethodHelp)] string? method,
        [Description(CatchmentRequest.ThresholdHelp)] string? threshold)
    {
        if (CatchmentRequest.TryResolve(host, method, threshold, out var r) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(area))
        {
            return ApiProblems.BadParameter("area", "Give the area whose catchments to draw, e.g. ?area=E08000035.");
        }

        if (Touching(r, area, out var touching) is { } unknown)
        {
            return unknown;
        }

        var chosen = touching.OrderBy(t => t.Catchment.Provider, StringComparer.Ordinal).ToArray();
        var boundaries = new Geometry?[chosen.Length];
        Parallel.For(0, chosen.Length, i =>
        {
            var b = r.Dataset.CatchmentBoundary(r.Options, chosen[i].Catchment.Provider);
            boundaries[i] = b is null ? null : BritishNationalGrid.ToWgs84(b);
        });

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteString("area", r.Dataset.Geography.Find(area)!.Code);
            json.WriteString("method", r.MethodName);
            if (r.Threshold is { } t)
            {
                json.WriteNumber("threshold", t);
            }

            json.WriteString("description", r.Describe());
            json.WriteBoolean("synthetic", r.Dataset.Synthetic);
            json.WriteStartArray("features");
            for (var i = 0; i < chosen.Length; i++)
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
    }

    public static Results<Ok<IndicatorAreaDto>, ProblemHttpResult> GetIndicator(
        [Description("Provider code.")] string provider,
        [Description("Indicator id, e.g. copd-emergency-admissions.")] string id,
        DatasetHost host,
        HttpRequest request,
        [Description("Time period (default: the indicator's latest).")] string? period,
        [Description(CatchmentRequest.MethodHelp)] string? method,
        [Description(CatchmentRequest.ThresholdHelp)] string? threshold)
    {
        if (CatchmentRequest.TryResolve(host, method, threshold, out var r) is { } problem)
        {
            return problem;
        }

        if (r.TryFind(provider, out var c) is { } missing)
        {
            return missing;
        }

        if (IndicatorRequest.TryResolve(host, id, null, period, out var ir) is { } indicatorProblem)
        {
            return indicatorProblem;
        }

        if (CatchmentIndicator.Unsupported(ir.Engine.Source) is { } reason)
        {
            return ApiProblems.BadParameter("id", reason);
        }

        var row = CatchmentIndicator.Publish(ir.Engine, ir.View.Period, c);
        var selection = $"catchment of {c.Provider} ({r.Describe()})";
        var metadata = ExportMetadata.For(r.Dataset, ir.View, selection, IndicatorsApi.Link(request));
        return TypedResults.Ok(new IndicatorAreaDto(metadata, IndicatorRowDto.From(row, ir.Definition)));
    }

    /// <summary>The catchments with a member inside the area, with how many members are inside; or the 404 problem.</summary>
    private static ProblemHttpResult? Touching(CatchmentRequest r, string area, out List<(Catchment Catchment, int InArea)> touching)
    {
        touching = [];
        var found = r.Dataset.Geography.Find(area);
        if (found is null)
        {
            return ApiProblems.UnknownArea(area, r.Dataset.Name);
        }

        var inside = found.Level == Level.Neighbourhood ? [found] : r.Dataset.Geography.Neighbourhoods(found);
        var counts = new Dictionary<Catchment, int>(ReferenceEqualityComparer.Instance);
        foreach (var n in inside)
        {
            foreach (var c in r.Set.Containing(n.Code))
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        touching = [.. counts.Select(x => (x.Key, x.Value))];
        return null;
    }

    private static void WriteFeature(Utf8JsonWriter json, CatchmentRequest r, Catchment c, Geometry wgs84, int? inArea)
    {
        GeoJsonFeature.WriteStart(json, c.Provider, wgs84);
        json.WriteString("provider", c.Provider);
        json.WriteString("name", c.Name);
        json.WriteString("method", r.MethodName);
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

    private static double Round(double value) => Math.Round(value, 6);
}
