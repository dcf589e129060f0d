namespace Geo.Core.Catchments;

/// <summary>A neighbourhood in a provider's catchment. Immutable.</summary>
/// <param name="Neighbourhood">The neighbourhood's code.</param>
/// <param name="Flow">Its residents using the provider.</param>
/// <param name="Share">That flow over all its residents' flow to any provider (0–1).</param>
/// <param name="Weight">How much of the neighbourhood the catchment's aggregates take: the share for proportional flow,
/// 1 for first past the post.</param>
public readonly record struct CatchmentMember(string Neighbourhood, double Flow, double Share, double Weight);
