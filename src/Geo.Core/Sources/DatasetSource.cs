using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;

namespace Geo.Core.Sources;

/// <summary>
/// Everything a dataset is built from, as read from its files (or generated for the demo), before the
/// hierarchy is built or any geometry is checked. File names travel with the records for messages.
/// </summary>
public sealed class DatasetSource
{
    public required string Name { get; init; }

    /// <summary>True for generated, fictional data: every surface that shows it says so.</summary>
    public bool Synthetic { get; init; }

    /// <summary>What the neighbourhood boundaries are, e.g. "LSOA 2021 (BSC V4)".</summary>
    public required string BoundaryVintage { get; init; }

    public string CountryCode { get; init; } = "E92000001";

    public string CountryName { get; init; } = "England";

    public required IReadOnlyList<NeighbourhoodBoundary> Boundaries { get; init; }

    public required string BoundaryFile { get; init; }

    public required IReadOnlyList<HierarchyRecord> Hierarchy { get; init; }

    public required string HierarchyFile { get; init; }

    /// <summary>Empty when the dataset has no ICP file: each system then has one ICP.</summary>
    public IReadOnlyList<IcpRecord> Icps { get; init; } = [];

    public string? IcpFile { get; init; }

    public IReadOnlyList<AgeBand> AgeBands { get; init; } = [];

    public IReadOnlyList<PopulationRecord> Population { get; init; } = [];

    public string? PopulationFile { get; init; }

    public IReadOnlyList<DeprivationRecord> Deprivation { get; init; } = [];

    public string? DeprivationFile { get; init; }

    /// <summary>The indicators of the dataset, imported but not yet aggregated.</summary>
    public IReadOnlyList<IndicatorSource> Indicators { get; init; } = [];

    /// <summary>The flow table catchments are built from; null when the dataset has none.</summary>
    public FlowSource? Flows { get; init; }

    /// <summary>The small-number rule applied to everything that leaves the indicator engine.</summary>
    public SuppressionPolicy Suppression { get; init; } = SuppressionPolicy.Default;
}
