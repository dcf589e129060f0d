using Geo.Core.Statistics;

namespace Geo.Core.Trends;

/// <summary>
/// Options of a control chart. Immutable and thread-safe; <see cref="Default"/> follows the Making Data Count
/// Excel tools.
/// </summary>
/// <param name="Polarity">Which direction is improvement; <see cref="Polarity.NoJudgement"/> gives neutral special causes.</param>
/// <param name="Target">A target in the units of the plotted values, for the assurance; null for none.</param>
/// <param name="RunLength">How many consecutive points on one side of the mean make a shift (7; the Excel tool also allows 6).</param>
/// <param name="TrendLength">How many consecutive points each rising (or each falling) make a trend (7 points, six rises; the Excel tool also allows 6).</param>
/// <param name="ScreenMovingRanges">XmR only: leave moving ranges of 3.267 × the mean moving range or more out of the limits
/// (Nelson 1982; the NHSRplotthedots default). False, as in the Making Data Count Excel tools.</param>
public sealed record SpcOptions(
    Polarity Polarity = Polarity.NoJudgement,
    double? Target = null,
    int RunLength = 7,
    int TrendLength = 7,
    bool ScreenMovingRanges = false)
{
    /// <summary>No polarity, no target, runs and trends of 7, no screening.</summary>
    public static SpcOptions Default { get; } = new();
}
