using Geo.Core.Geography;
using Geo.Core.Indicators;
using NetTopologySuite.Geometries;

namespace Geo.Query;

/// <summary>One area as a feature: its boundary in WGS84 and, in an indicator's collection, its published row. Immutable.</summary>
/// <param name="Wgs84">The boundary in WGS84 (lon/lat), converted from British National Grid; null when the dataset has none.</param>
/// <param name="Row">The area's published row (suppression applied); null outside an indicator's collection.</param>
public sealed record FeatureItem(Area Area, Geometry? Wgs84, IndicatorRow? Row);
