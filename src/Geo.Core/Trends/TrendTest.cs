namespace Geo.Core.Trends;

/// <summary>Which of Fingertips' two recent-trend tests produced a <see cref="RecentTrendResult"/>.</summary>
public enum TrendTest
{
    /// <summary>Proportions: chi-squared test for linear trend (Cochran–Armitage) on counts and denominators; direction from the slope of logit(p).</summary>
    ChiSquaredForLinearTrend,

    /// <summary>Every other value type: weighted least squares on the values, weights 1/SE² from their 95% limits.</summary>
    WeightedRegression,
}
