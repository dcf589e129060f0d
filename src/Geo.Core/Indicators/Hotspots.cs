using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Inequality;
using Geo.Core.Statistics;

namespace Geo.Core.Indicators;

/// <summary>The neighbourhoods inside an area in hotspot order, from a published (suppressed) view.</summary>
public static class Hotspots
{
    /// <summary>The false discovery rate of Gi* and local Moran hotspots.</summary>
    public const double FalseDiscoveryRate = 0.05;

    /// <summary>
    /// Neighbourhoods inside <paramref name="within"/> ordered by <paramref name="by"/>, at most
    /// <paramref name="top"/> of them. Suppressed neighbourhoods have no value or excess and are not
    /// listed. Ties are broken by code so the list is reproducible.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="by"/> is Gi* or Moran, which need the contiguity overload.</exception>
    public static IReadOnlyList<IndicatorRow> Find(IndicatorView view, string within, HotspotOrder by, int top)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Order(view.AtLevel(Level.Neighbourhood, within), by, top);
    }

    /// <summary>
    /// <paramref name="rows"/> (published) in the order <paramref name="by"/>, at most <paramref name="top"/>, as
    /// <see cref="Find(IndicatorView, string, HotspotOrder, int)"/> orders a view's neighbourhoods (e.g. rows whose funnel
    /// columns were adjusted for overdispersion).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="by"/> is Gi* or Moran.</exception>
    public static IReadOnlyList<IndicatorRow> Order(IEnumerable<IndicatorRow> rows, HotspotOrder by, int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var ordered = by switch
        {
            HotspotOrder.Rate => rows.Where(r => r.Value is not null)
                .OrderByDescending(r => r.Value),
            HotspotOrder.Excess => rows.Where(r => r.Excess is not null)
                .OrderByDescending(r => r.Excess),
            HotspotOrder.Funnel => rows.Where(r => r.FunnelPosition is FunnelPosition.Above998 or FunnelPosition.Above95)
                .OrderBy(r => r.FunnelPosition == FunnelPosition.Above998 ? 0 : 1)
                .ThenByDescending(r => r.Excess),
            HotspotOrder.GiStar or HotspotOrder.Moran => throw new ArgumentException(
                $"{by} hotspots need the neighbourhoods' contiguity and true counts.", nameof(by)),
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, null),
        };
        return ordered.ThenBy(r => r.Area.Code, StringComparer.Ordinal).Take(top).ToArray();
    }

    /// <summary>
    /// As <see cref="Find(IndicatorView, string, HotspotOrder, int)"/>, and for Gi* and local Moran: the hot
    /// spots (Gi*) or high-high clusters (Moran) of <see cref="Classify"/>, listed by z descending. Suppressed
    /// neighbourhoods enter the statistics but are never listed; the rows are the published ones.
    /// </summary>
    public static IReadOnlyList<IndicatorRow> Find(IndicatorView view, IReadOnlyList<IndicatorRow> computed,
        NeighbourhoodContiguity contiguity, string within, HotspotOrder by, int top)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (by is not (HotspotOrder.GiStar or HotspotOrder.Moran))
        {
            return Find(view, within, by, top);
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        return Classify(view, computed, contiguity, within, by)
            .Where(c => c.Class is LocalClusterClass.HotSpot or LocalClusterClass.HighHigh
                && double.IsFinite(c.Z) && c.Row.Suppression == SuppressionReason.None)
            .OrderByDescending(c => c.Z)
            .ThenBy(c => c.Row.Area.Code, StringComparer.Ordinal)
            .Take(top)
            .Select(c => c.Row)
            .ToArray();
    }

    /// <summary>
    /// Gi* or local Moran for every neighbourhood inside <paramref name="within"/> with events and expected
    /// events: each gets its empirical Bayes smoothed ratio of observed to expected (from true counts,
    /// <paramref name="computed"/>: steadies small populations); the statistic runs on those over the queen
    /// contiguity among them, Benjamini-Hochberg at <see cref="FalseDiscoveryRate"/>. Neighbourhoods without
    /// expected events are left out; empty when fewer than three remain or there are no events. The results
    /// hold the published rows and the statistics of true counts: a caller serving them decides what a
    /// suppressed row may show.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="by"/> is not Gi* or Moran.</exception>
    public static IReadOnlyList<LocalCluster> Classify(IndicatorView view, IReadOnlyList<IndicatorRow> computed,
        NeighbourhoodContiguity contiguity, string within, HotspotOrder by)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(computed);
        ArgumentNullException.ThrowIfNull(contiguity);
        if (by is not (HotspotOrder.GiStar or HotspotOrder.Moran))
        {
            throw new ArgumentException($"{by} is not a local spatial statistic.", nameof(by));
        }

        var truth = computed.Where(r => r.Area.Level == Level.Neighbourhood)
            .ToDictionary(r => r.Area.Code, StringComparer.OrdinalIgnoreCase);
        var published = view.AtLevel(Level.Neighbourhood, within)
            .Where(r => truth.TryGetValue(r.Area.Code, out var t) && t is { Count: >= 0, Expected: > 0 })
            .ToArray();
        if (published.Length < 3)
        {
            return [];
        }

        var counts = published.Select(r => truth[r.Area.Code].Count!.Value).ToArray();
        var expected = published.Select(r => truth[r.Area.Code].Expected!.Value).ToArray();
        if (counts.Sum() <= 0)
        {
            return [];
        }

        var smoothed = EmpiricalBayes.SmoothGlobal(counts, expected).Rates;
        var graph = contiguity.Within([.. published.Select(r => r.Area.Code)]);
        var clusters = new LocalCluster[published.Length];
        if (by == HotspotOrder.GiStar)
        {
            var results = GetisOrd.GiStar(smoothed, graph, FalseDiscoveryRate);
            for (var i = 0; i < clusters.Length; i++)
            {
                var r = results[i];
                var kind = r.Class switch
                {
                    HotspotClass.HotSpot => LocalClusterClass.HotSpot,
                    HotspotClass.ColdSpot => LocalClusterClass.ColdSpot,
                    _ => LocalClusterClass.NotSignificant,
                };
                clusters[i] = new LocalCluster(published[i], kind, r.Z, r.P, r.Q);
            }
        }
        else
        {
            var results = LocalMoran.Calculate(smoothed, graph, FalseDiscoveryRate);
            for (var i = 0; i < clusters.Length; i++)
            {
                var r = results[i];
                var kind = r.Class switch
                {
                    MoranClass.HighHigh => LocalClusterClass.HighHigh,
                    MoranClass.LowLow => LocalClusterClass.LowLow,
                    MoranClass.HighLow => LocalClusterClass.HighLow,
                    MoranClass.LowHigh => LocalClusterClass.LowHigh,
                    _ => LocalClusterClass.NotSignificant,
                };
                clusters[i] = new LocalCluster(published[i], kind, r.Z, r.P, r.Q);
            }
        }

        return clusters;
    }
}
