namespace Geo.Api.Apis;

/// <summary>One period of an area's trend as published: null figures are suppressed or undefined.</summary>
/// <param name="Time">The period's year (2021 for 2021/22), or its position when labels do not start with years.</param>
/// <param name="Suppressed">primary or secondary when the period's figures are hidden; null when shown.</param>
/// <param name="InTrendTest">The recent-trend test used this period.</param>
/// <param name="OnChart">The control chart has this period.</param>
public sealed record TrendPointDto(
    string Period,
    double Time,
    double? Count,
    double? Denominator,
    double? Value,
    double? Lower95,
    double? Upper95,
    string? Suppressed,
    bool InTrendTest,
    bool OnChart);
