using System.Diagnostics.CodeAnalysis;

namespace Geo.Core.Statistics;

/// <summary>
/// A directly standardised rate, or the reason it was not calculated (OHID: none below 10 events).
/// Immutable.
/// </summary>
/// <param name="TotalCount">Events summed over the age bands.</param>
/// <param name="TotalPopulation">Population summed over the age bands.</param>
/// <param name="Estimate">The DSR and its Dobson limits; null when not calculated.</param>
/// <param name="Reason">Why there is no DSR; null when there is one.</param>
public sealed record DsrResult(double TotalCount, double TotalPopulation, Estimate? Estimate, string? Reason)
{
    /// <summary>Whether a DSR was calculated (then <see cref="Estimate"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Estimate))]
    public bool IsCalculated => Estimate is not null;
}
