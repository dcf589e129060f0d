namespace Geo.Api.Apis;

/// <summary>A link of OGC API – Features (RFC 8288 as JSON): where, how it relates, its media type and a title.</summary>
public sealed record OgcLinkDto(string Href, string Rel, string Type, string? Title);
