using System.Globalization;
using CsvHelper;
using Geo.Core.Indicators.Suppression;
using Geo.Query.Vocabulary;

namespace Geo.Query;

/// <summary>
/// A <see cref="TrendAnswer"/> as CSV, one row per period, the same bytes through <c>geo trend</c> and the API: the published
/// figures, whether the trend test and the chart used the period, and the chart's point (value, centre, limits, rules in
/// words, variation). Numbers rounded to 6 decimals, invariant culture, LF line ends. Stateless.
/// </summary>
public static class TrendCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "period", "time", "count", "denominator", "value", "lower95", "upper95", "suppressed", "in_trend_test", "on_chart",
        "chart", "chart_value", "centre", "lower_limit", "upper_limit", "lower_2sigma", "upper_2sigma", "special_cause", "variation",
    ];

    public static void Write(TextWriter writer, TrendAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(answer);
        using var csv = CsvWriter.Create(writer, AnswerCsv.Options, true);
        csv.WriteHeader([.. Columns]);
        var points = answer.Chart?.Points.ToDictionary(p => p.Period, StringComparer.Ordinal);
        var options = new Core.Trends.SpcOptions(answer.Indicator.Definition.Polarity);
        foreach (var p in answer.Periods)
        {
            var r = p.Row;
            var point = points?.GetValueOrDefault(p.Period);
            string[] cells =
            [
                r.Area.Code, p.Period, N(p.Time), N(r.Count), N(r.Denominator), N(r.Value), N(r.Lower95), N(r.Upper95),
                r.Suppression switch { SuppressionReason.Primary => "primary", SuppressionReason.Secondary => "secondary", _ => "" },
                p.InTrendTest ? "yes" : "no", p.OnChart ? "yes" : "no", ChartWords.Name(answer.ChartType),
                N(point?.Value), N(point?.Centre), N(point?.LowerLimit), N(point?.UpperLimit), N(point?.LowerNearLimit), N(point?.UpperNearLimit),
                point is null ? "" : string.Join("; ", TrendWords.Rules(point.Rules, options)),
                point is null ? "" : TrendWords.Variation(point.Variation),
            ];
            csv.WriteRecord(cells);
        }
    }

    private static string N(double? x) => Core.Indicators.IndicatorColumns.Published(x)?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
