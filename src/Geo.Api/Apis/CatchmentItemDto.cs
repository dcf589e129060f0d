namespace Geo.Api.Apis;

/// <summary>One provider's catchment in a list.</summary>
/// <param name="Neighbourhoods">Member neighbourhoods.</param>
/// <param name="InArea">Members inside the area the list is filtered to; null without one.</param>
/// <param name="Population">Residents of the members, each counted with its weight (its flow share for proportional flow).</param>
/// <param name="Registered">All the provider's flow (its registered list).</param>
/// <param name="InCatchment">The part of <paramref name="Registered"/> that lives in the members.</param>
/// <param name="SharedNeighbourhoods">Members also in another provider's catchment.</param>
/// <param name="OverlappingProviders">Other providers whose catchments share a member with this one.</param>
public sealed record CatchmentItemDto(
    string Provider,
    string Name,
    int Neighbourhoods,
    int? InArea,
    double Population,
    double Registered,
    double InCatchment,
    int SharedNeighbourhoods,
    int OverlappingProviders);
