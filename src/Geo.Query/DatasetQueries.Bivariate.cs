using Geo.Core.Bivariate;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;

namespace Geo.Query;

public sealed partial class DatasetQueries
{
    /// <summary>
    /// Indicator <paramref name="x"/> beside indicator <paramref name="y"/> across the children of area <paramref name="code"/>,
    /// each at its own period (its latest when none): the children with a published value in both, Spearman's ρ over them
    /// with its 95% interval (Bonett–Wright), and each child's tertile class in each (a 3×3 bivariate class). Children
    /// suppressed or without a value in either are left out and counted, so no suppressed figure is used or shown.
    /// Fewer than <see cref="SpearmanCorrelation.MinimumPairsForInterval"/> pairs give an answer with a reason and no ρ.
    /// The same indicator twice, an area without children or an indicator with no data at the children's level give an
    /// answer with no pairs and a reason naming the parameter to change.
    /// </summary>
    /// <exception cref="QueryException">No second indicator, or an unknown indicator, area or period.</exception>
    public BivariateAnswer Bivariate(string? x, string? periodX, string? y, string? periodY, string? code)
    {
        if (string.IsNullOrWhiteSpace(y))
        {
            throw QueryException.Bad("with", "Give the second indicator to set beside the first"
                + (Dataset.Indicators.Count > 1 ? $", e.g. {Dataset.Indicators[1].Definition.Id}." : "; this dataset has only one, so upload another."));
        }

        var first = Side(x, periodX, "indicator", "periodX");
        var second = Side(y, periodY, "with", "periodY");
        var area = Area(code);
        var unusable = WhyNoPairs(first, second, area);
        if (unusable is not null)
        {
            var none = SpearmanCorrelation.Compute([], []) with { Reason = unusable };
            return new BivariateAnswer(first, second, area, area.ChildCodes.Count, 0, 0, [], none, unusable);
        }

        var ys = second.View.Children(area.Code).ToDictionary(r => r.Area.Code, StringComparer.Ordinal);
        var rows = first.View.Children(area.Code).ToArray();
        var suppressed = 0;
        var noValue = 0;
        var kept = new List<(Area Area, double X, double Y)>();
        foreach (var rx in rows)
        {
            var ry = ys.GetValueOrDefault(rx.Area.Code);
            if (rx.Suppression != SuppressionReason.None || ry?.Suppression is { } s && s != SuppressionReason.None)
            {
                suppressed++;
            }
            else if (IndicatorColumns.Published(rx.Value) is { } vx && IndicatorColumns.Published(ry?.Value) is { } vy)
            {
                kept.Add((rx.Area, vx, vy));
            }
            else
            {
                noValue++;
            }
        }

        double[] xs = [.. kept.Select(k => k.X)];
        double[] yv = [.. kept.Select(k => k.Y)];
        var spearman = SpearmanCorrelation.Compute(xs, yv);
        var enough = kept.Count >= SpearmanCorrelation.MinimumPairsForInterval;
        var classes = enough ? BivariateClass.Of(xs, yv) : null;
        var pairs = kept.Select((k, i) => new BivariatePair(k.Area, k.X, k.Y, classes?[i])).ToArray();
        var left = suppressed + noValue == 0 ? "" : $" ({suppressed} suppressed and {noValue} without a value in either indicator were left out)";
        var reason = !enough
            ? $"{kept.Count} of the {rows.Length} children of {area.Code} have a published value of both indicators{left}: ρ, its interval "
                + $"and the tertile classes need at least {SpearmanCorrelation.MinimumPairsForInterval}."
            : spearman.Reason is { } why ? why + left : null;
        return new BivariateAnswer(first, second, area, rows.Length, suppressed, noValue, pairs,
            enough ? spearman : spearman with { Rho = null, Lower = null, Upper = null, Reason = reason }, reason);
    }

    /// <summary>Why the children of <paramref name="area"/> cannot pair the two indicators, naming the parameter to change; null when they can.</summary>
    private static string? WhyNoPairs(PublishedIndicator first, PublishedIndicator second, Area area)
    {
        if (string.Equals(first.Definition.Id, second.Definition.Id, StringComparison.OrdinalIgnoreCase))
        {
            return $"with: indicator '{first.Definition.Id}' is given twice; a bivariate map needs two different indicators "
                + "(an indicator's rank correlation with itself is 1 by definition).";
        }

        if (area.ChildCodes.Count == 0)
        {
            return $"code: area '{area.Code}' is a {area.Level.ToName()} and has no children to compare; choose the area above it.";
        }

        var childLevel = (Core.Geography.Level)((int)area.Level + 1);
        foreach (var (published, parameter) in new[] { (first, "indicator"), (second, "with") })
        {
            var dataLevel = published.Engine.Source.DataLevel;
            if (dataLevel < childLevel)
            {
                return $"{parameter}: indicator '{published.Definition.Id}' is published by {dataLevel.ToName()}, so the "
                    + $"{childLevel.ToName()}s of {area.Code} have no values of their own; choose an area above the {dataLevel.ToName()}s.";
            }
        }

        return null;
    }

    /// <summary><see cref="Indicator"/>, with its faults renamed to the parameters of one side of the pair.</summary>
    private PublishedIndicator Side(string? id, string? period, string idParameter, string periodParameter)
    {
        try
        {
            return Indicator(id, period);
        }
        catch (QueryException e) when (e.Parameter is "indicator" or "period")
        {
            var parameter = e.Parameter == "indicator" ? idParameter : periodParameter;
            throw e.Fault == QueryFault.NotFound ? QueryException.NotFound(parameter, e.Title, e.Message) : QueryException.Bad(parameter, e.Message);
        }
    }
}
