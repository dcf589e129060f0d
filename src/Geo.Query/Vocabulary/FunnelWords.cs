using Geo.Core.Statistics;

namespace Geo.Query.Vocabulary;

/// <summary>The words for a funnel plot's overdispersion adjustment (<c>funnel</c>), as every door accepts them. Stateless.</summary>
public static class FunnelWords
{
    public const string Help = "poisson (no adjustment), phi (limits widened by √φ, Spiegelhalter's multiplicative overdispersion), "
        + "random-effects (additive DerSimonian-Laird τ²) or test (random-effects when the test of overdispersion gives p < 0.05, "
        + "else poisson); default: test among the neighbourhoods";

    /// <summary>The same words for rows of areas (children, a level, an export), whose default is the plain limits.</summary>
    public const string RowsHelp = "Funnel limits of the rows, with overdispersion estimated among them: poisson (default: the exact "
        + "limits), phi (limits widened by √φ, Spiegelhalter's multiplicative overdispersion), random-effects (additive "
        + "DerSimonian-Laird τ²) or test (random-effects when the test of overdispersion gives p < 0.05, else poisson)";

    /// <summary>The word that leaves the choice to the test of overdispersion.</summary>
    public const string Test = "test";

    /// <summary>The adjustment named by <paramref name="text"/>; null (the test decides) when none is given or "test".</summary>
    /// <exception cref="QueryException">Not an adjustment's name.</exception>
    public static FunnelAdjustment? Parse(string? text)
    {
        if (text is null || string.Equals(text.Trim(), Test, StringComparison.OrdinalIgnoreCase))
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

        throw QueryException.Bad("funnel", $"The funnel adjustment must be {string.Join(", ", Overdispersion.Words)} or {Test}, not '{text}'.");
    }
}
