namespace Geo.Core.Inequality;

/// <summary>The local Moran's I cluster type of an area after false discovery rate control.</summary>
public enum MoranClass
{
    /// <summary>Not significant after Benjamini-Hochberg (or not defined, e.g. an island).</summary>
    NotSignificant = 0,

    /// <summary>High value among high neighbours (a cluster).</summary>
    HighHigh = 1,

    /// <summary>Low value among low neighbours (a cluster).</summary>
    LowLow = 2,

    /// <summary>High value among low neighbours (an outlier).</summary>
    HighLow = 3,

    /// <summary>Low value among high neighbours (an outlier).</summary>
    LowHigh = 4,
}
