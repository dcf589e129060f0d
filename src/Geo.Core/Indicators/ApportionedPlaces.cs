using Geo.Core.Geography;

namespace Geo.Core.Indicators;

/// <summary>
/// The partial places whose figures were apportioned from their district: for data published by district
/// (<see cref="IndicatorSource.DataLevel"/> place), every partial place holding a record got it by sharing the
/// district's figures among the district's parts by population (the importer's work; docs/methods.md, "District data on
/// partial places"), since a district file names no partial place. Says so on the rows and in the method, and tells the
/// suppression which parts stand or fall together. Stateless.
/// </summary>
internal static class ApportionedPlaces
{
    /// <summary>The sentence added to the method of an indicator with apportioned places.</summary>
    public const string Method = "Districts split between systems have their published figures apportioned to their parts "
        + "(partial places) by the 2021 population of each part's neighbourhoods: counts and denominators are shared by "
        + "population share (band by band for age-specific data) and a score is carried to each part, so a part's value "
        + "is its district's, never a measurement of the part; the parts are suppressed together.";

    /// <summary>Partial place code → district code, for the partial places holding records of place-level data; empty
    /// for neighbourhood data.</summary>
    public static IReadOnlyDictionary<string, string> Of(Geography.Geography geography, IndicatorSource source)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (source.DataLevel != Level.Place)
        {
            return result;
        }

        foreach (var record in source.Records)
        {
            if (!result.ContainsKey(record.Area) && geography.Find(record.Area) is { Level: Level.Place, IsPartial: true, DistrictCode: { } district })
            {
                result[record.Area] = district;
            }
        }

        return result;
    }

    /// <summary>The note on an apportioned row.</summary>
    public static string Note(string district) => $"apportioned from district {district} by population";
}
