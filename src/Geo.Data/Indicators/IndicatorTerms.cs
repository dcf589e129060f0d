using Geo.Core.Indicators;
using Geo.Core.Statistics;

namespace Geo.Data.Indicators;

/// <summary>The manifest's words for value types and polarities, both ways. Stateless.</summary>
public static class IndicatorTerms
{
    private static readonly (string Name, IndicatorValueType Type)[] ValueTypes =
    [
        ("crude-rate", IndicatorValueType.CrudeRate),
        ("proportion", IndicatorValueType.Proportion),
        ("dsr", IndicatorValueType.DirectlyStandardisedRate),
        ("isr", IndicatorValueType.IndirectlyStandardisedRatio),
        ("score", IndicatorValueType.Score),
    ];

    private static readonly (string Name, Polarity Polarity)[] Polarities =
    [
        ("higher-is-worse", Polarity.HigherIsWorse),
        ("higher-is-better", Polarity.HigherIsBetter),
        ("no-judgement", Polarity.NoJudgement),
    ];

    public static string ValueTypeNames => string.Join(", ", ValueTypes.Select(v => v.Name));

    public static string PolarityNames => string.Join(", ", Polarities.Select(p => p.Name));

    public static bool TryParseValueType(string? text, out IndicatorValueType type) => TryFind(ValueTypes, text, out type);

    public static bool TryParsePolarity(string? text, out Polarity polarity) => TryFind(Polarities, text, out polarity);

    public static string Name(IndicatorValueType type) => ValueTypes.First(v => v.Type == type).Name;

    public static string Name(Polarity polarity) => Polarities.First(p => p.Polarity == polarity).Name;

    /// <summary>Whether the type is computed from event counts (everything but a score).</summary>
    public static bool IsCountBased(IndicatorValueType type) => type != IndicatorValueType.Score;

    /// <summary>Whether the type needs age-specific counts.</summary>
    public static bool IsStandardised(IndicatorValueType type) =>
        type is IndicatorValueType.DirectlyStandardisedRate or IndicatorValueType.IndirectlyStandardisedRatio;

    private static bool TryFind<T>((string Name, T Value)[] table, string? text, out T value)
    {
        foreach (var (name, v) in table)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
