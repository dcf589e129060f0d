namespace Geo.Core.Bivariate;

/// <summary>Spearman's rank correlation of n pairs with its confidence interval. Immutable.</summary>
/// <param name="N">Number of pairs.</param>
/// <param name="Rho">ρ, Pearson's correlation of the mid-ranks; null when it cannot be computed (see <paramref name="Reason"/>).</param>
/// <param name="Lower">Lower limit of the interval; null when n &lt; 4 or ρ is null.</param>
/// <param name="Upper">Upper limit of the interval; null when n &lt; 4 or ρ is null.</param>
/// <param name="Level">The interval's confidence level, e.g. 0.95.</param>
/// <param name="Reason">Why ρ or its interval is missing; null when both are given.</param>
public sealed record SpearmanResult(int N, double? Rho, double? Lower, double? Upper, double Level, string? Reason);
