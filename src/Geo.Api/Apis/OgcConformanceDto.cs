namespace Geo.Api.Apis;

/// <summary>The conformance classes of OGC API – Features the server implements.</summary>
public sealed record OgcConformanceDto(IReadOnlyList<string> ConformsTo);
