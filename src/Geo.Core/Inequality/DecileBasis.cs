namespace Geo.Core.Inequality;

/// <summary>Which deprivation deciles an inequality profile's deciles and slope index use.</summary>
public enum DecileBasis
{
    /// <summary>The published national IMD deciles (England's neighbourhoods ranked together).</summary>
    National = 0,

    /// <summary>
    /// Deciles formed within the area: its own neighbourhoods ranked by IMD score and cut into ten groups of
    /// as nearly equal numbers of neighbourhoods as possible (<see cref="DeprivationQuantiles"/>).
    /// </summary>
    Local = 1,
}
