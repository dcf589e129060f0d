using NetTopologySuite.Geometries;

namespace Geo.Core.Sources;

/// <summary>A neighbourhood polygon as read from a boundary file, in British National Grid metres.</summary>
/// <param name="Feature">1-based feature number in the source file, for messages.</param>
public sealed record NeighbourhoodBoundary(string Code, string? Name, Geometry Boundary, long Feature);
