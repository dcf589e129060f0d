using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Statistics;

namespace Geo.Core.Indicators;

/// <summary>
/// The published row's columns, in order: the one declaration from which CSV, GeoJSON properties, the API's
/// JSON, the export metadata and the OpenAPI description are all written, so that they cannot disagree.
/// Names, order and words are a published contract (exports people keep, the viewer in web/src):
/// add columns at the end. Immutable and thread-safe.
/// </summary>
public static class IndicatorColumns
{
    /// <summary>The decimals every published figure is rounded to, in every format.</summary>
    public const int Decimals = 6;

    /// <summary>A figure as published anywhere (rows, profiles, trends, classes): rounded to <see cref="Decimals"/>; null for
    /// null and for a value that is not finite.</summary>
    public static double? Published(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, Decimals) : null;

    private const string Events = "events";
    private const string Persons = "persons";
    private const string ValueUnit = "the indicator's unit";
    private const string Share = "share 0-1";

    /// <summary>The indicator's value: the column people sort and colour by.</summary>
    public static IndicatorColumn Value { get; } =
        IndicatorColumn.OfNumber("value", ValueUnit, "the indicator's value (see method)", r => r.Value);

    /// <summary>Every column, in the order of the CSV header and the JSON properties.</summary>
    public static IReadOnlyList<IndicatorColumn> All { get; } =
    [
        IndicatorColumn.OfText("code", "area code", (r, _) => r.Area.Code, nullable: false),
        IndicatorColumn.OfText("name", "area name", (r, _) => r.Area.Name, nullable: false),
        IndicatorColumn.OfText("level", "system, icp, place or neighbourhood (country for the dataset total, catchment for a provider's catchment)",
            (r, _) => LevelNames.ToName(r.Area.Level), nullable: false),
        IndicatorColumn.OfText("parent", "code of the parent area", (r, _) => r.Area.ParentCode),
        IndicatorColumn.OfText("period", "time period", (r, _) => r.Period, nullable: false),
        IndicatorColumn.OfNumber("count", Events, "numerator summed from the neighbourhoods (events)", r => r.Count),
        IndicatorColumn.OfNumber("denominator", Persons, "population at risk summed from the neighbourhoods (weights for a score)", r => r.Denominator),
        Value,
        IndicatorColumn.OfNumber("lower95", ValueUnit, "lower 95% confidence limit", r => r.Lower95),
        IndicatorColumn.OfNumber("upper95", ValueUnit, "upper 95% confidence limit", r => r.Upper95),
        IndicatorColumn.OfNumber("lower998", ValueUnit, "lower 99.8% confidence limit", r => r.Lower998),
        IndicatorColumn.OfNumber("upper998", ValueUnit, "upper 99.8% confidence limit", r => r.Upper998),
        IndicatorColumn.OfText("vs_parent", "95% comparison with the parent: better/similar/worse by polarity (higher/similar/lower without one)",
            (r, d) => Verdict(r.VsParent95, d.Polarity)),
        IndicatorColumn.OfText("vs_england", "95% comparison with the dataset total (England), as vs_parent",
            (r, d) => Verdict(r.VsEngland95, d.Polarity)),
        IndicatorColumn.OfInteger("rank", "rank among the siblings shown, 1 = highest value", r => r.Rank),
        IndicatorColumn.OfNumber("expected", Events, "events expected at England's (age-specific) rates", r => r.Expected),
        IndicatorColumn.OfNumber("excess", Events, "count minus expected", r => r.Excess),
        IndicatorColumn.OfNumber("excess_share", Share, "share of the parent's total positive excess (0-1)", r => r.ExcessShare),
        IndicatorColumn.OfText("suppressed", "primary (small count) or secondary (protects a small count); empty when shown",
            (r, _) => r.Suppression switch
            {
                SuppressionReason.Primary => "primary",
                SuppressionReason.Secondary => "secondary",
                _ => null,
            }),
        IndicatorColumn.OfText("vs_parent_998", "99.8% comparison with the parent", (r, d) => Verdict(r.VsParent998, d.Polarity)),
        IndicatorColumn.OfText("vs_england_998", "99.8% comparison with England", (r, d) => Verdict(r.VsEngland998, d.Polarity)),
        IndicatorColumn.OfNumber("funnel_lower95", ValueUnit, "95% funnel-plot control limit around England's value at this denominator (lower)",
            r => r.Funnel95?.Lower),
        IndicatorColumn.OfNumber("funnel_upper95", ValueUnit, "95% funnel-plot control limit (upper)", r => r.Funnel95?.Upper),
        IndicatorColumn.OfNumber("funnel_lower998", ValueUnit, "99.8% funnel-plot control limit (lower)", r => r.Funnel998?.Lower),
        IndicatorColumn.OfNumber("funnel_upper998", ValueUnit, "99.8% funnel-plot control limit (upper)", r => r.Funnel998?.Upper),
        IndicatorColumn.OfText("funnel", "position on the funnel plot: above998, above95, within, below95, below998",
            (r, _) => r.FunnelPosition switch
            {
                FunnelPosition.Above998 => "above998",
                FunnelPosition.Above95 => "above95",
                FunnelPosition.WithinLimits => "within",
                FunnelPosition.Below95 => "below95",
                FunnelPosition.Below998 => "below998",
                _ => null,
            }),
        IndicatorColumn.OfNumber("coverage", Share, "share of the area's population with data (0-1)", r => r.Coverage, nullable: false),
        IndicatorColumn.OfText("note", "why a figure is missing, or how it was made (apportioned from a district)", (r, _) => r.Note),
    ];

    /// <summary>A comparison as a word: better/worse/similar by polarity, higher/lower without one; null when not compared.</summary>
    private static string? Verdict(Comparison comparison, Polarity polarity) =>
        Significance.Judge(comparison, polarity) switch
        {
            Judgement.Better => "better",
            Judgement.Worse => "worse",
            Judgement.Similar => "similar",
            Judgement.NotJudged => comparison == Comparison.Higher ? "higher" : "lower",
            _ => null,
        };
}
