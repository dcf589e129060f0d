using Geo.Core.Catchments;
using Geo.Core.Geography;
using Geo.Core.Sources;
using Geo.Model;
using NetTopologySuite.Geometries;

namespace Geo.Query;

/// <summary>
/// The providers' catchments of one method and threshold, with the questions every door asks of them: a provider's
/// catchment, those touching an area, a catchment's residents, overlaps and boundary. Immutable over an immutable
/// dataset: thread-safe.
/// </summary>
public sealed class CatchmentSelection
{
    internal CatchmentSelection(Dataset dataset, CatchmentOptions options)
    {
        Dataset = dataset;
        Options = options;
        Set = dataset.Catchments(options);
    }

    public Dataset Dataset { get; }

    public CatchmentOptions Options { get; }

    public CatchmentSet Set { get; }

    /// <summary>The flow table the catchments come from.</summary>
    public FlowSource Flows => Dataset.Flows!;

    /// <summary>The threshold, or null for first past the post (which has none).</summary>
    public double? Threshold => Options.Method == CatchmentMethod.ProportionalFlow ? Options.Threshold : null;

    /// <summary>The catchment of <paramref name="provider"/> (ignoring case).</summary>
    /// <exception cref="QueryException">The flow table has no such provider (404).</exception>
    public Catchment Find(string provider) => Set.Find(provider)
        ?? throw QueryException.NotFound("provider", "Unknown provider",
            $"No provider has the code '{provider}' in this dataset's flow table of {Dataset.Flows!.Providers}.");

    /// <summary>
    /// The catchments with a member neighbourhood inside <paramref name="area"/> (the area itself for a neighbourhood),
    /// with how many of their members are inside, in provider code order.
    /// </summary>
    public IReadOnlyList<(Catchment Catchment, int InArea)> Touching(Area area)
    {
        var inside = area.Level == Level.Neighbourhood ? [area] : Dataset.Geography.Neighbourhoods(area);
        var counts = new Dictionary<Catchment, int>(ReferenceEqualityComparer.Instance);
        foreach (var n in inside)
        {
            foreach (var c in Set.Containing(n.Code))
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        return [.. counts.Select(x => (x.Key, x.Value)).OrderBy(x => x.Key.Provider, StringComparer.Ordinal)];
    }

    /// <summary>The members' residents, each counted with its weight (all of a first-past-the-post member, its flow share
    /// of a proportional one).</summary>
    public double Population(Catchment catchment)
    {
        var total = 0.0;
        foreach (var m in catchment.Members)
        {
            if (Dataset.Population.TryGetValue(m.Neighbourhood, out var bands))
            {
                total += m.Weight * bands.Sum();
            }
        }

        return total;
    }

    /// <summary>The other providers sharing member neighbourhoods with <paramref name="catchment"/>, most shared first.</summary>
    public IReadOnlyList<(string Provider, string Name, int SharedNeighbourhoods)> Overlaps(Catchment catchment) =>
        [.. catchment.Members.SelectMany(m => Set.Containing(m.Neighbourhood))
            .Where(o => o.Provider != catchment.Provider)
            .GroupBy(o => o.Provider)
            .Select(g => (g.Key, g.First().Name, g.Count()))
            .OrderByDescending(o => o.Item3).ThenBy(o => o.Key, StringComparer.Ordinal)];

    /// <summary>The dissolved boundary (British National Grid), or null for a catchment without members or polygons.</summary>
    public Geometry? Boundary(Catchment catchment) => Dataset.CatchmentBoundary(Options, catchment.Provider);

    /// <summary>The method and threshold in words, for answers.</summary>
    public string Describe() => Options.Describe();
}
