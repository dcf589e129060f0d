namespace Geo.Api.Apis;

/// <summary>An area with its place in the hierarchy. Levels are named system, icp, place, neighbourhood.</summary>
public sealed record AreaDto(
    string Code,
    string Name,
    string Level,
    AreaRefDto? Parent,
    IReadOnlyList<AreaRefDto> Ancestors,
    IReadOnlyList<AreaRefDto> Children,
    bool Partial,
    string? DistrictCode);

/// <summary>A short reference to another area.</summary>
public sealed record AreaRefDto(string Code, string Name, string Level);
