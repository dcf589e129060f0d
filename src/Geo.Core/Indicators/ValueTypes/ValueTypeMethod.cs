using System.Collections.Concurrent;
using Geo.Core.Sources;
using Geo.Core.Statistics;

namespace Geo.Core.Indicators.ValueTypes;

/// <summary>
/// How one value type (docs/methods.md) turns an area's summed counts into its value, 95% and 99.8% limits and
/// expected events, places it on a funnel plot around England, and describes itself for export metadata. An
/// <see cref="IndicatorEngine"/> chooses one with <see cref="For"/> when it is built and never asks the value type
/// again. Implementations are immutable and thread-safe; spans passed in are read, never kept.
/// </summary>
internal abstract class ValueTypeMethod
{
    // Exact limits need an inverse incomplete gamma; counts below 10 are nearly always whole numbers,
    // so those are computed once per count and confidence level.
    private static readonly ConcurrentDictionary<(double, double), (double, double)> PoissonCache = new();

    protected ValueTypeMethod(IndicatorDefinition definition) => Definition = definition;

    public IndicatorDefinition Definition { get; }

    /// <summary>
    /// True when a record's numerator is a value to average with its denominator (or the population) as weight,
    /// rather than a count to sum; such a value type never falls back to the population as its denominator.
    /// </summary>
    public virtual bool IsWeightedMean => false;

    /// <summary>The standard population of each band for a directly standardised rate; null otherwise.</summary>
    public virtual double[]? Standard => null;

    /// <summary>True for the age-standardised value types, which need age bands in the data and the population.</summary>
    public static bool NeedsAgeBands(IndicatorValueType type) =>
        type is IndicatorValueType.DirectlyStandardisedRate or IndicatorValueType.IndirectlyStandardisedRatio;

    /// <summary>The error of an age-standardised indicator without age bands.</summary>
    public static ArgumentException NoAgeBands(IndicatorDefinition definition, string paramName) =>
        new($"Indicator {definition.Id} is age-standardised, so it needs age bands in its data and in the dataset's population.", paramName);

    /// <summary>
    /// The method of <paramref name="definition"/>'s value type over <paramref name="bands"/> (the engine's common
    /// age bands, empty without them). With <see cref="NeedsAgeBands"/>, the only place that reads
    /// <see cref="IndicatorDefinition.ValueType"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An age-standardised value type without age bands.</exception>
    public static ValueTypeMethod For(IndicatorDefinition definition, IReadOnlyList<AgeBand> bands)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(bands);
        if (NeedsAgeBands(definition.ValueType) && bands.Count == 0)
        {
            throw NoAgeBands(definition, nameof(bands));
        }

        return definition.ValueType switch
        {
            IndicatorValueType.CrudeRate => new CrudeRateMethod(definition),
            IndicatorValueType.Proportion => new ProportionMethod(definition),
            IndicatorValueType.DirectlyStandardisedRate => new DirectlyStandardisedRateMethod(definition, bands),
            IndicatorValueType.IndirectlyStandardisedRatio => new IndirectlyStandardisedRatioMethod(definition, bands),
            IndicatorValueType.Score => new ScoreMethod(definition),
            _ => throw new ArgumentException($"Unknown value type {definition.ValueType}.", nameof(definition)),
        };
    }

    /// <summary>How the value and its limits are computed, in a sentence or two for export metadata.</summary>
    public abstract string Describe();

    /// <summary>
    /// An area's figures from its numerators and denominators by band (summed, never averaged) and the reference
    /// rate of each band (the dataset total's), before any comparison.
    /// </summary>
    public abstract ValueFigures Calculate(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, ReadOnlySpan<double> reference);

    /// <summary>
    /// Control limits around England's value (<paramref name="benchmark"/>, positive) at this area's size, in the
    /// value's units, and where the area is plotted against them; null where the value type has no funnel.
    /// <paramref name="denominator"/> and <paramref name="expected"/> are positive.
    /// </summary>
    public abstract FunnelFigures? Funnel(double observed, double denominator, double expected, double benchmark);

    /// <summary>
    /// The area as a unit of an overdispersion estimate: its plotted value, the funnel's target and the standard error
    /// of the value under the target at this size (normal approximation); null where the value type has no funnel.
    /// </summary>
    public virtual FunnelPoint? Point(double observed, double denominator, double expected, double benchmark) => null;

    /// <summary>"per 100,000" for a multiplier other than 1 (with a leading space), else nothing.</summary>
    protected string Per => Definition.Multiplier == 1 ? "" : $" per {Definition.Multiplier:N0}";

    protected static double Sum(ReadOnlySpan<double> values)
    {
        var total = 0.0;
        foreach (var v in values)
        {
            total += v;
        }

        return total;
    }

    /// <summary>Expected events at the reference (dataset total's) rate of each band.</summary>
    protected static double Expected(ReadOnlySpan<double> denominator, ReadOnlySpan<double> reference)
    {
        var expected = 0.0;
        for (var b = 0; b < denominator.Length; b++)
        {
            expected += denominator[b] * reference[b];
        }

        return expected;
    }

    /// <summary>A count's Poisson limits at both levels (exact below 10, Byar's from 10), all scaled (to a rate,
    /// or a ratio of expected).</summary>
    protected static ValueFigures PoissonScaled(double observed, double denominator, double expected, double scale)
    {
        var (l95, u95) = Poisson(observed, ConfidenceLevel.Percent95);
        var (l998, u998) = Poisson(observed, ConfidenceLevel.Percent99Point8);
        return new ValueFigures(observed, denominator, expected, observed * scale, l95 * scale, u95 * scale, l998 * scale, u998 * scale, null);
    }

    /// <summary>Limits of O/E around 1 from the Poisson distribution of the expected count, in the value's units
    /// (<paramref name="scale"/> is the value of O/E = 1).</summary>
    protected static FunnelFigures RatioFunnel(double observed, double expected, double scale)
    {
        var r95 = RatioFunnelTable.For(ConfidenceLevel.Percent95).Calculate(expected);
        var r998 = RatioFunnelTable.For(ConfidenceLevel.Percent99Point8).Calculate(expected);
        return new FunnelFigures(
            new ControlLimits(r95.Lower * scale, r95.Upper * scale),
            new ControlLimits(r998.Lower * scale, r998.Upper * scale),
            observed / expected * scale);
    }

    /// <summary>O/E × scale around scale, with the Poisson standard error scale/√E.</summary>
    protected static FunnelPoint RatioPoint(double observed, double expected, double scale) =>
        new(observed / expected * scale, scale, scale / Math.Sqrt(expected), 0, double.PositiveInfinity);

    private static (double Lower, double Upper) Poisson(double observed, ConfidenceLevel level)
    {
        if (observed < PoissonInterval.ExactBelow && observed == Math.Floor(observed))
        {
            return PoissonCache.GetOrAdd((observed, level.Level), _ =>
            {
                var e = PoissonInterval.Calculate(observed, level);
                return (e.Lower, e.Upper);
            });
        }

        var estimate = PoissonInterval.Calculate(observed, level);
        return (estimate.Lower, estimate.Upper);
    }
}
