namespace Geo.Core.Attribution;

/// <summary>What <see cref="ProviderAttribution.Attribute"/> made, and what it could not place. Immutable.</summary>
public sealed class ProviderAttributionResult
{
    /// <summary>One figure per neighbourhood reached by a provider with a figure, in the order of the flows.</summary>
    public required IReadOnlyList<AttributedFigure> Neighbourhoods { get; init; }

    /// <summary>One figure per provider with both a figure and flows: what it gave out in all (its estimated count
    /// and its patients in the flow table), in the order of the flows. Σ over these = Σ over <see cref="Neighbourhoods"/>.</summary>
    public required IReadOnlyList<AttributedFigure> Providers { get; init; }

    /// <summary>Providers with a figure but no flow to any neighbourhood: nothing of theirs is placed. Sorted (ordinal).</summary>
    public required IReadOnlyList<string> WithoutFlows { get; init; }

    /// <summary>Providers with flows but no figure, with their patients: left out of numerators and denominators
    /// alike, so they do not dilute the proportion. Sorted by code (ordinal).</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> WithoutFigure { get; init; }
}
