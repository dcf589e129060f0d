namespace Geo.Core.Trends;

/// <summary>
/// One point of a control chart with its limits and the special-cause rules it meets. Immutable and thread-safe.
/// For p- and u-charts the limits are this point's own (they depend on its denominator).
/// </summary>
/// <param name="Period">The period's label.</param>
/// <param name="Value">The value plotted (× the chart's multiplier for p- and u-charts).</param>
/// <param name="Centre">The centre line (the mean).</param>
/// <param name="LowerLimit">Lower control limit (3 sigma); p- and u-chart limits stop at 0, p-chart limits at 1 × multiplier.</param>
/// <param name="UpperLimit">Upper control limit (3 sigma).</param>
/// <param name="LowerNearLimit">The lower 2-sigma line, for the two-in-three rule.</param>
/// <param name="UpperNearLimit">The upper 2-sigma line.</param>
/// <param name="Rules">Every special-cause rule the point meets.</param>
/// <param name="Variation">What the point shows, read through the polarity with the rules in NHSRplotthedots' order of precedence.</param>
public sealed record SpcPoint(
    string Period,
    double Value,
    double Centre,
    double LowerLimit,
    double UpperLimit,
    double LowerNearLimit,
    double UpperNearLimit,
    SpcRule Rules,
    SpcVariation Variation);
