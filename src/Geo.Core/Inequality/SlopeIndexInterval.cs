using Geo.Core.Statistics;

namespace Geo.Core.Inequality;

/// <summary>Simulated confidence limits of the SII and RII at one level. Immutable value.</summary>
/// <param name="Level">The two-sided confidence level.</param>
/// <param name="Sii">Limits of the slope index (multiplier applied).</param>
/// <param name="Rii">Limits of the relative index (inverted when the multiplier is negative).</param>
public sealed record SlopeIndexInterval(ConfidenceLevel Level, ConfidenceInterval Sii, ConfidenceInterval Rii);
