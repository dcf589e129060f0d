using System.Collections.Concurrent;
using Geo.Core.Geography;
using Geo.Core.Statistics;

namespace Geo.Core.Indicators;

// Groups of neighbourhoods the hierarchy does not hold (deprivation deciles, catchments): their band
// sums, and a group's row computed by the same statistics and comparisons as an area's.
public sealed partial class IndicatorEngine
{
    private readonly ConcurrentDictionary<string, Lazy<GroupInputs>> _groupInputs = new(StringComparer.Ordinal);

    /// <summary>
    /// The true age-specific numerators and denominators of the period's data, on <see cref="Bands"/>, for
    /// sums over groups of neighbourhoods (deprivation deciles, say). Not for publication: a caller shows only
    /// what it derives under <see cref="Policy"/>.
    /// </summary>
    public IndicatorBandSums BandSums(string period)
    {
        CheckPeriod(period);
        var inputs = GroupInputsOf(period);
        return new IndicatorBandSums(_index, _bands, inputs.Numerator, inputs.Denominator, _method.Standard);
    }

    /// <summary>
    /// The true figures of a group of neighbourhoods that the hierarchy does not hold (a provider's catchment, say):
    /// each member's numerators and denominators (band by band) are counted with its weight (1 for a whole
    /// neighbourhood, a share for part of one) and summed, then the value, its 95% and 99.8% limits, the comparison
    /// with England, expected events, excess and funnel limits are computed from the sums exactly as for an area of
    /// the hierarchy. The group has no parent, so no comparison with one, excess share or rank. Codes that are not
    /// the dataset's neighbourhoods, and weights of 0, add nothing. Not for publication as it stands: the caller
    /// applies <see cref="Policy"/>. Thread-safe; the period's inputs are indexed once and kept.
    /// </summary>
    /// <exception cref="ArgumentException">The period is not the indicator's, or a weight is negative or not a number.</exception>
    public IndicatorRow ComputeGroup(string period, Area area, IEnumerable<(string Code, double Weight)> members)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(members);
        CheckPeriod(period);
        var inputs = GroupInputsOf(period);
        var numerator = new double[_bands];
        var denominator = new double[_bands];
        double people = 0, covered = 0;
        var hasData = false;
        foreach (var (code, weight) in members)
        {
            if (!(weight >= 0) || !double.IsFinite(weight))
            {
                throw new ArgumentException($"The weight of {code} is {weight}; weights must be 0 or more.", nameof(members));
            }

            if (weight == 0 || !_index.TryGetValue(code, out var i) || _areas[i].Level != Level.Neighbourhood)
            {
                continue;
            }

            var population = Population(i, -1) * weight;
            people += population;
            if (!inputs.HasData[i])
            {
                continue;
            }

            hasData = true;
            covered += population;
            for (var b = 0; b < _bands; b++)
            {
                numerator[b] += weight * inputs.Numerator[(i * _bands) + b];
                denominator[b] += weight * inputs.Denominator[(i * _bands) + b];
            }
        }

        var coverage = people > 0 ? Math.Min(1, covered / people) : 0;
        var row = Row(area, period, numerator, denominator, hasData, coverage, inputs.Reference);
        if (row.Value is null && row.Expected is null)
        {
            return row;
        }

        var england = Compute(period)[_root];
        var vsEngland95 = Compare(row, england.Value, ConfidenceLevel.Percent95);
        var (f95, f998, position) = Funnel(row, england);
        return row with
        {
            VsEngland95 = vsEngland95,
            VsEngland998 = Compare(row, england.Value, ConfidenceLevel.Percent99Point8),
            JudgementVsEngland = Significance.Judge(vsEngland95, Definition.Polarity),
            Excess = row is { Count: { } o, Expected: { } e } ? o - e : null,
            Funnel95 = f95,
            Funnel998 = f998,
            FunnelPosition = position,
        };
    }

    private GroupInputs GroupInputsOf(string period) =>
        _groupInputs.GetOrAdd(period, p => new Lazy<GroupInputs>(() => GroupInputsFor(p))).Value;

    /// <summary>A period's inputs in their cells (neighbourhoods, or places for place data) and England's rate by band.</summary>
    private GroupInputs GroupInputsFor(string period)
    {
        var (numerator, denominator, hasData) = Inputs(period);
        var totalNumerator = new double[_bands];
        var totalDenominator = new double[_bands];
        for (var i = 0; i < _areas.Length; i++)
        {
            for (var b = 0; b < _bands; b++)
            {
                totalNumerator[b] += numerator[(i * _bands) + b];
                totalDenominator[b] += denominator[(i * _bands) + b];
            }
        }

        var reference = new double[_bands];
        for (var b = 0; b < _bands; b++)
        {
            reference[b] = totalDenominator[b] > 0 ? totalNumerator[b] / totalDenominator[b] : 0;
        }

        return new GroupInputs(numerator, denominator, hasData, reference);
    }

    private sealed record GroupInputs(double[] Numerator, double[] Denominator, bool[] HasData, double[] Reference);
}
