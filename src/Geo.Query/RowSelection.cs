using Geo.Core.Indicators;
using NetTopologySuite.Geometries;

namespace Geo.Query;

/// <summary>
/// Published rows chosen by a use case (an area, its children, a level, hotspots, catchments), with the row of the area
/// they are about and the selection in words, as an export's metadata records it. Immutable.
/// </summary>
/// <param name="Area">The row of the area the selection is about: the area itself, the container of a level or of
/// hotspots (the country when none), or the catchment.</param>
/// <param name="Kind">A short name of the use case for file names: area, children, level, hotspots, catchments.</param>
/// <param name="Boundaries">The rows' boundaries (British National Grid) when they are not the dataset's areas'
/// (catchments); null otherwise.</param>
/// <param name="Reason">Why there are no rows, in words, when there are none; null otherwise.</param>
public sealed record RowSelection(
    PublishedIndicator Indicator,
    IndicatorRow Area,
    IReadOnlyList<IndicatorRow> Rows,
    string Selection,
    string Kind,
    IReadOnlyDictionary<string, Geometry>? Boundaries = null,
    string? Reason = null)
{
    /// <summary>For hotspots: the overdispersion adjustment the rows' funnel columns hold, with φ̂, τ̂² and the test; null otherwise.</summary>
    public AdjustedFunnelRows? Funnel { get; init; }
}
