namespace Geo.Core.Statistics;

/// <summary>How an area's value compares with a benchmark, judged by its confidence interval.</summary>
public enum Comparison
{
    /// <summary>No comparison was possible (no value, no interval or no benchmark).</summary>
    NotCompared,

    /// <summary>The whole interval is below the benchmark.</summary>
    Lower,

    /// <summary>The interval contains (or touches) the benchmark.</summary>
    Similar,

    /// <summary>The whole interval is above the benchmark.</summary>
    Higher,
}
