using Geo.Core.Geography;
using Geo.Core.Indicators;

namespace Geo.Query;

/// <summary>
/// A collection of features served through OGC API – Features: the areas of one level (<c>system</c>, <c>icp</c>,
/// <c>place</c>, <c>neighbourhood</c>), or those areas with an indicator's published row (<c>{indicator}.{level}</c>).
/// Immutable.
/// </summary>
/// <param name="Id">The collection's id: the level's name, or the indicator's id and the level's name joined by a dot.</param>
/// <param name="Indicator">The indicator whose rows the features carry; null for a level's areas alone.</param>
/// <param name="Periods">The indicator's periods, oldest first (empty without one).</param>
/// <param name="Count">How many areas the level has.</param>
/// <param name="Bbox">The dataset's extent in WGS84, [minLon, minLat, maxLon, maxLat].</param>
public sealed record FeatureCollectionInfo(
    string Id,
    string Title,
    string Description,
    Level Level,
    IndicatorDefinition? Indicator,
    IReadOnlyList<string> Periods,
    int Count,
    IReadOnlyList<double> Bbox);
