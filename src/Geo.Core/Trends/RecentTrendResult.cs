namespace Geo.Core.Trends;

/// <summary>
/// A recent-trend marker with the figures behind it, from <see cref="RecentTrend"/>. Immutable and thread-safe.
/// </summary>
/// <param name="Direction">The marker.</param>
/// <param name="Reason">Why the marker is what it is.</param>
/// <param name="Test">Which test was applied.</param>
/// <param name="ChiSquared">The chi-squared statistic (1 degree of freedom); NaN when the test could not be run.</param>
/// <param name="PValue">Its two-sided p-value, P(χ²₁ &gt; statistic); NaN when the test could not be run.</param>
/// <param name="Gradient">The gradient per unit of time: of logit(p) for proportions, of the value itself otherwise (in the value's own units); NaN when not calculated.</param>
/// <param name="Periods">The periods the test used, oldest first (the most recent five; empty when there were fewer).</param>
public sealed record RecentTrendResult(
    TrendDirection Direction,
    TrendReason Reason,
    TrendTest Test,
    double ChiSquared,
    double PValue,
    double Gradient,
    IReadOnlyList<string> Periods);
