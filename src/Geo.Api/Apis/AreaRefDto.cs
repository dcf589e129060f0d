namespace Geo.Api.Apis;

/// <summary>A short reference to another area.</summary>
public sealed record AreaRefDto(string Code, string Name, string Level);
