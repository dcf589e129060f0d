using Geo.Core.Inequality;

namespace Geo.Query.Vocabulary;

/// <summary>The words for the deciles of an inequality profile, as every door accepts them. Stateless.</summary>
public static class DecileWords
{
    /// <summary>national (the default) or local.</summary>
    /// <exception cref="QueryException">Neither.</exception>
    public static DecileBasis Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "national" => DecileBasis.National,
        "local" => DecileBasis.Local,
        _ => throw QueryException.Bad("deciles", $"The deciles must be national or local, not '{text}'."),
    };

    public static string Name(DecileBasis basis) => basis == DecileBasis.Local ? "local" : "national";
}
