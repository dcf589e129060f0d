using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>One area's published figures for an indicator and period, with how they were made.</summary>
/// <param name="Metadata">The same metadata as an export: method, multiplier, unit, polarity, suppression rule; its command is this request's URL.</param>
public sealed record IndicatorAreaDto(ExportMetadata Metadata, IndicatorRowDto Row);
