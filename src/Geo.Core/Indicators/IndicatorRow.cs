using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Statistics;

namespace Geo.Core.Indicators;

/// <summary>
/// One area's figures for one indicator and period. The engine fills it from true counts;
/// <see cref="IndicatorView"/> hands out copies with suppressed fields emptied. Null means undefined
/// (no data, too few events for the method) or, once published, suppressed.
/// </summary>
public sealed record IndicatorRow
{
    public required Area Area { get; init; }

    public required string Period { get; init; }

    /// <summary>Numerator summed from the neighbourhoods (events); null for scores.</summary>
    public double? Count { get; init; }

    /// <summary>Denominator summed from the neighbourhoods: the population at risk (or weights for a score).</summary>
    public double? Denominator { get; init; }

    public double? Value { get; init; }

    public double? Lower95 { get; init; }

    public double? Upper95 { get; init; }

    public double? Lower998 { get; init; }

    public double? Upper998 { get; init; }

    public Comparison VsParent95 { get; init; }

    public Comparison VsParent998 { get; init; }

    public Comparison VsEngland95 { get; init; }

    public Comparison VsEngland998 { get; init; }

    /// <summary>The 95% comparison with the parent read by the indicator's polarity.</summary>
    public Judgement JudgementVsParent { get; init; }

    /// <summary>The 95% comparison with the dataset total (England) read by the indicator's polarity.</summary>
    public Judgement JudgementVsEngland { get; init; }

    /// <summary>1 for the highest value among the siblings shown; ties share a rank. Set on publishing.</summary>
    public int? Rank { get; init; }

    /// <summary>Events expected at England's (age-specific) rates for this area's population.</summary>
    public double? Expected { get; init; }

    /// <summary>Observed minus expected.</summary>
    public double? Excess { get; init; }

    /// <summary>This area's positive excess as a share of the positive excess of all its parent's children.</summary>
    public double? ExcessShare { get; init; }

    /// <summary>Funnel-plot control limits around England's value at this area's denominator, in the value's units.</summary>
    public ControlLimits? Funnel95 { get; init; }

    public ControlLimits? Funnel998 { get; init; }

    public FunnelPosition? FunnelPosition { get; init; }

    /// <summary>Share of the area's population living where the indicator has data (0–1).</summary>
    public double Coverage { get; init; }

    public SuppressionReason Suppression { get; init; }

    /// <summary>Why a figure is missing, in words, when it is.</summary>
    public string? Note { get; init; }
}
