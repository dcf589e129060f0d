namespace Geo.Core.Indicators;

/// <summary>How <see cref="Hotspots"/> ranks neighbourhoods.</summary>
public enum HotspotOrder
{
    /// <summary>Highest value first (only areas with a value: DSRs need 10 events).</summary>
    Rate,

    /// <summary>Most excess events (observed minus expected at England's rates) first.</summary>
    Excess,

    /// <summary>Areas above the 99.8% funnel limit, then above the 95% limit, each by excess.</summary>
    Funnel,

    /// <summary>Getis-Ord Gi* hot spots (Benjamini-Hochberg FDR 0.05) of the smoothed rates, by z descending.</summary>
    GiStar,

    /// <summary>Local Moran high-high clusters (Benjamini-Hochberg FDR 0.05) of the smoothed rates, by z descending.</summary>
    Moran,
}
