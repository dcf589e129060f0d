using Geo.Data.Export;

namespace Geo.Api.Tests.Answers;

/// <summary>The answer of children, hotspots and levels: metadata, the area's row and the rows listed.</summary>
public sealed record RowsAnswer(ExportMetadata Metadata, RowAnswer Area, IReadOnlyList<RowAnswer> Rows, string? Reason);
