namespace Geo.Api.Apis;

/// <summary>How the dataset's neighbourhoods were shared out among the catchments.</summary>
/// <param name="Providers">Providers in the flow table.</param>
/// <param name="WithCatchment">Providers whose catchment has at least one neighbourhood.</param>
/// <param name="NeighbourhoodsWithFlow">Neighbourhoods with any flow.</param>
/// <param name="NeighbourhoodsByMemberships">Element k: neighbourhoods in exactly k catchments.</param>
/// <param name="OverlappingNeighbourhoods">Neighbourhoods in two or more catchments.</param>
/// <param name="Unassigned">Neighbourhoods with flow in no catchment (no provider reaches the threshold).</param>
/// <param name="Ties">fptp: neighbourhoods whose largest flow was shared by several providers (given to the first code).</param>
public sealed record CatchmentSummaryDto(
    int Providers,
    int WithCatchment,
    int NeighbourhoodsWithFlow,
    IReadOnlyList<int> NeighbourhoodsByMemberships,
    int OverlappingNeighbourhoods,
    int Unassigned,
    int Ties);
