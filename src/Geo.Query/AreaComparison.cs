using Geo.Core.Indicators;

namespace Geo.Query;

/// <summary>Two to four areas' published rows and whether each pair differs significantly. Immutable.</summary>
public sealed record AreaComparison(PublishedIndicator Indicator, IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<PairComparison> Pairs, string Selection);
