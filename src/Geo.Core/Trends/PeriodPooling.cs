namespace Geo.Core.Trends;

/// <summary>
/// Rolling pools of consecutive periods: how small-area figures are published over 3 or 5 years so that
/// counts are large enough to show (OHID Local Health pools 5). Pure functions; thread-safe.
/// </summary>
/// <remarks>
/// <para>A pool sums numerators and denominators (and, for age-banded indicators, each band's numerator and
/// denominator) over its periods; the rate is then computed from the sums like any other figure, never by
/// averaging the periods' rates. Summing yearly populations gives person-years, so a crude or standardised
/// rate from a pool is an average yearly rate.</para>
/// <para>The label joins the first and last period's own labels with a spaced hyphen, "2019/20 - 2021/22",
/// so no period format is parsed or abbreviated. A pool of one period is labelled with the period itself.</para>
/// </remarks>
public static class PeriodPooling
{
    /// <summary>The separator between the first and last period of a pool's label.</summary>
    public const string LabelSeparator = " - ";

    /// <summary>
    /// Every run of <paramref name="size"/> consecutive periods, oldest first: n - k + 1 pools for n periods,
    /// none when there are fewer than k. The periods must be given in time order, each once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A period appears twice, a count or denominator is negative or not a
    /// number, or the age bands are given for some periods and not others, or with different lengths.</exception>
    public static IReadOnlyList<PooledPeriod> Rolling(IReadOnlyList<PeriodCounts> periods, int size)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var bands = Validate(periods);

        var pools = new List<PooledPeriod>(Math.Max(0, periods.Count - size + 1));
        for (var start = 0; start + size <= periods.Count; start++)
        {
            pools.Add(Pool(periods, start, size, bands));
        }

        return pools;
    }

    /// <summary>The label of a pool running from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static string Label(string first, string last) =>
        first == last ? first : first + LabelSeparator + last;

    private static PooledPeriod Pool(IReadOnlyList<PeriodCounts> periods, int start, int size, int? bands)
    {
        var names = new string[size];
        double count = 0, denominator = 0;
        var bandCounts = bands is { } b ? new double[b] : null;
        var bandDenominators = bands is { } d ? new double[d] : null;
        for (var i = 0; i < size; i++)
        {
            var p = periods[start + i];
            names[i] = p.Period;
            count += p.Count;
            denominator += p.Denominator;
            if (bandCounts is not null && bandDenominators is not null)
            {
                for (var j = 0; j < bandCounts.Length; j++)
                {
                    bandCounts[j] += p.BandCounts![j];
                    bandDenominators[j] += p.BandDenominators![j];
                }
            }
        }

        return new PooledPeriod(Label(names[0], names[^1]), names, count, denominator, bandCounts, bandDenominators);
    }

    /// <summary>Checks the input and returns the number of age bands, or null when there are none.</summary>
    private static int? Validate(IReadOnlyList<PeriodCounts> periods)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int? bands = null;
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i] ?? throw new ArgumentException($"Period {i} is null.", nameof(periods));
            if (string.IsNullOrWhiteSpace(p.Period))
            {
                throw new ArgumentException($"Period {i} has no label.", nameof(periods));
            }

            if (!seen.Add(p.Period))
            {
                throw new ArgumentException($"Period {p.Period} appears more than once.", nameof(periods));
            }

            CheckCount(p.Count, p.Period, "count", nameof(periods));
            CheckCount(p.Denominator, p.Period, "denominator", nameof(periods));
            if ((p.BandCounts is null) != (p.BandDenominators is null))
            {
                throw new ArgumentException($"Period {p.Period} has band counts or band denominators but not both.", nameof(periods));
            }

            var length = p.BandCounts?.Count;
            if (i == 0)
            {
                bands = length;
            }
            else if (length != bands)
            {
                throw new ArgumentException(
                    $"Period {p.Period} has {length?.ToString() ?? "no"} age bands where {periods[0].Period} has {bands?.ToString() ?? "none"}.",
                    nameof(periods));
            }

            if (p.BandCounts is not null && p.BandDenominators is not null)
            {
                if (p.BandDenominators.Count != p.BandCounts.Count)
                {
                    throw new ArgumentException($"Period {p.Period} has {p.BandCounts.Count} band counts but {p.BandDenominators.Count} band denominators.", nameof(periods));
                }

                for (var j = 0; j < p.BandCounts.Count; j++)
                {
                    CheckCount(p.BandCounts[j], p.Period, $"band {j} count", nameof(periods));
                    CheckCount(p.BandDenominators[j], p.Period, $"band {j} denominator", nameof(periods));
                }
            }
        }

        return bands;
    }

    private static void CheckCount(double value, string period, string what, string parameter)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"Period {period} has {what} {value}; it must be a finite number, zero or more.", parameter);
        }
    }
}
