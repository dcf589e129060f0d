namespace Geo.Core.Trends;

/// <summary>One value of a series for an XmR chart (<see cref="ControlChart.XmR"/>). Immutable.</summary>
/// <param name="Period">The period's label.</param>
/// <param name="Value">The value plotted (a rate, proportion, count or any measure).</param>
public readonly record struct SpcObservation(string Period, double Value);
