namespace Geo.Api.Apis;

/// <summary>One point of a control chart with its limits and the special-cause rules it meets.</summary>
/// <param name="Value">The value plotted (for a u-chart of a ratio, observed / expected × the multiplier).</param>
/// <param name="LowerLimit">3-sigma lower control limit (its own for p- and u-charts).</param>
/// <param name="LowerNear">The lower 2-sigma line (for "2 of 3 near a limit").</param>
/// <param name="Rules">The rules' short names: above-upper-limit, below-lower-limit, run-above-mean, run-below-mean,
/// trend-increasing, trend-decreasing, two-of-three-high, two-of-three-low.</param>
/// <param name="Explanation">The same rules in words, e.g. "part of a run of 7 or more above the mean".</param>
/// <param name="Variation">common-cause, improvement, concern (by the indicator's polarity), neutral-high or neutral-low.</param>
public sealed record SpcPointDto(
    string Period,
    double Value,
    double Centre,
    double LowerLimit,
    double UpperLimit,
    double LowerNear,
    double UpperNear,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Explanation,
    string Variation);
