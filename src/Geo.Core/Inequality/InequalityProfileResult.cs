namespace Geo.Core.Inequality;

/// <summary>
/// The inequality profile of one area, one indicator and period: Core20 against the rest, the value of
/// each IMD decile (national, or formed within the area: <see cref="Basis"/>) and the slope and relative
/// indices of inequality across them. Built from true counts; every count-derived figure that the
/// suppression policy would hide is null. Immutable.
/// </summary>
/// <param name="AreaCode">The area profiled.</param>
/// <param name="Period">The period.</param>
/// <param name="Core20">The neighbourhoods of national IMD deciles 1 and 2.</param>
/// <param name="Rest">The neighbourhoods of national deciles 3 to 10.</param>
/// <param name="Deciles">Deciles 1 (most deprived) to 10 that have neighbourhoods in the area, on <see cref="Basis"/>.</param>
/// <param name="Slope">SII and RII across the deciles with values, or null when fewer than two have one.</param>
/// <param name="SlopeNote">Which deciles the slope left out and why, or why there is none.</param>
/// <param name="WithoutDecile">Neighbourhoods of the area in no decile of <see cref="Basis"/> (no national decile, or no
/// IMD score for local deciles): in no decile and not in the slope.</param>
public sealed record InequalityProfileResult(
    string AreaCode,
    string Period,
    InequalityGroup Core20,
    InequalityGroup Rest,
    IReadOnlyList<DecileValue> Deciles,
    SlopeIndexResult? Slope,
    string? SlopeNote,
    int WithoutDecile)
{
    /// <summary>Whether <see cref="Deciles"/> and the slope use national deciles or deciles formed within the area.</summary>
    public DecileBasis Basis { get; init; }

    /// <summary>Neighbourhoods with no national decile: in neither Core20 nor the rest.</summary>
    public int WithoutNationalDecile { get; init; }
}

/// <summary>One group of neighbourhoods (Core20 or the rest) summed. Immutable.</summary>
/// <param name="Neighbourhoods">How many neighbourhoods the group has in the area.</param>
/// <param name="Population">The group's denominator (population at risk).</param>
/// <param name="PopulationShare">The group's share of the denominator of both groups (0–1).</param>
/// <param name="Count">Events; null when suppressed.</param>
/// <param name="EventShare">The group's share of both groups' events (0–1); null when the count is suppressed.</param>
/// <param name="PositiveExcessShare">The group's share of the neighbourhoods' positive excess (events above expected,
/// summed over neighbourhoods with more events than expected); null when a neighbourhood of the area is suppressed.</param>
/// <param name="Value">The group's value by the indicator's method; null when suppressed or undefined.</param>
/// <param name="Note">Why a figure is missing.</param>
public sealed record InequalityGroup(
    int Neighbourhoods,
    double Population,
    double PopulationShare,
    double? Count,
    double? EventShare,
    double? PositiveExcessShare,
    double? Value,
    double? Lower95,
    double? Upper95,
    string? Note);

/// <summary>One national IMD decile's neighbourhoods inside the area, summed. Immutable.</summary>
/// <param name="Decile">1 (most deprived) to 10.</param>
/// <param name="Value">The decile's value by the indicator's method; null when suppressed or undefined.</param>
/// <param name="InSlope">Whether the decile's (true) value entered the SII and RII.</param>
public sealed record DecileValue(
    int Decile,
    int Neighbourhoods,
    double Population,
    double? Value,
    double? Lower95,
    double? Upper95,
    bool InSlope,
    string? Note);
