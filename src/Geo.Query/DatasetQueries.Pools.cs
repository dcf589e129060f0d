using System.Collections.Concurrent;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Trends;

namespace Geo.Query;

public sealed partial class DatasetQueries
{
    /// <summary>The share of the areas with data that must get a published value for a pool size to be chosen as the default.</summary>
    public const double DefaultPoolShare = 0.5;

    private readonly ConcurrentDictionary<string, Lazy<PoolDefault>> _defaultPools = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The pool size a first look at the indicator should use (the viewer opens on it when its link names none): the
    /// smallest of 1, 3 and 5 periods with which at least <see cref="DefaultPoolShare"/> of the areas at the indicator's data
    /// level (its neighbourhoods, or its places for district data) that have data get a published value in the latest
    /// period; the pool with the most published values when none reaches it; 1 for a score (never pooled). Computed once per
    /// indicator on first use (the pooled engines it builds are the dataset's own, kept for the answers that follow). The
    /// API's and the command line's own default stays 1: a request without <c>pool</c> means single periods.
    /// </summary>
    /// <exception cref="QueryException">No id, or an unknown indicator (404).</exception>
    public PoolDefault DefaultPool(string? indicator)
    {
        var source = Indicator(indicator, null).Engine.Source;
        return _defaultPools.GetOrAdd(source.Definition.Id, _ => new Lazy<PoolDefault>(() => ChooseDefaultPool(source))).Value;
    }

    private PoolDefault ChooseDefaultPool(IndicatorSource source)
    {
        var level = source.DataLevel;
        if (source.Definition.ValueType == IndicatorValueType.Score)
        {
            // never pooled: nothing to try, nor an engine to build for it
            return new PoolDefault(1, level, []);
        }

        var tried = new List<PoolCoverage>();
        foreach (var size in PooledIndicator.Sizes.Where(k => k <= source.Periods.Count))
        {
            var (published, withData) = Published(size);
            var coverage = new PoolCoverage(size, Dataset.Indicator(source.Definition.Id, size).LatestPeriod, published, withData);
            tried.Add(coverage);
            if (withData == 0 || published >= DefaultPoolShare * withData)
            {
                return new PoolDefault(size, level, tried);
            }
        }

        var best = tried.OrderByDescending(t => t.Published).ThenBy(t => t.Pool).First();
        return new PoolDefault(best.Pool, level, tried);

        (int Published, int WithData) Published(int size)
        {
            var engine = Dataset.Indicator(source.Definition.Id, size);
            var rows = engine.Publish(engine.LatestPeriod).AtLevel(level).ToArray();
            return (rows.Count(r => r.Value is not null), rows.Count(r => r.Coverage > 0));
        }
    }
}

/// <summary>The pool size a first look at an indicator uses (<see cref="DatasetQueries.DefaultPool"/>), with what decided it.</summary>
/// <param name="Pool">1, 3 or 5 periods.</param>
/// <param name="Level">The level counted: the indicator's data level.</param>
/// <param name="Tried">Each pool size tried, smallest first, up to the one chosen (or all, when none reached the share); none
/// for a score.</param>
public sealed record PoolDefault(int Pool, Level Level, IReadOnlyList<PoolCoverage> Tried);

/// <summary>How many areas of the data level get a published value in the latest period with pools of one size.</summary>
/// <param name="Pool">The pool size.</param>
/// <param name="Period">The latest period (or pool label) counted.</param>
/// <param name="Published">Areas with a published value.</param>
/// <param name="WithData">Areas with data (some of their population covered by the source), whether or not their value is
/// published: suppressed, or not calculated (a DSR of fewer than 10 events).</param>
public sealed record PoolCoverage(int Pool, string Period, int Published, int WithData);
