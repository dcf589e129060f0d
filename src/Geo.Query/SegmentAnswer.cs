using Geo.Core.Geography;
using Geo.Core.Segmentation;

namespace Geo.Query;

/// <summary>
/// The neighbourhoods of an area clustered on several indicators (<see cref="DatasetQueries.Segments"/>). Only published
/// values are used: a neighbourhood suppressed or without a value in any indicator is left out and counted, so no
/// suppressed figure enters a cluster, a profile or the list of members. Immutable.
/// </summary>
/// <param name="Indicators">The indicators at their latest periods, in the order given.</param>
/// <param name="Area">The area whose neighbourhoods are clustered.</param>
/// <param name="Neighbourhoods">How many neighbourhoods the area has.</param>
/// <param name="Suppressed">Neighbourhoods left out because a row of any indicator is suppressed.</param>
/// <param name="NoValue">Neighbourhoods left out because an indicator has no value for them (and none is suppressed).</param>
/// <param name="Members">The neighbourhoods clustered, in code order, with their cluster (1 = largest; 0 when there are no clusters).</param>
/// <param name="Result">The clusters, their profiles and the silhouette; its reason when there are none.</param>
/// <param name="Seed">The seed of the k-means++ seeding and the silhouette's sample.</param>
/// <param name="Reason">Why there are no clusters, naming the parameter to change; null when there are.</param>
public sealed record SegmentAnswer(
    IReadOnlyList<PublishedIndicator> Indicators,
    Area Area,
    int Neighbourhoods,
    int Suppressed,
    int NoValue,
    IReadOnlyList<SegmentMember> Members,
    SegmentationResult Result,
    int Seed,
    string? Reason)
{
    /// <summary>The selection in words, for the export metadata.</summary>
    public string Selection => $"neighbourhoods of {Area.Code} clustered on "
        + string.Join(", ", Indicators.Select(i => $"{i.Definition.Id} ({i.Period})"))
        + (Result.K is { } k ? $": k = {k}{(Result.ChosenBySilhouette ? " chosen by silhouette" : "")}, seed {Seed}" : "");
}

/// <summary>One neighbourhood clustered: its published value of each indicator (in the answer's order) and its cluster.</summary>
public sealed record SegmentMember(Area Area, IReadOnlyList<double> Values, int Cluster);
