using Geo.Api.Apis;
using Geo.Data.Export;

namespace Geo.Api.Tests.Answers;

/// <summary>The answer of <c>/api/compare</c>: the areas' rows and each pair's significance.</summary>
public sealed record CompareAnswer(ExportMetadata Metadata, IReadOnlyList<RowAnswer> Areas, IReadOnlyList<ComparePairDto> Pairs, string Method);
