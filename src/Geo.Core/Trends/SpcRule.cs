namespace Geo.Core.Trends;

/// <summary>
/// The special-cause rules a point of a control chart meets (Making Data Count; NHSRplotthedots). Flags:
/// a point may meet several.
/// </summary>
[Flags]
public enum SpcRule
{
    /// <summary>No rule: common-cause variation.</summary>
    None = 0,

    /// <summary>Above the upper control limit (3 sigma).</summary>
    AboveUpperLimit = 1,

    /// <summary>Below the lower control limit (3 sigma).</summary>
    BelowLowerLimit = 2,

    /// <summary>Part of a run of 7 (or the chosen length) or more consecutive points above the mean (a "shift").</summary>
    RunAboveMean = 4,

    /// <summary>Part of a run of 7 (or the chosen length) or more consecutive points below the mean.</summary>
    RunBelowMean = 8,

    /// <summary>Part of 7 (or the chosen length) or more consecutive points each higher than the one before.</summary>
    TrendIncreasing = 16,

    /// <summary>Part of 7 (or the chosen length) or more consecutive points each lower than the one before.</summary>
    TrendDecreasing = 32,

    /// <summary>Between the upper 2-sigma line and the upper limit, with another such point among three consecutive points all above the mean.</summary>
    TwoOfThreeHigh = 64,

    /// <summary>Between the lower limit and the lower 2-sigma line, with another such point among three consecutive points all below the mean.</summary>
    TwoOfThreeLow = 128,
}
