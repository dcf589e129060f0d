using Geo.Core.Indicators;
using Geo.Core.Trends;

namespace Geo.Query.Vocabulary;

/// <summary>
/// The words for a control chart (<c>chart</c>) and the chart each value type gets by default (docs/methods.md, "Trends and
/// control charts"): a p-chart for proportions, a u-chart for crude rates and indirectly standardised ratios (observed over
/// expected), an XmR chart for directly standardised rates and scores; Laney's p′ and u′ on request. Stateless.
/// </summary>
public static class ChartWords
{
    public const string Help = "xmr, p, u, pprime or uprime (default by value type: p for proportions, u for crude rates and indirectly "
        + "standardised ratios, xmr for directly standardised rates and scores); p and pprime (Laney's p′, limits widened or narrowed by "
        + "the points' own spread) only for proportions, u and uprime only for crude rates and ratios";

    /// <summary>The chart named by <paramref name="text"/>, or the value type's default when none is given.</summary>
    /// <exception cref="QueryException">Not a chart's name, or a chart that does not fit the value type.</exception>
    public static SpcChartType Parse(string? text, IndicatorValueType type)
    {
        var chart = text?.Trim().ToLowerInvariant() switch
        {
            null => Default(type),
            "xmr" => SpcChartType.XmR,
            "p" => SpcChartType.P,
            "u" => SpcChartType.U,
            "pprime" => SpcChartType.PPrime,
            "uprime" => SpcChartType.UPrime,
            _ => throw QueryException.Bad("chart", $"The chart must be xmr, p, u, pprime or uprime, not '{text}'."),
        };
        var fits = chart switch
        {
            SpcChartType.P or SpcChartType.PPrime => type == IndicatorValueType.Proportion,
            SpcChartType.U or SpcChartType.UPrime => type is IndicatorValueType.CrudeRate or IndicatorValueType.IndirectlyStandardisedRatio,
            _ => true,
        };
        return fits
            ? chart
            : throw QueryException.Bad("chart", $"A {Name(chart)} does not fit a {ValueTypeName(type)}; use "
                + $"{(Default(type) == SpcChartType.XmR ? "xmr" : $"{Name(Default(type))} or xmr")}.");
    }

    /// <summary>The chart a value type gets when none is asked for.</summary>
    public static SpcChartType Default(IndicatorValueType type) => type switch
    {
        IndicatorValueType.Proportion => SpcChartType.P,
        IndicatorValueType.CrudeRate or IndicatorValueType.IndirectlyStandardisedRatio => SpcChartType.U,
        _ => SpcChartType.XmR,
    };

    /// <summary>The chart's word as the doors take it: xmr, p, u, pprime or uprime.</summary>
    public static string Word(SpcChartType chart) => chart switch
    {
        SpcChartType.P => "p",
        SpcChartType.U => "u",
        SpcChartType.PPrime => "pprime",
        SpcChartType.UPrime => "uprime",
        _ => "xmr",
    };

    public static string Name(SpcChartType chart) => chart switch
    {
        SpcChartType.P => "p-chart",
        SpcChartType.U => "u-chart",
        SpcChartType.PPrime => "Laney p′-chart",
        SpcChartType.UPrime => "Laney u′-chart",
        _ => "XmR chart",
    };

    private static string ValueTypeName(IndicatorValueType type) => type switch
    {
        IndicatorValueType.CrudeRate => "crude rate",
        IndicatorValueType.Proportion => "proportion",
        IndicatorValueType.DirectlyStandardisedRate => "directly standardised rate",
        IndicatorValueType.IndirectlyStandardisedRatio => "indirectly standardised ratio",
        _ => "score",
    };
}
