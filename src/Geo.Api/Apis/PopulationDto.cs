namespace Geo.Api.Apis;

/// <summary>An area's resident population by age band (the pyramid under the click), beside the country's shares.</summary>
/// <param name="Sex">Why the bands are of persons (the file has no split by sex).</param>
/// <param name="Reason">Why there are no bands (the dataset has no population); null otherwise.</param>
public sealed record PopulationDto(
    string Dataset,
    bool Synthetic,
    string Area,
    string Name,
    string Level,
    double Total,
    string Country,
    double CountryTotal,
    IReadOnlyList<PopulationBandDto> Bands,
    string? Sex,
    string? Reason);

/// <param name="Share">Count over the area's total.</param>
/// <param name="CountryShare">The country's count in the band over its total.</param>
public sealed record PopulationBandDto(string Band, double Count, double Share, double CountryShare);

/// <summary>An area's age-specific rates of an indicator beside the country's (England's), or the reason there are none.</summary>
/// <param name="Shown">Whether the area's counts and rates are given (all bands or none).</param>
/// <param name="Reason">Why the indicator has no age-specific rates; null when it has.</param>
/// <param name="Withheld">Why the area's rates are withheld; null when shown.</param>
public sealed record AgeRatesDto(
    string Dataset,
    bool Synthetic,
    string Indicator,
    string IndicatorName,
    string Period,
    string Area,
    string Name,
    string Country,
    string Unit,
    string Method,
    string SuppressionRule,
    string Command,
    bool Shown,
    IReadOnlyList<AgeRateDto> Bands,
    string? Reason,
    string? Withheld);

/// <summary>One band: the area's count, population, rate and 95% limits (null when withheld), and the country's.</summary>
public sealed record AgeRateDto(
    string Band,
    double? Count,
    double? Denominator,
    double? Rate,
    double? Lower95,
    double? Upper95,
    double? CountryRate,
    double? CountryLower95,
    double? CountryUpper95);
