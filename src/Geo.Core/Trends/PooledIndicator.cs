using Geo.Core.Indicators;

namespace Geo.Core.Trends;

/// <summary>
/// An indicator's rolling pools of k consecutive periods as an indicator of their own: each area's counts and
/// denominators, age band by age band, summed over the pool with <see cref="PeriodPooling.Rolling"/>. The engine then
/// computes, compares and suppresses a pool as it does any period, so small-area figures come out of suppression the way
/// OHID's Local Health publishes them. Pure; thread-safe.
/// </summary>
/// <remarks>
/// A record without a denominator of its own takes the dataset's population; a pool of k such periods counts that
/// population k times (<see cref="IndicatorSource.PopulationPeriods"/>), i.e. person-years, so a pooled rate is an average
/// yearly rate. An area has data in a pool when it has a record in any of the pool's periods; a period without its record
/// counts nothing (as a file that leaves out zero counts means). Scores are not pooled: a mean of means over years is not
/// a figure anyone publishes.
/// </remarks>
public static class PooledIndicator
{
    /// <summary>The pool sizes the doors offer: single periods, 3 and 5 years (OHID Local Health pools 5).</summary>
    public static IReadOnlyList<int> Sizes { get; } = [1, 3, 5];

    /// <summary>
    /// The indicator whose periods are the rolling pools of <paramref name="size"/> periods of <paramref name="source"/>,
    /// labelled "first - last" (<see cref="PeriodPooling.Label"/>); <paramref name="source"/> itself when the size is 1.
    /// </summary>
    /// <exception cref="ArgumentException">A score, or fewer periods than the pool's size.</exception>
    public static IndicatorSource Pool(IndicatorSource source, int size)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (size == 1)
        {
            return source;
        }

        if (source.Definition.ValueType == IndicatorValueType.Score)
        {
            throw new ArgumentException($"Indicator {source.Definition.Id} is a score; scores are not pooled over periods.", nameof(source));
        }

        if (source.Periods.Count < size)
        {
            throw new ArgumentException(
                $"Indicator {source.Definition.Id} has {source.Periods.Count} periods, fewer than a pool of {size}.", nameof(source));
        }

        // Slot 0 holds all-ages records (band -1), slot b + 1 band b.
        var slots = source.Bands.Count + 1;
        var periodIndex = source.Periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var byArea = new Dictionary<string, AreaCells>(StringComparer.Ordinal);
        foreach (var r in source.Records)
        {
            if (!periodIndex.TryGetValue(r.Period, out var p))
            {
                continue;
            }

            if (!byArea.TryGetValue(r.Area, out var cells))
            {
                cells = new AreaCells(source.Periods.Count, slots);
                byArea.Add(r.Area, cells);
            }

            var s = r.Band + 1;
            cells.Count[p][s] += r.Numerator;
            cells.Denominator[p][s] += r.Denominator ?? 0;
            cells.Present[p][s] = true;
            cells.OwnDenominator[p][s] |= r.Denominator is not null;
            cells.Line = Math.Min(cells.Line, r.Line);
        }

        var pooledPeriods = new List<string>(source.Periods.Count - size + 1);
        var records = new List<IndicatorRecord>();
        foreach (var (area, cells) in byArea.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var counts = source.Periods
                .Select((period, p) => new PeriodCounts(period, cells.Count[p].Sum(), cells.Denominator[p].Sum(), cells.Count[p], cells.Denominator[p]))
                .ToArray();
            var pools = PeriodPooling.Rolling(counts, size);
            for (var k = 0; k < pools.Count; k++)
            {
                var pool = pools[k];
                for (var s = 0; s < slots; s++)
                {
                    var present = false;
                    var own = false;
                    for (var p = k; p < k + size; p++)
                    {
                        present |= cells.Present[p][s];
                        own |= cells.OwnDenominator[p][s];
                    }

                    if (present)
                    {
                        records.Add(new IndicatorRecord(area, pool.Label, s - 1, pool.BandCounts![s], own ? pool.BandDenominators![s] : null, cells.Line));
                    }
                }
            }
        }

        for (var k = 0; k + size <= source.Periods.Count; k++)
        {
            pooledPeriods.Add(PeriodPooling.Label(source.Periods[k], source.Periods[k + size - 1]));
        }

        return new IndicatorSource
        {
            Definition = source.Definition,
            Periods = pooledPeriods,
            Bands = source.Bands,
            DataLevel = source.DataLevel,
            Records = records,
            File = source.File,
            PopulationPeriods = source.PopulationPeriods * size,
            PublicationPool = source.PublicationPool,
            Origins = source.Origins,
            ImportNotes = [.. source.ImportNotes, $"Rolling pools of {size} periods: counts and denominators summed over each pool."],
        };
    }

    private sealed class AreaCells(int periods, int slots)
    {
        public double[][] Count { get; } = Grid<double>(periods, slots);

        public double[][] Denominator { get; } = Grid<double>(periods, slots);

        public bool[][] Present { get; } = Grid<bool>(periods, slots);

        public bool[][] OwnDenominator { get; } = Grid<bool>(periods, slots);

        public long Line { get; set; } = long.MaxValue;

        private static T[][] Grid<T>(int rows, int columns) => Enumerable.Range(0, rows).Select(_ => new T[columns]).ToArray();
    }
}
