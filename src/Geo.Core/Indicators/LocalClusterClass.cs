namespace Geo.Core.Indicators;

/// <summary>The class of a neighbourhood under Gi* (hot or cold spot) or local Moran (clusters and outliers).</summary>
public enum LocalClusterClass
{
    /// <summary>Not significant after Benjamini-Hochberg (or undefined).</summary>
    NotSignificant = 0,

    /// <summary>Gi*: significant, z &gt; 0.</summary>
    HotSpot,

    /// <summary>Gi*: significant, z &lt; 0.</summary>
    ColdSpot,

    /// <summary>Moran: high among high neighbours.</summary>
    HighHigh,

    /// <summary>Moran: low among low neighbours.</summary>
    LowLow,

    /// <summary>Moran: high among low neighbours (an outlier).</summary>
    HighLow,

    /// <summary>Moran: low among high neighbours (an outlier).</summary>
    LowHigh,
}
