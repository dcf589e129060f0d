namespace Geo.Api.Apis;

/// <summary>A neighbourhood of a catchment.</summary>
/// <param name="Place">The place (district part) the neighbourhood is in.</param>
/// <param name="Flow">Its residents using the provider (fractional where a 2011 neighbourhood was split).</param>
/// <param name="Share">That flow over its residents' flow to any provider (0–1).</param>
/// <param name="Weight">How much of the neighbourhood the catchment's figures take: the share (proportional) or 1 (fptp).</param>
/// <param name="Population">The neighbourhood's residents (Census 2021).</param>
public sealed record CatchmentMemberDto(string Code, string Name, string? Place, double Flow, double Share, double Weight, double Population);
