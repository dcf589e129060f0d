namespace Geo.Core.Trends;

/// <summary>The kind of statistical process control chart.</summary>
public enum SpcChartType
{
    /// <summary>Individuals chart: limits from the mean moving range (the Making Data Count default).</summary>
    XmR,

    /// <summary>p-chart for proportions: binomial limits from each period's denominator.</summary>
    P,

    /// <summary>u-chart for rates: Poisson limits from each period's denominator.</summary>
    U,

    /// <summary>Laney's p′-chart: the p-chart's limits widened by the spread of the points' z-scores beyond the binomial's (σ_z).</summary>
    PPrime,

    /// <summary>Laney's u′-chart: the u-chart's limits widened by the spread of the points' z-scores beyond the Poisson's (σ_z).</summary>
    UPrime,
}
