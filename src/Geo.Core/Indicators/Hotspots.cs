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
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var rows = view.AtLevel(Level.Neighbourhood, within);
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
    /// As <see cref="Find(IndicatorView, string, HotspotOrder, int)"/>, and for Gi* and local Moran: each
    /// neighbourhood inside the area with events and expected events gets its empirical Bayes smoothed ratio of
    /// observed to expected (from true counts, <paramref name="computed"/>: steadies small populations); Gi*
    /// or local Moran runs on those over the queen contiguity among them, Benjamini-Hochberg at
    /// <see cref="FalseDiscoveryRate"/>; hot spots (Gi*) or high-high clusters (Moran) are listed by z
    /// descending. Suppressed neighbourhoods enter the statistics but are never listed; the rows are the published ones.
    /// </summary>
    public static IReadOnlyList<IndicatorRow> Find(IndicatorView view, IReadOnlyList<IndicatorRow> computed,
        NeighbourhoodContiguity contiguity, string within, HotspotOrder by, int top)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(computed);
        ArgumentNullException.ThrowIfNull(contiguity);
        if (by is not (HotspotOrder.GiStar or HotspotOrder.Moran))
        {
            return Find(view, within, by, top);
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
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
        var z = new double[published.Length];
        var chosen = new bool[published.Length];
        if (by == HotspotOrder.GiStar)
        {
            var results = GetisOrd.GiStar(smoothed, graph, FalseDiscoveryRate);
            for (var i = 0; i < z.Length; i++)
            {
                z[i] = results[i].Z;
                chosen[i] = results[i].Class == HotspotClass.HotSpot;
            }
        }
        else
        {
            var results = LocalMoran.Calculate(smoothed, graph, FalseDiscoveryRate);
            for (var i = 0; i < z.Length; i++)
            {
                z[i] = results[i].Z;
                chosen[i] = results[i].Class == MoranClass.HighHigh;
            }
        }

        return Enumerable.Range(0, published.Length)
            .Where(i => chosen[i] && double.IsFinite(z[i]) && published[i].Suppression == SuppressionReason.None)
            .OrderByDescending(i => z[i])
            .ThenBy(i => published[i].Area.Code, StringComparer.Ordinal)
            .Take(top)
            .Select(i => published[i])
            .ToArray();
    }
}
