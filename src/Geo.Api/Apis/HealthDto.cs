namespace Geo.Api.Apis;

/// <summary>The answer of <c>GET /api/health</c>.</summary>
public sealed record HealthDto(string Status, string Dataset, bool Synthetic, int Areas);
