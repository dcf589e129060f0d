namespace Geo.Api.Apis;

/// <summary>The answer of <c>GET /api/health</c>. <see cref="Tiles"/>: <c>ready</c> once every level's zoom bands are
/// simplified (or a database cuts the tiles), so no tile waits; <c>preparing</c> while <c>geo serve</c> builds them in the
/// background after start (a tile asked for meanwhile builds its own band first).</summary>
public sealed record HealthDto(string Status, string Dataset, bool Synthetic, int Areas, string Tiles);
