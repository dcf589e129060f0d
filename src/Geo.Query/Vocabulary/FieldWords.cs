using Geo.Core.Indicators;

namespace Geo.Query.Vocabulary;

/// <summary>
/// The words for a choice of a published row's columns (<c>fields</c>): their names in <see cref="IndicatorColumns"/>,
/// comma-separated, in the order wanted; case does not matter and a repeated name counts once. Stateless.
/// </summary>
public static class FieldWords
{
    public const string Help = "Comma-separated names of the columns wanted (those of geo export, listed in metadata.columns), "
        + "in the order wanted";

    /// <summary>The columns a compact answer (format=columns) has when no fields are given: enough to colour, rank and
    /// say why a value is missing.</summary>
    public const string CompactDefault = "code,value,lower95,upper95,vs_england,suppressed";

    /// <summary>Every column's name, in order, for the refusals.</summary>
    private static readonly string Names = string.Join(", ", IndicatorColumns.All.Select(c => c.Name));

    /// <summary>The columns named by <paramref name="text"/>; <paramref name="otherwise"/> (every column when null) when no
    /// fields are given.</summary>
    /// <exception cref="QueryException">A name that is no column's, or an empty name.</exception>
    public static IReadOnlyList<IndicatorColumn> Parse(string? text, string? otherwise = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return otherwise is null ? IndicatorColumns.All : Parse(otherwise);
        }

        var chosen = new List<IndicatorColumn>();
        foreach (var word in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var column = IndicatorColumns.All.FirstOrDefault(c => string.Equals(c.Name, word, StringComparison.OrdinalIgnoreCase))
                ?? throw QueryException.Bad("fields", word.Length == 0
                    ? $"The fields '{text}' have an empty name; the fields are {Names}."
                    : $"There is no field '{word}'; the fields are {Names}.");
            if (!chosen.Contains(column))
            {
                chosen.Add(column);
            }
        }

        return chosen;
    }
}
