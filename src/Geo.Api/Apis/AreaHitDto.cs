namespace Geo.Api.Apis;

/// <summary>One answer of an area search, best first.</summary>
/// <param name="Match">Why it matched: code (exact code), prefix (name or code starts with the query) or contains.</param>
public sealed record AreaHitDto(string Code, string Name, string Level, string? Parent, bool Partial, string Match);
