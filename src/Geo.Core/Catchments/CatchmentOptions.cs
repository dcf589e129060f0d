namespace Geo.Core.Catchments;

/// <summary>The method and threshold of a set of catchments. Immutable.</summary>
public sealed record CatchmentOptions
{
    /// <summary>The share of a neighbourhood's flow a provider needs for proportional-flow membership when none is given.</summary>
    public const double DefaultThreshold = 0.3;

    /// <summary>Shares are compared with the threshold allowing this much rounding, so that 3 of 10 is 30%.</summary>
    public const double ShareTolerance = 1e-12;

    /// <summary>Proportional flow at 30%.</summary>
    public static CatchmentOptions Default { get; } = new();

    public CatchmentMethod Method { get; init; } = CatchmentMethod.ProportionalFlow;

    /// <summary>For proportional flow: the least share (0 &lt; threshold ≤ 1) of a neighbourhood's flow that makes it a
    /// member. Not used by first past the post.</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>Why the options cannot be used, or null when they can.</summary>
    public string? Problem() => Method == CatchmentMethod.ProportionalFlow && !(Threshold > 0 && Threshold <= 1)
        ? $"The threshold must be more than 0 and at most 1 (a share of the neighbourhood's flow), not {Threshold}."
        : null;

    /// <summary>The method and threshold in words, for metadata.</summary>
    public string Describe() => Method == CatchmentMethod.ProportionalFlow
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"proportional flow: a neighbourhood is in every catchment of a provider used by at least {Threshold:0.###} of its residents who use any; members weighted by that share")
        : "first past the post: each neighbourhood in the catchment of the provider used by most of its residents (ties to the first provider code); members count whole";
}
