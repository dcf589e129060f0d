using Geo.Data.Manifest;

namespace Geo.Data.Tests.Indicators;

/// <summary>Copies of manifest file entries with one thing changed, for tests of bad entries.</summary>
internal static class IndicatorFileSpecs
{
    /// <summary>A copy with the given properties replaced; "" clears a property.</summary>
    public static IndicatorFileSpec With(this IndicatorFileSpec f, string? format = null, string? areaLevel = null,
        string? blankNumerator = null, string? ageBand = null, string? period = null) => new()
        {
            Path = f.Path,
            Format = format ?? f.Format,
            AreaLevel = areaLevel ?? f.AreaLevel,
            Area = f.Area,
            Period = Replace(period, f.Period),
            FixedPeriod = f.FixedPeriod,
            AgeBand = Replace(ageBand, f.AgeBand),
            Sex = f.Sex,
            Numerator = f.Numerator,
            Numerators = f.Numerators,
            BlankNumerator = Replace(blankNumerator, f.BlankNumerator),
            Denominator = f.Denominator,
            Value = f.Value,
            IndicatorId = f.IndicatorId,
            SexValue = f.SexValue,
            AgeValue = f.AgeValue,
            Filter = f.Filter,
            Lsoa11Lookup = f.Lsoa11Lookup,
        };

    private static string? Replace(string? replacement, string? current) => replacement switch
    {
        null => current,
        "" => null,
        _ => replacement,
    };
}
