namespace Geo.Core.Trends;

/// <summary>
/// A statistical process control chart of one series, from <see cref="ControlChart"/>. Immutable and
/// thread-safe.
/// </summary>
/// <param name="ChartType">XmR, p, u, p′ or u′.</param>
/// <param name="Centre">The centre line: the mean of the values (XmR) or the pooled proportion or rate (p, u), × multiplier.</param>
/// <param name="MeanMovingRange">XmR: the mean moving range behind the limits (after any screening); p′ and u′: the mean moving
/// range of the points' z-scores (σ_z = it / 1.128); NaN for p- and u-charts.</param>
/// <param name="Points">The points in time order.</param>
/// <param name="Variation">The variation of the most recent point: Making Data Count's variation icon.</param>
/// <param name="Assurance">Whether the target will be met, from the most recent point's limits: the assurance icon.</param>
public sealed record SpcChart(
    SpcChartType ChartType,
    double Centre,
    double MeanMovingRange,
    IReadOnlyList<SpcPoint> Points,
    SpcVariation Variation,
    SpcAssurance Assurance);
