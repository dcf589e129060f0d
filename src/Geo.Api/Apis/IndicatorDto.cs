namespace Geo.Api.Apis;

/// <summary>An indicator of the dataset: what it measures, how, and for which periods.</summary>
/// <param name="ValueType">crude-rate, proportion, dsr, isr or score.</param>
/// <param name="Polarity">higher-is-worse, higher-is-better or no-judgement.</param>
/// <param name="DataLevel">The level its data are published at (neighbourhood, or place for district data).</param>
/// <param name="Periods">Its single periods, oldest first; with <paramref name="Pool"/> above 1 a figure's period is a pool named by its last one.</param>
/// <param name="Pool">The one pool size it is published in: 1 (single periods), 3 or 5 (rolling pools).</param>
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
    int Pool);
