using Geo.Core.Statistics;

namespace Geo.Core.Indicators.ValueTypes;

/// <summary>An area's funnel-plot control limits (95% and 99.8%) and the position it is plotted at, all in the
/// value's units. Immutable value.</summary>
internal readonly record struct FunnelFigures(ControlLimits Limits95, ControlLimits Limits998, double Position);
