namespace Geo.Core.Indicators;

/// <summary>How an indicator's value is computed from its summed counts (names as analysts use them).</summary>
public enum IndicatorValueType
{
    /// <summary>Numerator / denominator × multiplier; exact Poisson limits below 10 events, Byar's from 10.</summary>
    CrudeRate,

    /// <summary>Numerator / denominator (× multiplier for a percentage); Wilson score limits.</summary>
    Proportion,

    /// <summary>Directly age-standardised rate on the 2013 European Standard Population; Dobson limits.</summary>
    DirectlyStandardisedRate,

    /// <summary>Observed / expected from the dataset's age-specific rates (× multiplier, e.g. 100); Poisson limits of the observed count.</summary>
    IndirectlyStandardisedRatio,

    /// <summary>A score or index (e.g. IMD score): population-weighted mean, no interval.</summary>
    Score,
}
