namespace Geo.Core.Catchments;

/// <summary>One provider's catchment. Immutable.</summary>
/// <param name="Provider">The provider's code.</param>
/// <param name="Name">The provider's name.</param>
/// <param name="Members">Its neighbourhoods in code order; empty when the provider is nowhere large enough.</param>
/// <param name="TotalFlow">All the provider's flow, from every neighbourhood (a practice's registered list).</param>
/// <param name="MemberFlow">The part of <paramref name="TotalFlow"/> that comes from <paramref name="Members"/>.</param>
/// <param name="SharedNeighbourhoods">Members that are also in another provider's catchment.</param>
/// <param name="OverlappingProviders">The other providers whose catchments share a member with this one, in code order.</param>
public sealed record Catchment(
    string Provider,
    string Name,
    IReadOnlyList<CatchmentMember> Members,
    double TotalFlow,
    double MemberFlow,
    int SharedNeighbourhoods,
    IReadOnlyList<string> OverlappingProviders);
