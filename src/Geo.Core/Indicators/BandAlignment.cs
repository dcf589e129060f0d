using Geo.Core.Sources;

namespace Geo.Core.Indicators;

/// <summary>
/// The finest set of age bands that two band lists both split into, and where each band of each list goes.
/// Indicator data in ESP2013's 19 bands (to 90+) against Census 2021 population in 18 (to 85+), for
/// instance, align on 18 bands with 85-89 and 90+ merged into 85+. Immutable.
/// </summary>
public sealed class BandAlignment
{
    private BandAlignment(IReadOnlyList<AgeBand> common, int[] first, int[] second)
    {
        Common = common;
        FirstToCommon = first;
        SecondToCommon = second;
    }

    public IReadOnlyList<AgeBand> Common { get; }

    /// <summary>For each band of the first list, the index of the common band holding it.</summary>
    public IReadOnlyList<int> FirstToCommon { get; }

    public IReadOnlyList<int> SecondToCommon { get; }

    /// <summary>Aligns two lists of contiguous bands that start at the same age and end open (e.g. 85+).</summary>
    /// <exception cref="ArgumentException">The lists have no common split (different start, or a closed top band).</exception>
    public static BandAlignment Align(IReadOnlyList<AgeBand> first, IReadOnlyList<AgeBand> second)
    {
        CheckContiguous(first, nameof(first));
        CheckContiguous(second, nameof(second));
        if (first[0].From != second[0].From)
        {
            throw new ArgumentException($"Age bands start at {first[0].From} in one list and {second[0].From} in the other.", nameof(second));
        }

        var starts = first.Select(b => b.From).Intersect(second.Select(b => b.From)).Order().ToArray();
        var common = starts.Select((from, i) => new AgeBand(from, i + 1 < starts.Length ? starts[i + 1] - 1 : null)).ToArray();
        return new BandAlignment(common, Map(first, starts), Map(second, starts));
    }

    private static int[] Map(IReadOnlyList<AgeBand> bands, int[] starts) =>
        bands.Select(b => Array.FindLastIndex(starts, s => s <= b.From)).ToArray();

    private static void CheckContiguous(IReadOnlyList<AgeBand> bands, string name)
    {
        if (bands.Count == 0)
        {
            throw new ArgumentException("No age bands.", name);
        }

        for (var i = 1; i < bands.Count; i++)
        {
            if (bands[i - 1].To is not { } to || bands[i].From != to + 1)
            {
                throw new ArgumentException($"Age bands {bands[i - 1]} and {bands[i]} are not contiguous.", name);
            }
        }

        if (bands[^1].To is not null)
        {
            throw new ArgumentException($"The top age band {bands[^1]} is closed; it must be open, such as 85+.", name);
        }
    }
}
