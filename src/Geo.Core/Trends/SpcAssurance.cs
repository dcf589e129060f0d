namespace Geo.Core.Trends;

/// <summary>Whether the process will meet a target, in Making Data Count's terms (the assurance icon).</summary>
public enum SpcAssurance
{
    /// <summary>No target was given, or the indicator has no polarity.</summary>
    NotAssessed,

    /// <summary>The target lies outside the limits on the side the process will always pass.</summary>
    ConsistentlyPasses,

    /// <summary>The target lies outside the limits on the side the process will always fail.</summary>
    ConsistentlyFails,

    /// <summary>The target lies between the limits: the process will hit and miss it by chance ("inconsistent").</summary>
    Inconsistent,
}
