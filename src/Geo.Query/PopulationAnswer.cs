using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Sources;

namespace Geo.Query;

/// <summary>An area's resident population by age band, summed from its neighbourhoods, beside the country's shares.</summary>
/// <param name="Bands">Each band with the area's count and its share of the area's total, and the country's share.</param>
/// <param name="Sex">Why there is no split by sex (the population file has persons only); null if there were one.</param>
/// <param name="Reason">Why there is no population at all (the dataset has no population file); null otherwise.</param>
public sealed record PopulationAnswer(Area Area, double Total, double CountryTotal, IReadOnlyList<PopulationBand> Bands, string? Sex, string? Reason);

/// <param name="Share">Count over the area's total (0 when it has nobody).</param>
/// <param name="CountryShare">The country's count in the band over its total.</param>
public sealed record PopulationBand(AgeBand Band, double Count, double Share, double CountryShare);

/// <summary>An area's age-specific rates of an indicator beside the country's (England's), or the reason there are none.</summary>
/// <param name="Area">The area's rates; null with <paramref name="Reason"/>.</param>
/// <param name="Country">The country's rates, the benchmark; null with <paramref name="Reason"/>.</param>
/// <param name="Reason">Why the indicator has no age-specific rates; null when it has.</param>
/// <param name="Withheld">Why the area's rates are withheld, when they are; null when shown.</param>
public sealed record AgeRatesAnswer(
    PublishedIndicator Indicator,
    Area Place,
    AgeSpecificRates? Area,
    AgeSpecificRates? Country,
    string? Reason,
    string? Withheld);
