using System.Collections.Concurrent;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Sources;

namespace Geo.Core.Indicators;

// Age-specific rates: each band's counts summed up the hierarchy and suppressed band by band, every area all or nothing
// (AgeSpecificView).
public sealed partial class IndicatorEngine
{
    private readonly ConcurrentDictionary<string, Lazy<AgeSpecificView>> _ageSpecific = new(StringComparer.Ordinal);

    /// <summary>Why the indicator has no age-specific rates, or null when it has: it needs age-specific counts of events
    /// (a crude rate, DSR or ISR read by age band).</summary>
    public string? NoAgeSpecificRates()
    {
        if (Definition.ValueType is IndicatorValueType.Score or IndicatorValueType.Proportion)
        {
            return $"Indicator '{Definition.Id}' is a {(Definition.ValueType == IndicatorValueType.Score ? "score" : "proportion")}: "
                + "age-specific rates are for counts of events (crude rates, DSRs and ISRs read by age band).";
        }

        return Bands.Count == 0
            ? $"Indicator '{Definition.Id}' has no age-specific counts: its file gives counts for all ages, so only its all-age value can be shown."
            : null;
    }

    /// <summary>The period's age-specific rates with suppression applied (<see cref="AgeSpecificView"/>); built once per
    /// period. Rates are per <see cref="IndicatorDefinition.Multiplier"/> for rates and per 100,000 for ISRs.</summary>
    /// <exception cref="InvalidOperationException">The indicator has none (<see cref="NoAgeSpecificRates"/> says why).</exception>
    public AgeSpecificView AgeSpecific(string period)
    {
        if (NoAgeSpecificRates() is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        CheckPeriod(period);
        return _ageSpecific.GetOrAdd(period, p => new Lazy<AgeSpecificView>(() => BuildAgeSpecific(p))).Value;
    }

    private AgeSpecificView BuildAgeSpecific(string period)
    {
        var (numerator, denominator, hasData) = Inputs(period);
        foreach (var i in _bottomUp)
        {
            hasData[_parent[i]] |= hasData[i];
        }

        SumUp(numerator);
        SumUp(denominator);

        // The totals' hidden areas, then each broad band's, all in one set.
        var hidden = new bool[_areas.Length];
        foreach (var row in Publish(period).Rows)
        {
            if (row.Suppression != SuppressionReason.None)
            {
                hidden[_index[row.Area.Code]] = true;
            }
        }

        var groups = BroadBands(numerator, hasData, hidden);
        var g = groups.Count;
        var (groupNumerator, groupDenominator) = (new double[_areas.Length * g], new double[_areas.Length * g]);
        for (var i = 0; i < _areas.Length; i++)
        {
            for (var k = 0; k < g; k++)
            {
                for (var b = groups[k].First; b <= groups[k].Last; b++)
                {
                    groupNumerator[(i * g) + k] += numerator[(i * _bands) + b];
                    groupDenominator[(i * g) + k] += denominator[(i * _bands) + b];
                }
            }
        }

        var linked = _apportioned.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase)
            .Select(l => (IReadOnlyList<string>)l.Select(p => p.Key).ToArray()).ToArray();
        var counts = new Dictionary<string, double>(_areas.Length, StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < g; k++)
        {
            counts.Clear();
            for (var i = 0; i < _areas.Length; i++)
            {
                if (hasData[i])
                {
                    counts[_areas[i].Code] = groupNumerator[(i * g) + k];
                }
            }

            foreach (var code in Suppressor.Apply(_geography, counts, Policy, linked).Hidden.Keys)
            {
                hidden[_index[code]] = true;
            }
        }

        var multiplier = Definition.ValueType == IndicatorValueType.IndirectlyStandardisedRatio ? 100_000 : Definition.Multiplier;
        var bands = groups.Select(r => new AgeBand(Bands[r.First].From, Bands[r.Last].To)).ToArray();
        return new AgeSpecificView(bands, _index, groupNumerator, groupDenominator, hasData, hidden, multiplier);
    }

    /// <summary>
    /// The broad bands age-specific rates are published in, the same for every area: neighbouring bands are merged, the band
    /// with the most small counts first (with its neighbour of the smaller country count), until no area above the
    /// neighbourhood with a shown total has a small count in any broad band, or one band is left. A small band would
    /// otherwise withhold every band of its area; the merging depends only on which counts are small, and one set of
    /// bands for all areas is what keeps the withholding safe (<see cref="AgeSpecificView"/>).
    /// </summary>
    private List<(int First, int Last)> BroadBands(double[] numerator, bool[] hasData, bool[] hidden)
    {
        var groups = Enumerable.Range(0, _bands).Select(b => (First: b, Last: b)).ToList();
        double Count(int area, (int First, int Last) group)
        {
            var sum = 0.0;
            for (var b = group.First; b <= group.Last; b++)
            {
                sum += numerator[(area * _bands) + b];
            }

            return sum;
        }

        var judged = Enumerable.Range(0, _areas.Length)
            .Where(i => hasData[i] && !hidden[i] && _areas[i].Level < Geography.Level.Neighbourhood).ToArray();
        while (groups.Count > 1)
        {
            var small = groups.Select(group => judged.Count(i => Policy.IsPrimary(Count(i, group)))).ToArray();
            var worst = Array.IndexOf(small, small.Max());
            if (small[worst] == 0)
            {
                break;
            }

            var neighbour = worst == 0 ? 1
                : worst == groups.Count - 1 ? worst - 1
                : Count(_root, groups[worst - 1]) <= Count(_root, groups[worst + 1]) ? worst - 1 : worst + 1;
            var (a, b) = (Math.Min(worst, neighbour), Math.Max(worst, neighbour));
            groups[a] = (groups[a].First, groups[b].Last);
            groups.RemoveAt(b);
        }

        return groups;
    }
}
