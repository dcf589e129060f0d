namespace Geo.Data.Indicators;

/// <summary>How a 2011 neighbourhood became 2021 ones, from the shape of the lookup (as the ONS change codes U, S, M, X).</summary>
internal enum Lsoa11Change
{
    /// <summary>One 2021 neighbourhood made of this 2011 one alone.</summary>
    Unchanged,

    /// <summary>Several 2021 neighbourhoods, each made of this 2011 one alone.</summary>
    Split,

    /// <summary>One 2021 neighbourhood made of this and other 2011 ones, all whole.</summary>
    Merged,

    /// <summary>Anything else: parts of several 2011 neighbourhoods make several 2021 ones.</summary>
    Complex,
}
