namespace Geo.Core.Sources;

/// <summary>
/// How many residents of one neighbourhood use one provider (patients registered at a GP practice, say), after
/// import: 2011 neighbourhoods already mapped to 2021 ones, so <see cref="Count"/> need not be whole.
/// </summary>
/// <param name="Provider">The provider's code (a GP practice's ODS code, say).</param>
/// <param name="Neighbourhood">The 2021 neighbourhood of residence.</param>
/// <param name="Count">Residents of the neighbourhood using the provider; 0 or more.</param>
/// <param name="Line">1-based line of the flow file, for messages.</param>
public readonly record struct ProviderFlow(string Provider, string Neighbourhood, double Count, long Line);
