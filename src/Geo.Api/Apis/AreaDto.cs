namespace Geo.Api.Apis;

/// <summary>An area with its place in the hierarchy. Levels are named system, icp, place, neighbourhood.</summary>
/// <param name="Bbox">Bounding box of the boundary in WGS84, [minLon, minLat, maxLon, maxLat]; null without a boundary.</param>
/// <param name="Partial">True for a place that is only the part of its district inside one system.</param>
public sealed record AreaDto(
    string Code,
    string Name,
    string Level,
    AreaRefDto? Parent,
    IReadOnlyList<AreaRefDto> Ancestors,
    IReadOnlyList<AreaRefDto> Children,
    bool Partial,
    string? DistrictCode,
    IReadOnlyList<double>? Bbox);
