using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// An indicator request's parameters resolved against the dataset: the engine, the published view of
/// the period (the latest when none is given) and, when asked, an area. Only the view's rows are ever
/// served. Immutable.
/// </summary>
public sealed record IndicatorRequest(Dataset Dataset, IndicatorEngine Engine, IndicatorView View, Area? Area)
{
    /// <summary>Resolves the parameters, or gives the problem (404 unknown indicator or area, 400 bad period).</summary>
    public static ProblemHttpResult? TryResolve(DatasetHost host, string id, string? code, string? period, out IndicatorRequest request)
    {
        request = null!;
        var dataset = host.Dataset;
        var source = dataset.Indicators.FirstOrDefault(i => string.Equals(i.Definition.Id, id, StringComparison.OrdinalIgnoreCase));
        if (source is null)
        {
            return ApiProblems.UnknownIndicator(id, dataset.Indicators.Select(i => i.Definition.Id));
        }

        var engine = dataset.Indicator(source.Definition.Id);
        if (period is not null && !engine.Periods.Contains(period, StringComparer.Ordinal))
        {
            return ApiProblems.BadParameter("period",
                $"Indicator '{engine.Definition.Id}' has no period '{period}'; its periods are: {string.Join(", ", engine.Periods)}.");
        }

        Area? area = null;
        if (code is not null)
        {
            area = dataset.Geography.Find(code);
            if (area is null)
            {
                return ApiProblems.UnknownArea(code, dataset.Name);
            }
        }

        request = new IndicatorRequest(dataset, engine, engine.Publish(period ?? engine.LatestPeriod), area);
        return null;
    }

    public IndicatorDefinition Definition => Engine.Definition;

    /// <summary>The published row of an area of the dataset.</summary>
    public IndicatorRowDto Row(Area area) => IndicatorRowDto.From(View.Get(area.Code), Definition);
}
