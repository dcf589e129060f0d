using Geo.Core.Indicators;
using Geo.Core.Sources;

namespace Geo.Data.Indicators;

/// <summary>
/// Shares the figures of a district split between systems among its partial places, by population
/// (docs/methods.md, "District data on partial places"). A part p of district d gets, in each age band b,
/// count × Pₚ,b / Σₖ Pₖ,b and denominator × Pₚ,b / Σₖ Pₖ,b, where Pₚ,b is the 2021 population of p's neighbourhoods in
/// the population bands overlapping b (all ages for all-age records); so each part's rate is the district's, band by
/// band, and the parts add up to the district. A score is not shared: each part takes the district's score (and a share
/// of its weight, when the file gives one). Without population in a band the all-age shares are used; without any, equal
/// shares. Stateless.
/// </summary>
internal static class DistrictApportionment
{
    private const int Listed = 12;

    /// <summary>The records with every split district's records replaced by one record per part; a note names the
    /// districts apportioned and their parts' all-age shares.</summary>
    public static List<IndicatorRecord> Apportion(IReadOnlyList<IndicatorRecord> records, IReadOnlyList<AgeBand> bands,
        IndicatorReadContext context, bool isScore, List<string> notes)
    {
        var result = new List<IndicatorRecord>(records.Count);
        var shares = new Dictionary<(string District, int Band), double[]>();
        var districts = new SortedDictionary<string, IReadOnlyList<DistrictPart>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!context.SplitDistricts.TryGetValue(record.Area, out var parts))
            {
                result.Add(record);
                continue;
            }

            districts.TryAdd(record.Area, parts);
            var key = (record.Area.ToUpperInvariant(), record.Band);
            if (!shares.TryGetValue(key, out var share))
            {
                share = Shares(parts, record.Band >= 0 ? bands[record.Band] : null, context);
                shares.Add(key, share);
            }

            for (var k = 0; k < parts.Count; k++)
            {
                result.Add(new IndicatorRecord(parts[k].Code, record.Period, record.Band,
                    isScore ? record.Numerator : record.Numerator * share[k], record.Denominator * share[k], record.Line));
            }
        }

        if (districts.Count > 0)
        {
            var partCount = districts.Values.Sum(p => p.Count);
            var how = isScore
                ? "each part takes the district's score"
                : "counts and denominators are shared in proportion to the 2021 population of each part's neighbourhoods"
                    + (bands.Count > 0 ? ", band by band," : "") + " so each part has the district's rate";
            var listed = districts.Take(Listed).Select(d =>
            {
                var all = Shares(d.Value, null, context);
                return $"{d.Key} ({string.Join(", ", d.Value.Select((p, k) => IndicatorRowCounts.Invariant($"{p.Code} {all[k] * 100:F1}%")))})";
            });
            var more = districts.Count > Listed ? IndicatorRowCounts.Invariant($" and {districts.Count - Listed:N0} more") : "";
            var plural = districts.Count == 1 ? "" : "s";
            notes.Add(IndicatorRowCounts.Invariant($"{districts.Count:N0} district{plural} split between systems apportioned to their {partCount:N0} partial places by population: ")
                + $"{how}; population shares {string.Join("; ", listed)}{more}.");
        }

        return result;
    }

    /// <summary>Each part's share of the district's population in <paramref name="band"/> (all ages when null).</summary>
    internal static double[] Shares(IReadOnlyList<DistrictPart> parts, AgeBand? band, IndicatorReadContext context)
    {
        var people = new double[parts.Count];
        var total = 0.0;
        for (var k = 0; k < parts.Count; k++)
        {
            foreach (var neighbourhood in parts[k].Neighbourhoods)
            {
                if (!context.BandPopulation.TryGetValue(neighbourhood, out var counts))
                {
                    continue;
                }

                for (var c = 0; c < counts.Length && c < context.AgeBands.Count; c++)
                {
                    if (band is not { } b || Overlap(b, context.AgeBands[c]))
                    {
                        people[k] += counts[c];
                    }
                }
            }

            total += people[k];
        }

        if (total > 0)
        {
            return people.Select(p => p / total).ToArray();
        }

        return band is not null ? Shares(parts, null, context) : people.Select(_ => 1.0 / parts.Count).ToArray();
    }

    private static bool Overlap(AgeBand a, AgeBand b) =>
        a.From <= (b.To ?? int.MaxValue) && b.From <= (a.To ?? int.MaxValue);
}
