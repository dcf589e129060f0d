namespace Geo.Core.Statistics;

/// <summary>Which direction of an indicator is good, so that a comparison can be called better or worse.</summary>
public enum Polarity
{
    /// <summary>Higher is worse (e.g. emergency admissions, mortality).</summary>
    HigherIsWorse,

    /// <summary>Higher is better (e.g. screening coverage).</summary>
    HigherIsBetter,

    /// <summary>Neither direction is better (e.g. a population share); differences are shown as higher/lower only.</summary>
    NoJudgement,
}
