using Geo.Core.Indicators.Suppression;

namespace Geo.Core.Indicators;

/// <summary>
/// Compares two published values as independent estimates (docs/methods.md, "Comparing two areas"): significant
/// when |a − b| &gt; z·√(se_a² + se_b²), z = 1.959964 (95%) or 3.090232 (99.8%), each se read from the value's own
/// 95% interval as (upper − lower) / (2 × 1.959964). Pure and thread-safe.
/// </summary>
/// <remarks>
/// One se from the whole width of an interval is an approximation where intervals are asymmetric (exact Poisson,
/// Byar's, Wilson and Dobson limits at small counts). Nested areas share events, so they are not independent and
/// are not compared (compare an area with its parent by its interval instead, <see cref="Statistics.Significance"/>);
/// suppressed values are not compared, or the verdict would leak them; nor are values without a 95% interval.
/// Rows passed in should be published ones (<see cref="IndicatorView"/>), so that suppression is known.
/// </remarks>
public static class PairSignificance
{
    /// <summary>The standard normal quantile of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959964;

    /// <summary>The standard normal quantile of a two-sided 99.8% interval.</summary>
    public const double Z998 = 3.090232;

    /// <summary>The rule in words, for API descriptions and export metadata.</summary>
    public const string Description =
        "Two areas differ significantly when |a - b| > z * sqrt(se_a^2 + se_b^2), z = 1.959964 (95%) or 3.090232 (99.8%), "
        + "each se = (upper95 - lower95) / (2 * 1.959964) from the area's own 95% interval. This treats the estimates as "
        + "independent and their intervals as symmetric, an approximation where intervals are asymmetric (small counts). "
        + "Nested areas (one inside the other) are not independent and are not compared; nor are suppressed areas or areas "
        + "without a value and interval. See docs/methods.md, \"Comparing two areas\".";

    /// <summary>
    /// Two areas' rows: not compared when one lies inside the other in <paramref name="geography"/> (checked first),
    /// when either is suppressed, or when either lacks a value or 95% interval.
    /// </summary>
    public static PairComparison Compare(IndicatorRow a, IndicatorRow b, Geography.Geography geography)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(geography);
        if (IsInside(a.Area, b.Area, geography) || IsInside(b.Area, a.Area, geography))
        {
            return NotCompared(a.Area.Code, b.Area.Code, PairStatus.Nested,
                "one area lies inside the other, so their estimates are not independent");
        }

        if (a.Suppression != SuppressionReason.None || b.Suppression != SuppressionReason.None)
        {
            var hidden = a.Suppression != SuppressionReason.None ? a.Area.Code : b.Area.Code;
            return NotCompared(a.Area.Code, b.Area.Code, PairStatus.NotCompared, $"{hidden} is suppressed");
        }

        return Compare(a.Area.Code, a.Value, a.Lower95, a.Upper95, b.Area.Code, b.Value, b.Lower95, b.Upper95);
    }

    /// <summary>
    /// Two disjoint groups' values (e.g. Core20 and the rest of an area): independent, so compared whenever both
    /// have a value and a 95% interval. The caller answers for their being disjoint and shown.
    /// </summary>
    public static PairComparison Compare(string a, double? valueA, double? lowerA, double? upperA,
        string b, double? valueB, double? lowerB, double? upperB)
    {
        if (StandardError(lowerA, upperA) is not { } seA || valueA is not { } va)
        {
            return NotCompared(a, b, PairStatus.NotCompared, $"{a} has no value with a 95% interval");
        }

        if (StandardError(lowerB, upperB) is not { } seB || valueB is not { } vb)
        {
            return NotCompared(a, b, PairStatus.NotCompared, $"{b} has no value with a 95% interval");
        }

        var difference = va - vb;
        var se = Math.Sqrt((seA * seA) + (seB * seB));
        var gap = Math.Abs(difference);
        return new PairComparison(a, b, PairStatus.Compared, difference, se, se > 0 ? gap / se : null, gap > Z95 * se, gap > Z998 * se, null);
    }

    private static double? StandardError(double? lower, double? upper) =>
        lower is { } lo && upper is { } hi ? (hi - lo) / (2 * Z95) : null;

    private static bool IsInside(Geography.Area inner, Geography.Area outer, Geography.Geography geography) =>
        geography.Ancestors(inner).Any(a => string.Equals(a.Code, outer.Code, StringComparison.OrdinalIgnoreCase));

    private static PairComparison NotCompared(string a, string b, PairStatus status, string reason) =>
        new(a, b, status, null, null, null, null, null, reason);
}
