using Geo.Data.Export;

namespace Geo.Api.Tests.Answers;

/// <summary>The answer for one area's (or catchment's) indicator: metadata and its row.</summary>
public sealed record AreaAnswer(ExportMetadata Metadata, RowAnswer Row);
