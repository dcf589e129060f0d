using Geo.Core.Segmentation;

namespace Geo.Query.Vocabulary;

/// <summary>The words of a segmentation (<c>indicators</c>, <c>k</c>), as every door accepts them. Stateless.</summary>
public static class SegmentWords
{
    /// <summary>The most indicators one segmentation takes.</summary>
    public const int MaxIndicators = 10;

    /// <summary>The seed when none is given.</summary>
    public const int DefaultSeed = 1;

    public const string KHelp = "Number of clusters, 2 to 8, or auto (the default) to choose it by the highest mean silhouette";

    public const string IndicatorsHelp = "Two to ten indicator ids published by neighbourhood, separated by commas";

    /// <summary>The indicator ids named, trimmed, in the order given (duplicates kept, for the reason to name).</summary>
    /// <exception cref="QueryException">None, or more than <see cref="MaxIndicators"/>.</exception>
    public static IReadOnlyList<string> Indicators(string? words, string example)
    {
        var ids = (words ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            throw QueryException.Bad("indicators", $"Give two or more indicator ids separated by commas, e.g. {example}.");
        }

        if (ids.Length > MaxIndicators)
        {
            throw QueryException.Bad("indicators", $"{ids.Length} indicators are more than a profile can show; give at most {MaxIndicators}.");
        }

        return ids;
    }

    /// <summary>The k asked for; null for auto (or none).</summary>
    /// <exception cref="QueryException">Not auto or a whole number from <see cref="AreaSegmentation.MinK"/> to <see cref="AreaSegmentation.MaxK"/>.</exception>
    public static int? K(string? word)
    {
        if (string.IsNullOrWhiteSpace(word) || string.Equals(word.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(word.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)
            && k is >= AreaSegmentation.MinK and <= AreaSegmentation.MaxK
            ? k
            : throw QueryException.Bad("k", $"k must be a whole number from {AreaSegmentation.MinK} to {AreaSegmentation.MaxK} (a map shows at most "
                + $"{AreaSegmentation.MaxK} colour-blind-safe categorical colours), or auto to choose it by silhouette; not '{word}'.");
    }
}
