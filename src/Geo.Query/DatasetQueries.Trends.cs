using System.Globalization;
using Geo.Core.Indicators;
using Geo.Core.Trends;
using Geo.Query.Vocabulary;

namespace Geo.Query;

public sealed partial class DatasetQueries
{
    /// <summary>
    /// An area's trend over the indicator's periods up to <paramref name="period"/> (its latest when none), in its one
    /// publication pool (single periods, or its rolling pools, whose overlap the answer notes): each
    /// period's published row, the Fingertips recent-trend marker over the latest five published periods (chi-squared test
    /// for linear trend for proportions, weighted regression on the value and its 95% limits otherwise) and a control chart
    /// (<paramref name="chart"/>: <see cref="ChartWords"/>) with each point's special-cause rules and variation by the
    /// indicator's polarity. Both are computed from published figures only: a suppressed period has no value, is left out
    /// of the test and the chart, and nothing shown depends on its hidden count.
    /// </summary>
    public TrendAnswer Trend(string? indicator, string? period, string? code, string? chart)
    {
        var published = Indicator(indicator, period);
        var area = Area(code);
        var definition = published.Definition;
        var type = ChartWords.Parse(chart, definition.ValueType);
        var engine = published.Engine;
        var labels = engine.Periods.Take(engine.Periods.ToList().IndexOf(published.Period) + 1).ToArray();
        var times = Times(labels);
        var rows = labels.Select(p => engine.Publish(p).Get(area.Code)).ToArray();

        // The marker.
        RecentTrendResult? marker = null;
        var testable = new bool[rows.Length];
        string markerWords;
        if (definition.ValueType == IndicatorValueType.Score)
        {
            markerWords = "Cannot be calculated: a score has no confidence limits to weight the trend test";
        }
        else
        {
            if (definition.ValueType == IndicatorValueType.Proportion)
            {
                var points = Enumerable.Range(0, rows.Length)
                    .Where(i => rows[i] is { Value: not null, Count: not null, Denominator: > 0 })
                    .Select(i => new TrendPoint(labels[i], times[i], rows[i].Count!.Value, rows[i].Denominator!.Value))
                    .ToArray();
                marker = RecentTrend.ForProportion(points);
            }
            else
            {
                var points = Enumerable.Range(0, rows.Length)
                    .Where(i => rows[i] is { Value: not null, Lower95: not null, Upper95: not null })
                    .Select(i => new TrendValuePoint(labels[i], times[i], rows[i].Value!.Value, rows[i].Lower95!.Value, rows[i].Upper95!.Value))
                    .ToArray();
                marker = RecentTrend.ForValues(points);
            }

            foreach (var used in marker.Periods)
            {
                testable[Array.IndexOf(labels, used)] = true;
            }

            markerWords = TrendWords.Marker(marker, definition.Polarity);
        }

        // The chart: published points with what the chart needs (a u-chart of a ratio counts observed over expected).
        var options = new SpcOptions(definition.Polarity);
        var ratio = definition.ValueType == IndicatorValueType.IndirectlyStandardisedRatio;
        double? Base(IndicatorRow r) => ratio ? r.Expected : r.Denominator;
        var onChart = Enumerable.Range(0, rows.Length)
            .Where(i => rows[i].Value is not null && (type == SpcChartType.XmR || (rows[i].Count is not null && Base(rows[i]) is > 0)))
            .ToArray();
        var needed = type is SpcChartType.XmR or SpcChartType.PPrime or SpcChartType.UPrime ? 2 : 1;
        SpcChart? spc = null;
        if (onChart.Length >= needed)
        {
            TrendPoint[] Counts() => [.. onChart.Select(i => new TrendPoint(labels[i], times[i], rows[i].Count!.Value, Base(rows[i])!.Value))];
            spc = type switch
            {
                SpcChartType.XmR => ControlChart.XmR([.. onChart.Select(i => new SpcObservation(labels[i], rows[i].Value!.Value))], options),
                SpcChartType.P => ControlChart.PChart(Counts(), definition.Multiplier, options),
                SpcChartType.PPrime => ControlChart.LaneyPChart(Counts(), definition.Multiplier, options),
                SpcChartType.UPrime => ControlChart.LaneyUChart(Counts(), definition.Multiplier, options),
                _ => ControlChart.UChart(Counts(), definition.Multiplier, options),
            };
        }

        var hidden = rows.Length - onChart.Length;
        var notes = new List<string>();
        if (hidden > 0)
        {
            notes.Add($"{hidden} of {rows.Length} periods not charted (suppressed or without a value); the centre and limits come from the "
                + "published periods only");
        }

        if (engine.Source.PublicationPool > 1)
        {
            notes.Add($"the points are rolling pools of {engine.Source.PublicationPool} periods, the indicator's only publication: "
                + "consecutive pools share periods, so the trend test and the chart's rules signal more often than they would on "
                + "independent points");
        }

        if (spc is null)
        {
            notes.Add($"no chart: it needs {needed} or more published periods");
        }
        else if (onChart.Length < 12)
        {
            notes.Add($"limits from {onChart.Length} periods are trial limits (Making Data Count suggests 12 or more)");
        }

        var onChartSet = onChart.ToHashSet();
        var periods = labels.Select((p, i) => new TrendPeriod(p, times[i], rows[i], testable[i], onChartSet.Contains(i))).ToArray();
        return new TrendAnswer(published, rows[^1], periods, marker, markerWords, type, spc, ChartMethod(type, ratio, spc),
            notes.Count > 0 ? string.Join("; ", notes) + "." : null, $"trend of {area.Code} up to {published.Period}");
    }

