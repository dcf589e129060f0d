namespace Geo.Api.Apis;

/// <summary>One provider's catchment: its neighbourhoods with their shares, and the catchments it overlaps.</summary>
/// <param name="Registered">All the provider's flow (its registered list).</param>
/// <param name="InCatchment">The part of <paramref name="Registered"/> that lives in the members.</param>
/// <param name="Population">Residents of the members, each counted with its weight.</param>
/// <param name="Members">The member neighbourhoods in code order.</param>
/// <param name="Overlaps">Other providers whose catchments share members with this one, most shared first.</param>
/// <param name="Bbox">The members' bounding box in WGS84, [minLon, minLat, maxLon, maxLat]; null without polygons.</param>
public sealed record CatchmentDto(
    string Provider,
    string Name,
    string Providers,
    string Counts,
    string Method,
    double? Threshold,
    string Description,
    bool Synthetic,
    double Registered,
    double InCatchment,
    double Population,
    IReadOnlyList<CatchmentMemberDto> Members,
    IReadOnlyList<CatchmentOverlapDto> Overlaps,
    double[]? Bbox);
