namespace Geo.Api.Apis;

/// <summary>An indicator of the dataset: what it measures, how, and for which periods.</summary>
/// <param name="ValueType">crude-rate, proportion, dsr, isr or score.</param>
/// <param name="Polarity">higher-is-worse, higher-is-better or no-judgement.</param>
/// <param name="DataLevel">The level its data are published at (neighbourhood, or place for district data).</param>
/// <param name="DefaultPool">The pool size (1, 3 or 5 periods) a first look should use: the smallest with which at least half of
/// the areas with data at its data level get a published value (<see cref="Query.DatasetQueries.DefaultPool"/>). The viewer
/// opens on it; requests without <c>pool</c> still mean single periods.</param>
public sealed record IndicatorDto(
    string Id,
    string Name,
    string ValueType,
    double Multiplier,
    string Unit,
    string Polarity,
    string Source,
    string DataLevel,
    IReadOnlyList<string> Periods,
    string LatestPeriod,
    int DefaultPool);
