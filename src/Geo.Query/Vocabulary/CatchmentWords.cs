using System.Globalization;
using Geo.Core.Catchments;

namespace Geo.Query.Vocabulary;

/// <summary>The words for a catchment method and its threshold, as every door accepts them. Stateless.</summary>
public static class CatchmentWords
{
    public const string MethodHelp = "proportional (default): every provider used by at least the threshold share of a neighbourhood's "
        + "residents who use any; fptp: first past the post, the provider used by most (ties to the first code).";

    public const string ThresholdHelp = "For proportional: the least share of a neighbourhood's flow that makes it a member, "
        + "more than 0 and at most 1 (default 0.3). Ignored by fptp.";

    /// <summary>The options named by <paramref name="method"/> (proportional when none) and <paramref name="threshold"/>
    /// (invariant culture; 0.3 when none; not read for first past the post).</summary>
    /// <exception cref="QueryException">An unknown method, or a threshold that is not a number in (0, 1] (with either method).</exception>
    public static CatchmentOptions Parse(string? method, string? threshold)
    {
        var parsed = method?.Trim().ToLowerInvariant() switch
        {
            null or "proportional" => CatchmentMethod.ProportionalFlow,
            "fptp" => CatchmentMethod.FirstPastThePost,
            _ => throw QueryException.Bad("method", $"The catchment method must be proportional or fptp, not '{method}'."),
        };
        var share = CatchmentOptions.DefaultThreshold;
        if (threshold is not null)
        {
            // checked whichever the method, so that a bad one is never silently ignored; only proportional uses it
            if (!double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var given) || !(given > 0 && given <= 1))
            {
                throw QueryException.Bad("threshold",
                    $"The threshold must be a number more than 0 and at most 1 (a share of the neighbourhood's flow, e.g. 0.3), not '{threshold}'.");
            }

            share = parsed == CatchmentMethod.ProportionalFlow ? given : share;
        }

        return new CatchmentOptions { Method = parsed, Threshold = share };
    }

    /// <summary>"proportional" or "fptp".</summary>
    public static string Name(CatchmentMethod method) => method == CatchmentMethod.ProportionalFlow ? "proportional" : "fptp";
}
