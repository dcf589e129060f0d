namespace Geo.Core.Statistics;

/// <summary>How a confidence interval was computed (the names used in OHID's technical guidance).</summary>
public enum IntervalMethod
{
    /// <summary>Exact Poisson limits from the chi-squared (gamma) distribution.</summary>
    Exact,

    /// <summary>Byar's approximation to the exact Poisson limits (Breslow and Day 1987).</summary>
    Byars,

    /// <summary>Wilson score interval for a proportion (Wilson 1927; Newcombe 1998).</summary>
    Wilson,

    /// <summary>Dobson's method for a weighted sum of Poisson counts, e.g. a DSR (Dobson et al. 1991).</summary>
    Dobson,

    /// <summary>Dobson's method with the variance widened for people counted more than once.</summary>
    DobsonNonIndependent,
}
