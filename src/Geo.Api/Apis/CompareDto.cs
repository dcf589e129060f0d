using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>The answer of <c>GET /api/compare</c>: each area's published row and every pair's significance.</summary>
/// <param name="Method">How pairs are compared, in words.</param>
public sealed record CompareDto(ExportMetadata Metadata, IReadOnlyList<IndicatorRowDto> Areas, IReadOnlyList<ComparePairDto> Pairs, string Method);
