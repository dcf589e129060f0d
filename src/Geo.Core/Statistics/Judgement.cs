namespace Geo.Core.Statistics;

/// <summary>A <see cref="Comparison"/> read through an indicator's <see cref="Polarity"/>.</summary>
public enum Judgement
{
    /// <summary>No comparison was possible.</summary>
    NotCompared,

    /// <summary>Significantly worse than the benchmark.</summary>
    Worse,

    /// <summary>Not significantly different from the benchmark.</summary>
    Similar,

    /// <summary>Significantly better than the benchmark.</summary>
    Better,

    /// <summary>Significantly higher or lower, but the indicator has no polarity: show the <see cref="Comparison"/> itself.</summary>
    NotJudged,
}
