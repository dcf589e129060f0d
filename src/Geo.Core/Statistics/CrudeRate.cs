namespace Geo.Core.Statistics;

/// <summary>
/// A crude rate O / N × multiplier (e.g. per 100,000) with Poisson confidence limits. Pure; thread-safe.
/// </summary>
/// <remarks>
/// The limits are the Poisson limits of the count O (<see cref="PoissonInterval.Calculate"/>: exact below
/// 10 events, Byar's from 10) divided by N and multiplied: [L/N × m, U/N × m]. This is the method of
/// OHID's "Public health indicator technical guidance" and of PHEindicatormethods <c>phe_rate</c>.
/// The count may exceed the denominator (events can recur: 250 admissions among 220 people).
/// </remarks>
public static class CrudeRate
{
    /// <summary>The rate and its limits for <paramref name="count"/> events in <paramref name="denominator"/> people (or person-years).</summary>
    /// <param name="multiplier">Scale of the result, e.g. 100,000 for a rate per 100,000.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative, the denominator not positive, or either not finite.</exception>
    public static Estimate Calculate(double count, double denominator, double multiplier, ConfidenceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        PoissonInterval.ValidateCount(count, nameof(count));
        ValidatePositive(denominator, nameof(denominator));
        ValidatePositive(multiplier, nameof(multiplier));
        var poisson = PoissonInterval.Calculate(count, level);
        var scale = multiplier / denominator;
        return new Estimate(count * scale, poisson.Lower * scale, poisson.Upper * scale, level, poisson.Method);
    }

    internal static void ValidatePositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"The {name} must be greater than zero and finite.");
        }
    }
}
