namespace Geo.Core.Trends;

/// <summary>Why a <see cref="RecentTrendResult"/> has its <see cref="TrendDirection"/> (Fingertips' "recent trend reason").</summary>
public enum TrendReason
{
    /// <summary>Fewer than five periods.</summary>
    NotEnoughPoints,

    /// <summary>A count, denominator, value or confidence limit of one of the five periods is missing or not usable.</summary>
    MissingValues,

    /// <summary>A proportion of 0 or 1 among the five: its logit, which gives the direction, is infinite.</summary>
    ProportionAtZeroOrOne,

    /// <summary>The chi-squared statistic is not above the 99.8% critical value.</summary>
    NoSignificantTrend,

    /// <summary>Significant, but leaving one of the five points out reverses the gradient's sign.</summary>
    OutlierFound,

    /// <summary>Significant, and no single point decides the direction.</summary>
    SignificantTrend,
}
