using Geo.Core.Geography;

namespace Geo.Query.Vocabulary;

/// <summary>The words for a level of the hierarchy, with their aliases, as every door accepts them. Stateless.</summary>
public static class LevelWords
{
    public const string Help = "country, system (or ics, icb), icp, place or neighbourhood (or lsoa)";

    /// <exception cref="QueryException">Not a level's name.</exception>
    public static Level Parse(string? text, string parameter = "level") => LevelNames.TryParse(text, out var level)
        ? level
        : throw QueryException.Bad(parameter, $"The level must be {Help}, not '{text}'.");
}
