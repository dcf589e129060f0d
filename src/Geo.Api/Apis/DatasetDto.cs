namespace Geo.Api.Apis;

/// <summary>The answer of <c>GET /api/dataset</c>: what the server serves.</summary>
/// <param name="Synthetic">True for the generated demo: its figures are not real.</param>
/// <param name="SuppressionRule">The small-number rule applied to every answer, in words.</param>
public sealed record DatasetDto(
    string Name,
    string Vintage,
    bool Synthetic,
    IReadOnlyList<LevelCountDto> Levels,
    IReadOnlyList<IndicatorDto> Indicators,
    string SuppressionRule);
