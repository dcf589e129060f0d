namespace Geo.Core.Geography;

/// <summary>The lower-case level names used everywhere users see a level: CLI, API, exports.</summary>
public static class LevelNames
{
    /// <summary>The levels of the hierarchy, from the country down (every level but <see cref="Level.Catchment"/>).</summary>
    public static IReadOnlyList<Level> Hierarchy { get; } = [Level.Country, Level.System, Level.Icp, Level.Place, Level.Neighbourhood];

    public static string ToName(this Level level) => level switch
    {
        Level.Country => "country",
        Level.System => "system",
        Level.Icp => "icp",
        Level.Place => "place",
        Level.Neighbourhood => "neighbourhood",
        Level.Catchment => "catchment",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>A level of the hierarchy by the names users give it; "catchment" is not one.</summary>
    public static bool TryParse(string? name, out Level level)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "country": level = Level.Country; return true;
            case "system": case "ics": case "icb": level = Level.System; return true;
            case "icp": level = Level.Icp; return true;
            case "place": level = Level.Place; return true;
            case "neighbourhood": case "lsoa": level = Level.Neighbourhood; return true;
            default: level = default; return false;
        }
    }
}
