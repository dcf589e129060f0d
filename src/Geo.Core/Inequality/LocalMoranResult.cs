namespace Geo.Core.Inequality;

/// <summary>Local Moran's I of one area with its analytic randomisation moments. Immutable value.</summary>
/// <param name="I">Iᵢ = zᵢ Σⱼ wᵢⱼ zⱼ / m₂ with row-standardised weights.</param>
/// <param name="Expected">E[Iᵢ] under randomisation: −1/(n − 1) (0 for an island).</param>
/// <param name="Variance">Var[Iᵢ] under randomisation (Anselin 1995).</param>
/// <param name="Z">(Iᵢ − E[Iᵢ]) / √Var[Iᵢ]; NaN for an island.</param>
/// <param name="P">Two-sided p-value from the standard normal; 1 when Z is undefined.</param>
/// <param name="Q">Benjamini-Hochberg adjusted p-value over all areas.</param>
/// <param name="Class">Cluster or outlier type when significant at the false discovery rate asked.</param>
public readonly record struct LocalMoranResult(double I, double Expected, double Variance, double Z, double P, double Q, MoranClass Class);
