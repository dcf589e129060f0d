namespace Geo.Core.Statistics;

/// <summary>Lower and upper confidence limits, in the units of the statistic. Immutable value.</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    /// <summary>The interval with both limits multiplied by <paramref name="factor"/> (e.g. divided by a denominator).</summary>
    public ConfidenceInterval Scale(double factor) => new(Lower * factor, Upper * factor);

    /// <summary>Whether <paramref name="value"/> lies within the limits, inclusive.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
