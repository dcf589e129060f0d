namespace Geo.Api.Apis;

/// <summary>Another provider whose catchment shares neighbourhoods with this one.</summary>
public sealed record CatchmentOverlapDto(string Provider, string Name, int SharedNeighbourhoods);
