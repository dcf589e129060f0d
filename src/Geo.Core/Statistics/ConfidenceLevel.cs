using System.Globalization;

namespace Geo.Core.Statistics;

/// <summary>
/// A two-sided confidence level such as 95% or 99.8%, with its standard normal quantile
/// <c>z = Φ⁻¹(1 - α/2)</c> (1.959964 for 95%, 3.090232 for 99.8%). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// OHID compares areas at 95% and 99.8% (roughly 2 and 3 standard deviations); funnel plots call the
/// same levels the 0.025 and 0.001 limits (one-sided tail probabilities).
/// </remarks>
public sealed record ConfidenceLevel
{
    /// <summary>Creates a level from a fraction strictly between 0 and 1 (0.95, not 95).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    public ConfidenceLevel(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A confidence level is a fraction between 0 and 1, e.g. 0.95.");
        }

        Level = level;
        TailProbability = (1 - level) / 2;
        Z = NormalDistribution.InverseCdf(1 - TailProbability);
    }

    /// <summary>95%: z = 1.959964.</summary>
    public static ConfidenceLevel Percent95 { get; } = new(0.95);

    /// <summary>99.8%: z = 3.090232.</summary>
    public static ConfidenceLevel Percent99Point8 { get; } = new(0.998);

    /// <summary>The level as a fraction, e.g. 0.95.</summary>
    public double Level { get; }

    /// <summary>The probability in each tail, α/2 = (1 - level)/2, e.g. 0.025.</summary>
    public double TailProbability { get; }

    /// <summary>The standard normal quantile Φ⁻¹(1 - α/2).</summary>
    public double Z { get; }

    /// <summary>The level as analysts write it: "95%", "99.8%".</summary>
    public override string ToString() => (Level * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
