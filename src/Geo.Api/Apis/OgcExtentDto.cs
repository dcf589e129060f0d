namespace Geo.Api.Apis;

/// <summary>The extent of a feature collection: its spatial part only (the features have no time).</summary>
public sealed record OgcExtentDto(OgcSpatialExtentDto Spatial);
