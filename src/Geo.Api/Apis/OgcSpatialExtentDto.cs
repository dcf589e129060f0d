namespace Geo.Api.Apis;

/// <summary>A collection's bounding box, [[minLon, minLat, maxLon, maxLat]], in <see cref="Crs"/> (CRS84).</summary>
public sealed record OgcSpatialExtentDto(IReadOnlyList<IReadOnlyList<double>> Bbox, string Crs);
