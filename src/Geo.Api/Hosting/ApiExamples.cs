using Geo.Core.Geography;

namespace Geo.Api.Hosting;

/// <summary>
/// Fills <see cref="ApiExample"/> templates with codes of the dataset being served, so that every
/// example URL works against this server. Built once; thread-safe.
/// </summary>
public sealed class ApiExamples(DatasetHost host)
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _values = new(() => Values(host));

    /// <summary>Adds an example request to an endpoint.</summary>
    public static TBuilder Add<TBuilder>(TBuilder builder, string template)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ApiExample(template));
        return builder;
    }

    public string Fill(string template)
    {
        var url = template;
        foreach (var (name, value) in _values.Value)
        {
            url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return url;
    }

    /// <summary>The value a placeholder stands for, e.g. the example system's code for <c>system</c>.</summary>
    public string? Value(string name) => _values.Value.GetValueOrDefault(name);

    private static Dictionary<string, string> Values(DatasetHost host)
    {
        var dataset = host.Dataset;
        var geography = dataset.Geography;
        var systems = geography.AtLevel(Level.System);
        // The system with most places makes the richest example; fixed by code order on ties.
        var system = systems.OrderByDescending(s => geography.Neighbourhoods(s).Count()).ThenBy(s => s.Code, StringComparer.Ordinal).FirstOrDefault()
            ?? geography.Root;
        var place = geography.AtLevel(Level.Place).FirstOrDefault(p => geography.Ancestors(p).Contains(system))
            ?? geography.AtLevel(Level.Place).FirstOrDefault() ?? system;
        var neighbourhood = geography.Neighbourhoods(place).FirstOrDefault() ?? place;
        var other = systems.FirstOrDefault(s => s != system) ?? system;
        var indicator = dataset.Indicators.FirstOrDefault();
        // The provider whose (proportional) catchment has most neighbourhoods in the example place.
        var provider = dataset.Flows is null
            ? "provider"
            : geography.Neighbourhoods(place)
                .SelectMany(n => dataset.Catchments(Core.Catchments.CatchmentOptions.Default).Containing(n.Code))
                .GroupBy(c => c.Provider)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).FirstOrDefault() ?? dataset.Flows.ProviderNames.Keys.Order(StringComparer.Ordinal).First();
        return new Dictionary<string, string>
        {
            ["indicator"] = indicator?.Definition.Id ?? "indicator-id",
            // a second indicator for the bivariate examples; with only one, the answer's reason says it is given twice
            ["indicator2"] = dataset.Indicators.Skip(1).FirstOrDefault()?.Definition.Id ?? indicator?.Definition.Id ?? "indicator-id",
            ["period"] = indicator?.Periods[^1] ?? "period",
            ["system"] = system.Code,
            ["system2"] = other.Code,
            ["place"] = place.Code,
            ["neighbourhood"] = neighbourhood.Code,
            ["query"] = place.Name.Length > 4 ? place.Name[..4] : place.Name,
            ["provider"] = provider,
        };
    }
}
