using Geo.Core.Sources;

namespace Geo.Core.Indicators;

/// <summary>One age band's rate of an area: count / denominator × multiplier, with the 95% Poisson limits of the count
/// (exact below 10 events, Byar's from 10) scaled the same way. Count, rate and limits are null when withheld.</summary>
public sealed record AgeSpecificRate(AgeBand Band, double? Count, double Denominator, double? Rate, double? Lower95, double? Upper95);

/// <summary>An area's age-specific rates, all shown or all withheld (<see cref="AgeSpecificView"/>).</summary>
/// <param name="Shown">False when any band of the area, or its total, is suppressed: then no band's count or rate is given.</param>
public sealed record AgeSpecificRates(string Area, bool Shown, IReadOnlyList<AgeSpecificRate> Bands);
