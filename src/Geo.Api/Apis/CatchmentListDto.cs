namespace Geo.Api.Apis;

/// <summary>Providers with the size of their catchments and how they overlap, by one method and threshold.</summary>
/// <param name="Providers">What the providers are ("GP practices").</param>
/// <param name="Counts">What the flows count ("patients registered, July 2022").</param>
/// <param name="Method">proportional or fptp.</param>
/// <param name="Threshold">The proportional-flow threshold; null for fptp.</param>
/// <param name="Description">The method in words.</param>
/// <param name="Area">The area the list is filtered to (providers whose catchment has a neighbourhood in it), or null.</param>
/// <param name="Summary">How all the dataset's neighbourhoods were shared out (not only the area's).</param>
/// <param name="Catchments">One item per provider: in code order, or with an area, by neighbourhoods in the area.</param>
public sealed record CatchmentListDto(
    string Dataset,
    bool Synthetic,
    string Providers,
    string Counts,
    string Method,
    double? Threshold,
    string Description,
    string? Area,
    CatchmentSummaryDto Summary,
    IReadOnlyList<CatchmentItemDto> Catchments);
