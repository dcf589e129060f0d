using Geo.Core.Geography;
using Geo.Core.Statistics;

namespace Geo.Core.Indicators;

/// <summary>The neighbourhoods inside an area in hotspot order, from a published (suppressed) view.</summary>
public static class Hotspots
{
    /// <summary>
    /// Neighbourhoods inside <paramref name="within"/> ordered by <paramref name="by"/>, at most
    /// <paramref name="top"/> of them. Suppressed neighbourhoods have no value or excess and are not
    /// listed. Ties are broken by code so the list is reproducible.
    /// </summary>
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
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, null),
        };
        return ordered.ThenBy(r => r.Area.Code, StringComparer.Ordinal).Take(top).ToArray();
    }
}
