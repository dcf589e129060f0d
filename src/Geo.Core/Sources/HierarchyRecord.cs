namespace Geo.Core.Sources;

/// <summary>One row of the neighbourhood to place to system lookup.</summary>
/// <param name="Line">1-based line in the source file, for messages.</param>
public sealed record HierarchyRecord(
    string Neighbourhood,
    string? NeighbourhoodName,
    string PlaceCode,
    string PlaceName,
    string SystemCode,
    string SystemName,
    long Line);
