namespace Geo.Core.Indicators;

/// <summary>
/// An area on a funnel plot as a unit of an overdispersion estimate: its plotted value, the funnel's target and
/// the standard error of the value under the target at its size, with the range the value type allows
/// (limits are kept within it). Immutable value.
/// </summary>
public readonly record struct FunnelPoint(double Value, double Target, double StandardError, double Minimum, double Maximum);
