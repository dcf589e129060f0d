using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>
/// The answer of <c>GET /api/indicators/{x}/areas/{code}/bivariate?with={y}</c>: the children paired on two indicators,
/// Spearman's ρ with its 95% interval and each child's 3×3 class.
/// </summary>
/// <param name="X">The export metadata of the first indicator (period, method, suppression rule).</param>
/// <param name="Y">The export metadata of the second indicator.</param>
/// <param name="Area">The area whose children are paired.</param>
/// <param name="Children">How many children the area has.</param>
/// <param name="Suppressed">Children left out because either indicator's row is suppressed.</param>
/// <param name="NoValue">Children left out because either indicator has no value for them.</param>
/// <param name="Spearman">ρ and its interval; null figures when they cannot be computed.</param>
/// <param name="Pairs">The children paired, in code order.</param>
/// <param name="Method">How ρ, its interval and the classes are computed, in words.</param>
/// <param name="Reason">Why ρ, its interval or the classes are missing, naming the parameter to change; null otherwise.</param>
public sealed record BivariateDto(
    ExportMetadata X,
    ExportMetadata Y,
    AreaRefDto Area,
    int Children,
    int Suppressed,
    int NoValue,
    SpearmanDto Spearman,
    IReadOnlyList<BivariatePairDto> Pairs,
    string Method,
    string? Reason);

/// <summary>Spearman's rank correlation of the pairs.</summary>
/// <param name="N">Number of pairs.</param>
/// <param name="Rho">ρ, Pearson's correlation of the mid-ranks; null when it cannot be computed.</param>
/// <param name="Lower95">Lower 95% limit (Fisher z, Bonett–Wright standard error); null below 4 pairs.</param>
/// <param name="Upper95">Upper 95% limit; null below 4 pairs.</param>
public sealed record SpearmanDto(int N, double? Rho, double? Lower95, double? Upper95);

/// <summary>One child's published values and classes.</summary>
/// <param name="XClass">Tertile class of the first indicator, 1 (lowest third) to 3; null below 4 pairs.</param>
/// <param name="YClass">Tertile class of the second indicator; null below 4 pairs.</param>
/// <param name="BivariateClass">"x-y", e.g. "3-1": highest third of the first indicator, lowest of the second.</param>
public sealed record BivariatePairDto(string Code, string Name, double X, double Y, int? XClass, int? YClass, string? BivariateClass);
