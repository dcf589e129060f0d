namespace Geo.Api.Apis;

/// <summary>The Fingertips recent-trend marker over the latest five published periods.</summary>
/// <param name="Direction">increasing, decreasing, no-significant-change or cannot-be-calculated.</param>
/// <param name="Reason">Why (Fingertips' recent trend reason), e.g. SignificantTrend, NotEnoughPoints; null for a score.</param>
/// <param name="Test">chi-squared-linear-trend (proportions) or weighted-regression (other value types); null for a score.</param>
/// <param name="ChiSquared">The statistic on 1 degree of freedom; significant above 9.5495 (99.8%).</param>
/// <param name="Gradient">Per year: of logit(p) for proportions, of the value otherwise.</param>
/// <param name="Periods">The periods the test used, oldest first.</param>
/// <param name="Words">The marker in words, with its test and periods.</param>
public sealed record TrendMarkerDto(
    string Direction,
    string? Reason,
    string? Test,
    double? ChiSquared,
    double? PValue,
    double? Gradient,
    IReadOnlyList<string> Periods,
    string Words);
