using Geo.Core.Sources;
using Geo.Core.Statistics;

namespace Geo.Core.Indicators.ValueTypes;

/// <summary>
/// Directly age-standardised rate on the 2013 European Standard Population (merged to the engine's bands), with
/// Dobson's limits, not calculated below 10 events; on a funnel, placed by its O/E ratio scaled by England's DSR.
/// Immutable and thread-safe.
/// </summary>
internal sealed class DirectlyStandardisedRateMethod : ValueTypeMethod
{
    private const string NoDsrBelowTen = "DSR not calculated: fewer than 10 events (OHID does not publish DSRs below 10 events)";

    private readonly IReadOnlyList<AgeBand> _bands;
    private readonly double[] _standard;

    /// <param name="bands">The engine's common age bands (not empty), each a union of whole ESP2013 bands.</param>
    public DirectlyStandardisedRateMethod(IndicatorDefinition definition, IReadOnlyList<AgeBand> bands)
        : base(definition)
    {
        _bands = bands;
        _standard = EuropeanStandardPopulation.For(bands);
    }

    public override double[]? Standard => _standard;

    public override string Describe() =>
        $"Directly age-standardised rate{Per} on the 2013 European Standard Population over {_bands.Count} bands ({string.Join(", ", _bands)}; ESP2013 bands merged where the data or population are coarser); 95% and 99.8% limits by Dobson's method; not calculated below 10 events.";

    public override ValueFigures Calculate(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, ReadOnlySpan<double> reference)
    {
        var o = Sum(numerator);
        var n = Sum(denominator);
        var expected = Expected(denominator, reference);
        if (o < DirectlyStandardisedRate.MinimumTotalCount)
        {
            return ValueFigures.Missing(o, n, expected, NoDsrBelowTen);
        }

        var counts = numerator.ToArray();
        var populations = denominator.ToArray();
        for (var b = 0; b < populations.Length; b++)
        {
            if (populations[b] <= 0)
            {
                if (counts[b] > 0)
                {
                    return ValueFigures.Missing(o, n, expected, $"{counts[b]:N0} events in age band {_bands[b]}, which has no population");
                }

                // A band with neither people nor events adds nothing to a DSR or its variance; any
                // positive population gives it rate 0 without dividing by zero.
                populations[b] = 1;
            }
        }

        var multiplier = Definition.Multiplier;
        var r95 = DirectlyStandardisedRate.Calculate(counts, populations, _standard, multiplier, ConfidenceLevel.Percent95);
        if (r95.Estimate is not { } e95)
        {
            return ValueFigures.Missing(o, n, expected, r95.Reason);
        }

        var e998 = DirectlyStandardisedRate.Calculate(counts, populations, _standard, multiplier, ConfidenceLevel.Percent99Point8).Estimate!;
        return new ValueFigures(o, n, expected, e95.Value, e95.Lower, e95.Upper, e998.Lower, e998.Upper, null);
    }

    public override FunnelFigures? Funnel(double observed, double denominator, double expected, double benchmark) =>
        RatioFunnel(observed, expected, benchmark);

    public override FunnelPoint? Point(double observed, double denominator, double expected, double benchmark) =>
        RatioPoint(observed, expected, benchmark);
}
