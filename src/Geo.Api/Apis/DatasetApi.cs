using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Data.Indicators;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary><c>GET /api/dataset</c>: what the server serves.</summary>
public static class DatasetApi
{
    public static IEndpointRouteBuilder MapDatasetApi(this IEndpointRouteBuilder app)
    {
        var route = app.MapGet("/api/dataset", GetDataset)
            .WithTags("Dataset")
            .WithName("GetDataset")
            .WithSummary("The dataset: name, boundary vintage, levels, indicators and the suppression rule.")
            .WithDescription("Names the dataset and its boundary vintage, says whether it is the synthetic demo, counts the areas "
                + "of each level (country, system, icp, place, neighbourhood), lists every indicator with its periods and value type, "
                + "and states the small-number suppression rule that every answer of this API obeys.");
        ApiExamples.Add(route, "/api/dataset");
        return app;
    }

    public static Ok<DatasetDto> GetDataset(DatasetHost host)
    {
        var queries = host.Queries;
        var dataset = queries.Dataset;
        var levels = LevelNames.Hierarchy
            .Select(l => new LevelCountDto(l.ToName(), dataset.Geography.AtLevel(l).Count))
            .ToArray();
        return TypedResults.Ok(new DatasetDto(
            dataset.Name,
            dataset.BoundaryVintage,
            dataset.Synthetic,
            levels,
            dataset.Indicators.Select(Indicator).ToArray(),
            dataset.Suppression.Describe()));
    }

    /// <summary>What the indicator lists say of one indicator, with the one pool it is published in.</summary>
    public static IndicatorDto Indicator(Core.Indicators.IndicatorSource source)
    {
        var d = source.Definition;
        return new IndicatorDto(
            d.Id,
            d.Name,
            IndicatorTerms.Name(d.ValueType),
            d.Multiplier,
            d.Unit,
            IndicatorTerms.Name(d.Polarity),
            d.Source,
            source.DataLevel.ToName(),
            source.Periods,
            source.Periods[^1],
            source.PublicationPool);
    }
}
