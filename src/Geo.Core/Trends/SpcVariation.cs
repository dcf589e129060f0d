namespace Geo.Core.Trends;

/// <summary>The variation a point shows, in Making Data Count's terms (the colour of the dot and the variation icon).</summary>
public enum SpcVariation
{
    /// <summary>Common-cause variation: no special-cause rule is met.</summary>
    CommonCause,

    /// <summary>Special cause in the direction of improvement for the indicator's polarity.</summary>
    SpecialCauseImprovement,

    /// <summary>Special cause in the direction of concern for the indicator's polarity.</summary>
    SpecialCauseConcern,

    /// <summary>Special cause, higher, on an indicator with no polarity.</summary>
    SpecialCauseNeutralHigh,

    /// <summary>Special cause, lower, on an indicator with no polarity.</summary>
    SpecialCauseNeutralLow,
}
