using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;

namespace Geo.Api.Apis;

/// <summary>
/// Compares two areas' published values as independent estimates (docs/methods.md, "Comparing two
/// areas"): significant when |a − b| &gt; z·√(se_a² + se_b²), each se taken from the area's own 95%
/// interval as (upper − lower) / (2 × 1.959964). An approximation where intervals are asymmetric
/// (Poisson and Wilson limits at small counts). Nested areas are not independent and are not compared;
/// nor are suppressed areas or areas without an interval. Stateless.
/// </summary>
public static class PairSignificance
{
    public const double Z95 = 1.959964;
    public const double Z998 = 3.090232;

    public const string Compared = "compared";
    public const string Nested = "not compared (nested)";
    public const string NotCompared = "not compared";

    public const string Description =
        "Two areas differ significantly when |a - b| > z * sqrt(se_a^2 + se_b^2), z = 1.959964 (95%) or 3.090232 (99.8%), "
        + "each se = (upper95 - lower95) / (2 * 1.959964) from the area's own 95% interval. This treats the estimates as "
        + "independent and their intervals as symmetric, an approximation where intervals are asymmetric (small counts). "
        + "Nested areas (one inside the other) are not independent and are not compared; nor are suppressed areas or areas "
        + "without a value and interval. See docs/methods.md, \"Comparing two areas\".";

    public static ComparePairDto Compare(IndicatorRow a, IndicatorRow b, Geography geography)
    {
        if (IsInside(a.Area, b.Area, geography) || IsInside(b.Area, a.Area, geography))
        {
            return NotComparedPair(a, b, Nested, "one area lies inside the other, so their estimates are not independent");
        }

        if (a.Suppression != SuppressionReason.None || b.Suppression != SuppressionReason.None)
        {
            var hidden = a.Suppression != SuppressionReason.None ? a.Area.Code : b.Area.Code;
            return NotComparedPair(a, b, NotCompared, $"{hidden} is suppressed");
        }

        if (Estimate(a) is not { } ea || Estimate(b) is not { } eb)
        {
            var missing = Estimate(a) is null ? a.Area.Code : b.Area.Code;
            return NotComparedPair(a, b, NotCompared, $"{missing} has no value with a 95% interval");
        }

        return Significance(a.Area.Code, ea, b.Area.Code, eb);
    }

    /// <summary>Two disjoint groups' values (e.g. Core20 and the rest of an area): independent, so always compared when both have a value and interval.</summary>
    public static ComparePairDto Compare(string a, double? valueA, double? lowerA, double? upperA, string b, double? valueB, double? lowerB, double? upperB)
    {
        if (Estimate(valueA, lowerA, upperA) is not { } ea || Estimate(valueB, lowerB, upperB) is not { } eb)
        {
            var missing = Estimate(valueA, lowerA, upperA) is null ? a : b;
            return new ComparePairDto(a, b, NotCompared, null, null, null, null, null, $"{missing} has no value with a 95% interval");
        }

        return Significance(a, ea, b, eb);
    }

    private static ComparePairDto Significance(string a, (double Value, double Se) ea, string b, (double Value, double Se) eb)
    {
        var difference = ea.Value - eb.Value;
        var se = Math.Sqrt((ea.Se * ea.Se) + (eb.Se * eb.Se));
        var gap = Math.Abs(difference);
        return new ComparePairDto(a, b, Compared, difference, se, se > 0 ? gap / se : null, gap > Z95 * se, gap > Z998 * se, null);
    }

    private static (double Value, double Se)? Estimate(IndicatorRow row) => Estimate(row.Value, row.Lower95, row.Upper95);

    private static (double Value, double Se)? Estimate(double? value, double? lower, double? upper) =>
        value is { } v && lower is { } lo && upper is { } hi ? (v, (hi - lo) / (2 * Z95)) : null;

    private static bool IsInside(Area inner, Area outer, Geography geography) =>
        geography.Ancestors(inner).Any(a => string.Equals(a.Code, outer.Code, StringComparison.OrdinalIgnoreCase));

    private static ComparePairDto NotComparedPair(IndicatorRow a, IndicatorRow b, string status, string reason) =>
        new(a.Area.Code, b.Area.Code, status, null, null, null, null, null, reason);
}
