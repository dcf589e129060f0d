namespace Geo.Core.Trends;

/// <summary>The recent-trend marker as OHID Fingertips shows it.</summary>
public enum TrendDirection
{
    /// <summary>The test could not be run (fewer than five points, a missing figure, a proportion of 0 or 1).</summary>
    CannotBeCalculated,

    /// <summary>No significant change: the trend is not significant at 99.8%, or one point reverses its direction.</summary>
    NoSignificantChange,

    /// <summary>Increasing significantly.</summary>
    Increasing,

    /// <summary>Decreasing significantly.</summary>
    Decreasing,
}
