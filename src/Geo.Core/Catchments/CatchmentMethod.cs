namespace Geo.Core.Catchments;

/// <summary>How neighbourhoods are given to providers' catchments (docs/methods.md, "Catchments").</summary>
public enum CatchmentMethod
{
    /// <summary>
    /// A neighbourhood belongs to every provider used by at least the threshold share (30% by default) of its
    /// residents who use any; a neighbourhood may be in several catchments or in none. Aggregates weight each
    /// member by its flow share.
    /// </summary>
    ProportionalFlow = 0,

    /// <summary>
    /// A neighbourhood belongs to the one provider used by most of its residents; ties go to the provider whose
    /// code sorts first. Catchments never overlap; members count whole.
    /// </summary>
    FirstPastThePost = 1,
}
