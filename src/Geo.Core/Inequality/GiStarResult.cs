namespace Geo.Core.Inequality;

/// <summary>Getis-Ord Gi* of one area. Immutable value.</summary>
/// <param name="Z">The Gi* z-score; NaN when undefined (all values equal, or the area neighbours every other area).</param>
/// <param name="P">Two-sided p-value from the standard normal; 1 when Z is undefined.</param>
/// <param name="Q">Benjamini-Hochberg adjusted p-value over all areas.</param>
/// <param name="Class">Hot spot, cold spot or not significant at the false discovery rate asked.</param>
public readonly record struct GiStarResult(double Z, double P, double Q, HotspotClass Class);
