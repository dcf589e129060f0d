namespace Geo.Core.Inequality;

/// <summary>Empirically Bayes-smoothed rates. Immutable.</summary>
/// <param name="Rates">Smoothed rate of each area (per person, no multiplier), in input order.</param>
/// <param name="Weights">Each area's weight on its own crude rate, Cᵢ = A / (A + B/Nᵢ), between 0 and 1.</param>
/// <param name="PriorMean">B, the overall rate ΣO/ΣN that rates shrink toward.</param>
/// <param name="PriorVariance">A, the method-of-moments variance of the true rates (0 when the crude rates vary no more than chance).</param>
public sealed record EmpiricalBayesResult(IReadOnlyList<double> Rates, IReadOnlyList<double> Weights, double PriorMean, double PriorVariance);
