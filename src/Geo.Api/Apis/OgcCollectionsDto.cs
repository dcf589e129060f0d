namespace Geo.Api.Apis;

/// <summary>Every feature collection of OGC API – Features, with the document's links.</summary>
public sealed record OgcCollectionsDto(IReadOnlyList<OgcLinkDto> Links, IReadOnlyList<OgcCollectionDto> Collections);
