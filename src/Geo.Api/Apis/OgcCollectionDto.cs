namespace Geo.Api.Apis;

/// <summary>One feature collection of OGC API – Features: id, title, description, links, extent and CRS.</summary>
/// <param name="ItemType">Always <c>feature</c>.</param>
/// <param name="Crs">The coordinate systems features are served in: CRS84 (WGS84 longitude, latitude) only.</param>
public sealed record OgcCollectionDto(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<OgcLinkDto> Links,
    OgcExtentDto Extent,
    string ItemType,
    IReadOnlyList<string> Crs);
