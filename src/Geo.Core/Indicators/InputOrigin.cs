namespace Geo.Core.Indicators;

/// <summary>
/// How a neighbourhood's input figures came to be keyed by its 2021 code, when not read as they are: mapped from 2011
/// neighbourhoods (by the change the ONS lookup records, as its codes U, S, M, X) or estimated by attributing providers'
/// figures through a flow table. Neighbourhoods read directly are absent from <see cref="IndicatorSource.Origins"/>.
/// Ordered from the least to the most reshaped, so that a neighbourhood fed by several 2011 codes takes the greatest.
/// </summary>
public enum InputOrigin
{
    /// <summary>Read under its own 2021 code.</summary>
    Direct = 0,

    /// <summary>Mapped from a 2011 neighbourhood with the same extent (change code U).</summary>
    Lsoa2011Unchanged = 1,

    /// <summary>A share of a 2011 neighbourhood split into several 2021 ones (S), shared by population.</summary>
    Lsoa2011Split = 2,

    /// <summary>The sum of 2011 neighbourhoods merged into this one (M).</summary>
    Lsoa2011Merged = 3,

    /// <summary>Parts of several 2011 neighbourhoods redrawn into several 2021 ones (X), shared by population.</summary>
    Lsoa2011Complex = 4,

    /// <summary>An estimate: providers' (GP practices') figures attributed to where their patients live.</summary>
    Attributed = 5,
}
