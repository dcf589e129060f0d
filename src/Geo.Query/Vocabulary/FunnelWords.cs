using Geo.Core.Statistics;

namespace Geo.Query.Vocabulary;

/// <summary>The words for a funnel plot's overdispersion adjustment (<c>funnel</c>), as every door accepts them. Stateless.</summary>
public static class FunnelWords
{
    public const string Help = "poisson (no adjustment), phi (limits widened by √φ, Spiegelhalter's multiplicative overdispersion) or "
        + "random-effects (additive DerSimonian-Laird τ²); default: random-effects when the test of overdispersion among the "
        + "neighbourhoods gives p < 0.05, else poisson";

    /// <summary>The adjustment named by <paramref name="text"/>; null (the test decides) when none is given.</summary>
    /// <exception cref="QueryException">Not an adjustment's name.</exception>
    public static FunnelAdjustment? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < Overdispersion.Words.Count; i++)
        {
            if (string.Equals(Overdispersion.Words[i], text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (FunnelAdjustment)i;
            }
        }

        throw QueryException.Bad("funnel", $"The funnel adjustment must be {string.Join(", ", Overdispersion.Words)}, not '{text}'.");
    }
}
