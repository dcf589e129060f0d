namespace Geo.Core.Attribution;

/// <summary>
/// An estimated count and its registered-patient denominator after a provider's figure has been shared out over
/// neighbourhoods (see <see cref="ProviderAttribution"/>). Neither need be a whole number.
/// </summary>
/// <param name="Code">The neighbourhood's code (in <see cref="ProviderAttributionResult.Neighbourhoods"/>) or the
/// provider's (in <see cref="ProviderAttributionResult.Providers"/>).</param>
/// <param name="Numerator">The estimated count: Σ proportion × patients over the flows summed.</param>
/// <param name="Denominator">The patients summed over the same flows.</param>
/// <param name="First">The first code that contributed: the first provider of a neighbourhood, the first
/// neighbourhood of a provider (in the order of the flows); for messages.</param>
public readonly record struct AttributedFigure(string Code, double Numerator, double Denominator, string First);
