using Geo.Core.Indicators;
using Geo.Core.Inequality;

namespace Geo.Query;

/// <summary>An area's inequality profile (Core20 against the rest, deciles, SII and RII) with its published row and the
/// significance of the Core20 gap. Immutable.</summary>
public sealed record InequalityAnswer(
    PublishedIndicator Indicator,
    IndicatorRow Area,
    InequalityProfileResult Profile,
    DecileBasis Basis,
    PairComparison Gap,
    string Selection);