    private static string ChartMethod(SpcChartType type, bool ratio, SpcChart? spc) => type switch
    {
        SpcChartType.PPrime or SpcChartType.UPrime => $"Laney {(type == SpcChartType.PPrime ? "p′" : "u′")}-chart{(ratio ? " of observed / expected" : "")}: "
            + $"the {(type == SpcChartType.PPrime ? "p" : "u")}-chart's sigma s at each period's {(ratio ? "expected count" : "denominator")} × σ_z, "
            + "where σ_z = mean moving range of the z-scores (value - centre) / s ÷ 1.128"
            + (spc is null ? "" : FormattableString.Invariant($" (here {spc.MeanMovingRange / ControlChart.D2:0.###}: {(spc.MeanMovingRange / ControlChart.D2 > 1 ? "wider" : "narrower")} than the {(type == SpcChartType.PPrime ? "binomial" : "Poisson")} limits)"))
            + "; limits centre ± 3 s σ_z (Laney 2002)",
        SpcChartType.P => "p-chart: centre = sum of counts / sum of denominators over the published periods; limits centre ± 3 √(centre (1 - centre) / n) "
            + "at each period's denominator n (2-sigma lines with 2)",
        SpcChartType.U when ratio => "u-chart of observed / expected: centre = sum of observed / sum of expected over the published periods; "
            + "limits centre ± 3 √(centre / E) at each period's expected count E",
        SpcChartType.U => "u-chart: centre = sum of counts / sum of denominators over the published periods; limits centre ± 3 √(centre / n) "
            + "at each period's denominator n",
        _ => "XmR chart: centre = mean of the published values; limits mean ± 2.66 × mean moving range (Making Data Count)",
    } + "; special causes: a point outside the limits, a run of 7 or more on one side of the mean, 7 or more points rising or falling, "
        + "2 of 3 points near a limit (NHSRplotthedots' rules and precedence).";

    /// <summary>Each period's year from the first four digits of its label (2021 for "2021/22"); positions 0, 1, ... when
    /// a label does not begin with a year or two begin with the same one.</summary>
    internal static double[] Times(IReadOnlyList<string> labels)
    {
        var years = labels
            .Select(l => l.Length >= 4 && int.TryParse(l.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null)
            .ToArray();
        return years.All(y => y is not null) && years.Distinct().Count() == years.Length
            ? [.. years.Select(y => (double)y!.Value)]
            : [.. labels.Select((_, i) => (double)i)];
    }
}
