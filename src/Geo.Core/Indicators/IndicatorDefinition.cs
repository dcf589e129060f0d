using Geo.Core.Statistics;

namespace Geo.Core.Indicators;

/// <summary>What an indicator is: its identity, how its value is computed and which direction is good.</summary>
/// <param name="Id">Stable identifier used in URLs and on the command line, e.g. <c>copd-emergency-admissions</c>.</param>
/// <param name="Multiplier">Scale of the value, e.g. 100,000 for a rate per 100,000, 100 for a percentage or an SAR.</param>
/// <param name="Unit">How to read the value, e.g. "per 100,000 population, directly age-standardised".</param>
/// <param name="Source">Where the data come from, as a person would cite it.</param>
public sealed record IndicatorDefinition(
    string Id,
    string Name,
    IndicatorValueType ValueType,
    double Multiplier,
    Polarity Polarity,
    string Unit,
    string Source);
