namespace Geo.Core.Indicators.ValueTypes;

/// <summary>
/// An area's figures as a <see cref="ValueTypeMethod"/> computes them from its sums, before comparisons. Null means
/// undefined (no population, too few events for the method, no interval for a score); <see cref="Note"/> says why
/// the value is missing when it is. Immutable value.
/// </summary>
/// <param name="Count">Events summed (null for a score).</param>
/// <param name="Denominator">The summed denominator (weights for a score).</param>
/// <param name="Expected">Events expected at the reference rates (null for a score).</param>
internal readonly record struct ValueFigures(
    double? Count,
    double Denominator,
    double? Expected,
    double? Value,
    double? Lower95,
    double? Upper95,
    double? Lower998,
    double? Upper998,
    string? Note)
{
    /// <summary>No value: the counts as summed, and why.</summary>
    public static ValueFigures Missing(double? count, double denominator, double? expected, string? note) =>
        new(count, denominator, expected, null, null, null, null, null, note);
}
