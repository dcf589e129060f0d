using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>Published rows of a selection (an area's children, or its hotspots) with the area itself.</summary>
/// <param name="Metadata">The same metadata as an export; its selection says which rows, its command is this request's URL.</param>
/// <param name="Area">The row of the area the selection is taken in.</param>
/// <param name="Reason">Why there are no rows, when there are none (e.g. every neighbourhood suppressed, none above the funnel limit).</param>
/// <param name="Funnel">For hotspots: which funnel limits the rows' funnel columns hold, with φ̂, τ̂² and the overdispersion test.</param>
public sealed record IndicatorRowsDto(ExportMetadata Metadata, IndicatorRowDto Area, IReadOnlyList<IndicatorRowDto> Rows, string? Reason,
    FunnelAdjustmentDto? Funnel = null);

/// <summary>The overdispersion adjustment of a hotspots answer's funnel columns (Spiegelhalter 2005; docs/methods.md).</summary>
/// <param name="Adjustment">poisson, phi or random-effects.</param>
/// <param name="ChosenByTest">True when no <c>funnel</c> was given and the test chose (p &lt; 0.05 → random-effects).</param>
/// <param name="Units">Neighbourhoods inside the area with a published funnel position (the estimate's n); null below 2.</param>
/// <param name="Phi">φ̂ on 10%-winsorised z-scores.</param>
/// <param name="TauSquared">DerSimonian-Laird τ̂².</param>
/// <param name="PValue">The test of overdispersion: P(χ²(n - 1) ≥ n φ̂).</param>
public sealed record FunnelAdjustmentDto(string Adjustment, bool ChosenByTest, int? Units, double? Phi, double? TauSquared, double? PValue)
{
    public static FunnelAdjustmentDto? From(Geo.Core.Indicators.AdjustedFunnelRows? f) => f is null
        ? null
        : new(Geo.Core.Statistics.Overdispersion.Word(f.Adjustment), f.ChosenByTest, f.Estimate?.Count, f.Estimate?.Phi, f.Estimate?.TauSquared,
            f.Estimate?.PValue);
}
