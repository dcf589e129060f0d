using Geo.Core.Indicators;

namespace Geo.Query.Vocabulary;

/// <summary>The words for a hotspot order (<c>by</c>), as every door accepts them. Stateless.</summary>
public static class HotspotOrderWords
{
    private static readonly (string Name, HotspotOrder Order)[] Words =
    [
        ("rate", HotspotOrder.Rate),
        ("excess", HotspotOrder.Excess),
        ("funnel", HotspotOrder.Funnel),
        ("gistar", HotspotOrder.GiStar),
        ("moran", HotspotOrder.Moran),
    ];

    public const string Help = "rate (highest value), excess (most excess events), funnel (above the 99.8% then the 95% funnel "
        + "limit, each by excess), gistar (Getis-Ord Gi* hot spots) or moran (local Moran high-high clusters)";

    /// <summary>The order named by <paramref name="text"/>; rate when none is given.</summary>
    /// <exception cref="QueryException">Not an order's name.</exception>
    public static HotspotOrder Parse(string? text) => text is null
        ? HotspotOrder.Rate
        : Find(text) ?? throw QueryException.Bad("by", $"The hotspot order must be rate, excess, funnel, gistar or moran, not '{text}'.");

    /// <summary>A spatial statistic that classifies neighbourhoods: gistar (the default) or moran.</summary>
    /// <exception cref="QueryException">Not gistar or moran.</exception>
    public static HotspotOrder ParseClassification(string? text) => text is null
        ? HotspotOrder.GiStar
        : Find(text) is { } order and (HotspotOrder.GiStar or HotspotOrder.Moran)
            ? order
            : throw QueryException.Bad("by", $"The hotspot classes are by gistar or moran, not '{text}'.");

    public static string Name(HotspotOrder order) => Words.First(w => w.Order == order).Name;

    private static HotspotOrder? Find(string text)
    {
        foreach (var (name, order) in Words)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return order;
            }
        }

        return null;
    }
}
