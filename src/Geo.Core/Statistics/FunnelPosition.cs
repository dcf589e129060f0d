namespace Geo.Core.Statistics;

/// <summary>
/// Where a value lies against a funnel plot's 95% (2 s.d., "0.025") and 99.8% (3 s.d., "0.001")
/// control limits. OHID labels in brackets.
/// </summary>
public enum FunnelPosition
{
    /// <summary>Between the 95% limits ("Not significant"): common-cause variation.</summary>
    WithinLimits,

    /// <summary>Above the 95% limit but not the 99.8% one ("High (0.025)").</summary>
    Above95,

    /// <summary>Above the 99.8% limit ("High (0.001)"): special-cause variation.</summary>
    Above998,

    /// <summary>Below the 95% limit but not the 99.8% one ("Low (0.025)").</summary>
    Below95,

    /// <summary>Below the 99.8% limit ("Low (0.001)"): special-cause variation.</summary>
    Below998,
}
