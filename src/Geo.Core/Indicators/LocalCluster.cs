namespace Geo.Core.Indicators;

/// <summary>One neighbourhood's Gi* or local Moran result (<see cref="Hotspots.Classify"/>). Immutable.</summary>
/// <param name="Row">The neighbourhood's published row.</param>
/// <param name="Class">What the statistic says of it after false discovery rate control.</param>
/// <param name="Z">The z-score; NaN when undefined.</param>
/// <param name="P">Two-sided p-value; 1 when z is undefined.</param>
/// <param name="Q">Benjamini-Hochberg adjusted p-value over the area's neighbourhoods.</param>
public sealed record LocalCluster(IndicatorRow Row, LocalClusterClass Class, double Z, double P, double Q);
