namespace Geo.Core.Statistics;

/// <summary>
/// A proportion x / n (or percentage) with Wilson score confidence limits. Pure; thread-safe.
/// </summary>
/// <remarks>
/// Wilson (1927), as recommended by Newcombe (1998) and used by OHID and PHEindicatormethods
/// <c>phe_proportion</c>: with p = x/n and z = Φ⁻¹(1 - α/2),
/// limits = (2x + z² ∓ z √(z² + 4x(1 - p))) / (2(n + z²)), then × multiplier (1 for a proportion of 1,
/// 100 for a percentage). Unlike the normal ("Wald") interval it stays inside [0, 1] and behaves for
/// x = 0 or x = n. The numerator need not be whole (weighted counts).
/// </remarks>
public static class ProportionInterval
{
    /// <summary>The Wilson score interval for <paramref name="numerator"/> out of <paramref name="denominator"/>, as proportions of 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 0 ≤ numerator ≤ denominator, denominator &gt; 0, both finite.</exception>
    public static ConfidenceInterval CalculateWilson(double numerator, double denominator, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        Validate(numerator, denominator);
        var z = level.Z;
        var zSquared = z * z;
        var centre = (2 * numerator) + zSquared;
        var spread = z * Math.Sqrt(zSquared + (4 * numerator * (1 - (numerator / denominator))));
        var divisor = 2 * (denominator + zSquared);
        return new ConfidenceInterval((centre - spread) / divisor, (centre + spread) / divisor);
    }

    /// <summary>The proportion × <paramref name="multiplier"/> and its Wilson limits.</summary>
    /// <param name="multiplier">1 for a proportion of 1, 100 for a percentage.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not 0 ≤ numerator ≤ denominator, denominator &gt; 0, both finite.</exception>
    public static Estimate Calculate(double numerator, double denominator, double multiplier, ConfidenceLevel level)
    {
        CrudeRate.ValidatePositive(multiplier, nameof(multiplier));
        var interval = CalculateWilson(numerator, denominator, level).Scale(multiplier);
        return new Estimate(numerator / denominator * multiplier, interval.Lower, interval.Upper, level, IntervalMethod.Wilson);
    }

    private static void Validate(double numerator, double denominator)
    {
        CrudeRate.ValidatePositive(denominator, nameof(denominator));
        if (!(numerator >= 0) || numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(
                nameof(numerator), numerator, $"A proportion's numerator must be between 0 and its denominator ({denominator}).");
        }
    }
}
