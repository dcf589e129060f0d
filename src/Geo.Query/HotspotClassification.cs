using Geo.Core.Indicators;

namespace Geo.Query;

/// <summary>Every classified neighbourhood of an area by code, with the statistic in words and why z, p and q are
/// withheld when they are. Immutable.</summary>
public sealed record HotspotClassification(
    PublishedIndicator Indicator,
    IndicatorRow Area,
    HotspotOrder By,
    string Method,
    IReadOnlyList<NeighbourhoodClass> Neighbourhoods,
    string? Note,
    string Selection);
