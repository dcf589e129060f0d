namespace Geo.Core.Inequality;

/// <summary>What Getis-Ord Gi* says of an area after false discovery rate control.</summary>
public enum HotspotClass
{
    /// <summary>Not significant after Benjamini-Hochberg (or not defined).</summary>
    NotSignificant = 0,

    /// <summary>Significant with z &gt; 0: the area and its neighbours are high together.</summary>
    HotSpot = 1,

    /// <summary>Significant with z &lt; 0: the area and its neighbours are low together.</summary>
    ColdSpot = 2,
}
