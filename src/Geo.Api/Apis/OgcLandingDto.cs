namespace Geo.Api.Apis;

/// <summary>The landing page of OGC API – Features: links to the API definition, conformance and the collections.</summary>
public sealed record OgcLandingDto(string Title, string Description, IReadOnlyList<OgcLinkDto> Links);
