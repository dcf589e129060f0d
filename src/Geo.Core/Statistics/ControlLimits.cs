namespace Geo.Core.Statistics;

/// <summary>
/// Funnel-plot control limits around a benchmark for one denominator, in the units of the plotted
/// statistic. Unlike a <see cref="ConfidenceInterval"/> they belong to the benchmark, not to an area.
/// Immutable value.
/// </summary>
public readonly record struct ControlLimits(double Lower, double Upper);
