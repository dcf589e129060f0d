namespace Geo.Core.Inequality;

/// <summary>
/// The kind of value an inequality statistic is given, which decides the scale on which its
/// sampling error is taken to be normal (PHEindicatormethods' <c>value_type</c>: 0, 1, 2).
/// </summary>
public enum IndicatorScale
{
    /// <summary>Any value with symmetric limits (e.g. life expectancy): normal on its own scale.</summary>
    Normal = 0,

    /// <summary>A rate: normal on the log scale, so the standard error is of ln(rate).</summary>
    Rate = 1,

    /// <summary>A proportion between 0 and 1: normal on the logit scale, so the standard error is of ln(p/(1−p)).</summary>
    Proportion = 2,
}
