using Geo.Model.Quality;

namespace Geo.Api.Apis;

/// <summary>What lies behind one area's value of an indicator (docs/methods.md, "Data quality").</summary>
/// <param name="Command">The request's own URL, to get the answer again.</param>
public sealed record AreaQualityDto(
    string Dataset,
    bool Synthetic,
    string Indicator,
    string IndicatorName,
    string Period,
    string Command,
    AreaQuality Quality);
