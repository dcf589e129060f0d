namespace Geo.Data.Manifest;

/// <summary>
/// One JSON file describing a dataset: which files hold the neighbourhood boundaries, the hierarchy
/// lookup, ICPs, population and deprivation, and which of their fields mean what. Paths are relative
/// to the manifest's folder, or to <c>--data-root</c> when given. See docs/data.md.
/// </summary>
public sealed class DatasetManifest
{
    public required string Name { get; init; }

    public bool Synthetic { get; init; }

    public string? BoundaryVintage { get; init; }

    public string CountryCode { get; init; } = "E92000001";

    public string CountryName { get; init; } = "England";

    public required BoundarySpec Neighbourhoods { get; init; }

    public required HierarchySpec Hierarchy { get; init; }

    public IcpSpec? Icps { get; init; }

    public PopulationSpec? Population { get; init; }

    public DeprivationSpec? Deprivation { get; init; }

    public IReadOnlyList<IndicatorSpec> Indicators { get; init; } = [];

    /// <summary>Optional flow table (residents of each neighbourhood using each provider): the source of catchments.</summary>
    public FlowSpec? Flows { get; init; }

    /// <summary>The small-number rule for everything shown or exported; counts 1 to 7 when omitted.</summary>
    public SuppressionSpec? Suppression { get; init; }
}

/// <summary>Counts from <see cref="Minimum"/> to <see cref="Maximum"/> are suppressed (and every figure derived from them).</summary>
public sealed class SuppressionSpec
{
    public int Minimum { get; init; } = 1;

    public int Maximum { get; init; } = 7;
}

/// <summary>The neighbourhood boundary file: GeoJSON, ESRI Shapefile (.shp) or GeoPackage (.gpkg).</summary>
public sealed class BoundarySpec
{
    public required string Path { get; init; }

    /// <summary>GeoPackage layer (table) name; the first feature layer when omitted.</summary>
    public string? Layer { get; init; }

    public required string CodeField { get; init; }

    public string? NameField { get; init; }

    /// <summary>CRS to assume when the file doesn't say, e.g. <c>EPSG:27700</c> or <c>EPSG:4326</c>.</summary>
    public string? Crs { get; init; }
}

/// <summary>The lookup CSV from neighbourhood to place (district) and system (ICB).</summary>
public sealed class HierarchySpec
{
    public required string Path { get; init; }

    public required string Neighbourhood { get; init; }

    public string? NeighbourhoodName { get; init; }

    public required string PlaceCode { get; init; }

    public required string PlaceName { get; init; }

    public required string SystemCode { get; init; }

    public required string SystemName { get; init; }
}

/// <summary>The optional ICP CSV: one row per place of a system that has area ICPs.</summary>
public sealed class IcpSpec
{
    public required string Path { get; init; }

    public required string System { get; init; }

    public required string IcpCode { get; init; }

    public required string IcpName { get; init; }

    public required string Place { get; init; }
}

/// <summary>Population CSV with one column per age band.</summary>
public sealed class PopulationSpec
{
    public required string Path { get; init; }

    public required string Neighbourhood { get; init; }

    public required IReadOnlyList<BandColumn> Bands { get; init; }
}

/// <summary>Which column holds which age band, e.g. <c>{"column": "Aged 85 years and over", "band": "85+"}</c>.</summary>
public sealed class BandColumn
{
    public required string Column { get; init; }

    public required string Band { get; init; }
}

/// <summary>Deprivation CSV: national decile (1 = most deprived) and optionally the score.</summary>
public sealed class DeprivationSpec
{
    public required string Path { get; init; }

    public required string Neighbourhood { get; init; }

    public required string Decile { get; init; }

    public string? Score { get; init; }
}

/// <summary>
/// A flow table CSV: one row per provider and neighbourhood with how many of the neighbourhood's residents use the
/// provider (patients registered at a GP practice by their LSOA of residence, say). See docs/data.md, "Flows".
/// </summary>
public sealed class FlowSpec
{
    public required string Path { get; init; }

    /// <summary>What the providers are, for people ("GP practices").</summary>
    public string Providers { get; init; } = "providers";

    /// <summary>What the counts are ("patients registered, July 2022").</summary>
    public string Counts { get; init; } = "people";

    /// <summary><c>neighbourhood</c> (2021 LSOA codes, the default) or <c>neighbourhood-2011</c> (mapped through
    /// <see cref="Lsoa11Lookup"/> by population share).</summary>
    public string AreaLevel { get; init; } = "neighbourhood";

    /// <summary>Column of provider codes.</summary>
    public required string Provider { get; init; }

    /// <summary>Optional column of provider names; the code is the name without it.</summary>
    public string? ProviderName { get; init; }

    /// <summary>Column of neighbourhood codes.</summary>
    public required string Area { get; init; }

    /// <summary>Column of counts of people.</summary>
    public required string Count { get; init; }

    /// <summary>The LSOA 2011 → 2021 lookup; required for <c>neighbourhood-2011</c>.</summary>
    public Lsoa11LookupSpec? Lsoa11Lookup { get; init; }
}
