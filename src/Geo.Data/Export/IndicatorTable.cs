using System.Globalization;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Statistics;

namespace Geo.Data.Export;

/// <summary>
/// The export columns of <see cref="IndicatorRow"/>s, as text: the same in CSV, GeoJSON and the API's
/// CSV. Empty where suppressed or undefined. Stateless and thread-safe.
/// </summary>
public static class IndicatorTable
{
    /// <summary>Column names, in order, with what each holds.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Columns { get; } =
    [
        ("code", "area code"),
        ("name", "area name"),
        ("level", "system, icp, place or neighbourhood (country for the dataset total)"),
        ("parent", "code of the parent area"),
        ("period", "time period"),
        ("count", "numerator summed from the neighbourhoods (events)"),
        ("denominator", "population at risk summed from the neighbourhoods (weights for a score)"),
        ("value", "the indicator's value (see method)"),
        ("lower95", "lower 95% confidence limit"),
        ("upper95", "upper 95% confidence limit"),
        ("lower998", "lower 99.8% confidence limit"),
        ("upper998", "upper 99.8% confidence limit"),
        ("vs_parent", "95% comparison with the parent: better/similar/worse by polarity (higher/similar/lower without one)"),
        ("vs_england", "95% comparison with the dataset total (England), as vs_parent"),
        ("rank", "rank among the siblings shown, 1 = highest value"),
        ("expected", "events expected at England's (age-specific) rates"),
        ("excess", "count minus expected"),
        ("excess_share", "share of the parent's total positive excess (0-1)"),
        ("suppressed", "primary (small count) or secondary (protects a small count); empty when shown"),
        ("vs_parent_998", "99.8% comparison with the parent"),
        ("vs_england_998", "99.8% comparison with England"),
        ("funnel_lower95", "95% funnel-plot control limit around England's value at this denominator (lower)"),
        ("funnel_upper95", "95% funnel-plot control limit (upper)"),
        ("funnel_lower998", "99.8% funnel-plot control limit (lower)"),
        ("funnel_upper998", "99.8% funnel-plot control limit (upper)"),
        ("funnel", "position on the funnel plot: above998, above95, within, below95, below998"),
        ("coverage", "share of the area's population with data (0-1)"),
        ("note", "why a figure is missing"),
    ];

    /// <summary>The cells of one row, in <see cref="Columns"/> order.</summary>
    public static string[] Cells(IndicatorRow row, Polarity polarity) =>
    [
        row.Area.Code,
        row.Area.Name,
        Core.Geography.LevelNames.ToName(row.Area.Level),
        row.Area.ParentCode ?? "",
        row.Period,
        Number(row.Count),
        Number(row.Denominator),
        Number(row.Value),
        Number(row.Lower95),
        Number(row.Upper95),
        Number(row.Lower998),
        Number(row.Upper998),
        Verdict(row.VsParent95, polarity),
        Verdict(row.VsEngland95, polarity),
        row.Rank?.ToString(CultureInfo.InvariantCulture) ?? "",
        Number(row.Expected),
        Number(row.Excess),
        Number(row.ExcessShare),
        row.Suppression switch { SuppressionReason.Primary => "primary", SuppressionReason.Secondary => "secondary", _ => "" },
        Verdict(row.VsParent998, polarity),
        Verdict(row.VsEngland998, polarity),
        Number(row.Funnel95?.Lower),
        Number(row.Funnel95?.Upper),
        Number(row.Funnel998?.Lower),
        Number(row.Funnel998?.Upper),
        row.FunnelPosition switch
        {
            FunnelPosition.Above998 => "above998",
            FunnelPosition.Above95 => "above95",
            FunnelPosition.WithinLimits => "within",
            FunnelPosition.Below95 => "below95",
            FunnelPosition.Below998 => "below998",
            _ => "",
        },
        Number(row.Coverage),
        row.Note ?? "",
    ];

    /// <summary>A comparison as a word: by polarity where the indicator has one.</summary>
    public static string Verdict(Comparison comparison, Polarity polarity) =>
        Significance.Judge(comparison, polarity) switch
        {
            Judgement.Better => "better",
            Judgement.Worse => "worse",
            Judgement.Similar => "similar",
            Judgement.NotJudged => comparison == Comparison.Higher ? "higher" : "lower",
            _ => "",
        };

    /// <summary>Up to 6 decimals, invariant culture, no thousands separators; empty for null.</summary>
    public static string Number(double? value) =>
        value is { } v ? Math.Round(v, 6).ToString("0.######", CultureInfo.InvariantCulture) : "";
}
