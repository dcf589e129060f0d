namespace Geo.Core.Sources;

/// <summary>
/// A flow table as imported: for each provider and neighbourhood, how many of the neighbourhood's residents use
/// the provider; the raw material of catchments. Immutable once built; thread-safe to read.
/// </summary>
public sealed class FlowSource
{
    /// <summary>What the providers are, for people, e.g. "GP practices".</summary>
    public required string Providers { get; init; }

    /// <summary>What the counts are, e.g. "patients registered, July 2022".</summary>
    public string Counts { get; init; } = "people";

    /// <summary>Each provider's name by code (codes compare ignoring case); every provider of <see cref="Flows"/> is here.</summary>
    public required IReadOnlyDictionary<string, string> ProviderNames { get; init; }

    /// <summary>The flows, on the dataset's (2021) neighbourhoods.</summary>
    public required IReadOnlyList<ProviderFlow> Flows { get; init; }

    /// <summary>The file the flows were read from (or "demo:…" for generated ones).</summary>
    public required string File { get; init; }

    /// <summary>What the import did: rows read, codes skipped, 2011 codes mapped.</summary>
    public IReadOnlyList<string> ImportNotes { get; init; } = [];
}
