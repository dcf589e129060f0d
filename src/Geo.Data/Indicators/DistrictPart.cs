namespace Geo.Data.Indicators;

/// <summary>
/// One part of a district whose neighbourhoods fall in more than one system: the partial place the hierarchy makes of
/// it (<see cref="Core.Geography.HierarchyBuilder.PartialPlaceCode"/>) and the neighbourhoods it holds. Immutable.
/// </summary>
/// <param name="Code">The partial place's code, <c>{district}-{system}</c>.</param>
/// <param name="System">The system the part lies in.</param>
/// <param name="Neighbourhoods">The part's 2021 neighbourhood codes, as in the lookup.</param>
public sealed record DistrictPart(string Code, string System, IReadOnlyList<string> Neighbourhoods);
