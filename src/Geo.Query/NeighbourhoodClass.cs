using Geo.Core.Indicators;

namespace Geo.Query;

/// <summary>One neighbourhood's Gi* or local Moran class as it may be shown. Immutable.</summary>
/// <param name="Class">The class; null when the neighbourhood's count is suppressed (its class would tell it).</param>
/// <param name="Z">z, p and q (the FDR-adjusted p): null when withheld (any neighbourhood of the area suppressed) or undefined.</param>
public sealed record NeighbourhoodClass(IndicatorRow Row, LocalClusterClass? Class, double? Z, double? P, double? Q);
