namespace Geo.Api.Apis;

/// <summary>A statistical process control chart of an area's published periods.</summary>
/// <param name="Centre">The centre line (mean) in the value's units.</param>
/// <param name="Variation">The most recent point's variation: common-cause, improvement, concern, neutral-high or neutral-low.</param>
public sealed record SpcChartDto(double Centre, string Variation, IReadOnlyList<SpcPointDto> Points);
