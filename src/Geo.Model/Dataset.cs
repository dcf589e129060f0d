using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Geo.Core.Catchments;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Inequality;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Reports;
using Geo.Core.Sources;
using Geo.Core.Trends;
using Geo.Spatial.Coverage;
using Geo.Spatial.Join;
using NetTopologySuite.Geometries;

namespace Geo.Model;

/// <summary>
/// A loaded dataset: the hierarchy, the boundary of every area (British National Grid metres, SRID
/// 27700; levels above the neighbourhood dissolved from it), population, deprivation and what loading
/// found. Immutable once built by the loader (Geo.Data.Loading.DatasetLoader) or the store (Geo.Postgres); safe to share between threads.
/// </summary>
public sealed class Dataset
{
    private readonly Lazy<NeighbourhoodPolygons> _neighbourhoods;
    private readonly Lazy<NeighbourhoodContiguity> _contiguity;
    private readonly ConcurrentDictionary<(string Id, int Pool), Lazy<IndicatorEngine>> _engines = new();
    private readonly ConcurrentDictionary<CatchmentOptions, Lazy<CatchmentSet>> _catchments = new();
    private readonly ConcurrentDictionary<(CatchmentOptions, string), Lazy<Geometry?>> _catchmentBoundaries = new();

    public Dataset()
    {
        _neighbourhoods = new(MakeNeighbourhoods);
        _contiguity = new(() => NeighbourhoodContiguity.Build(Neighbourhoods.Polygons));
    }

    public required string Name { get; init; }

    /// <summary>True for the generated demo: everything that shows it must say so.</summary>
    public required bool Synthetic { get; init; }

    public required string BoundaryVintage { get; init; }

    public required Geography Geography { get; init; }

    /// <summary>Boundary of each area by code, in British National Grid; absent for a neighbourhood
    /// that the lookup lists but the boundary file lacks (reported in <see cref="Report"/>).</summary>
    public required IReadOnlyDictionary<string, Geometry> Boundaries { get; init; }

    /// <summary>The age bands of <see cref="Population"/>, in column order.</summary>
    public required IReadOnlyList<AgeBand> AgeBands { get; init; }

    /// <summary>Population of each neighbourhood, one count per band of <see cref="AgeBands"/>.</summary>
    public required IReadOnlyDictionary<string, double[]> Population { get; init; }

    public required IReadOnlyDictionary<string, DeprivationRecord> Deprivation { get; init; }

    public required DatasetReport Report { get; init; }

    /// <summary>The dataset's indicators as imported; aggregated on demand by <see cref="Indicator"/>.</summary>
    public IReadOnlyList<IndicatorSource> Indicators { get; init; } = [];

    /// <summary>The small-number rule applied to everything that leaves the indicator engine.</summary>
    public SuppressionPolicy Suppression { get; init; } = SuppressionPolicy.Default;

    /// <summary>The flow table catchments are built from, on the dataset's neighbourhoods; null when it has none.</summary>
    public FlowSource? Flows { get; init; }

    /// <summary>
    /// The providers' catchments by <paramref name="options"/>, built on first use and shared (the threshold does not
    /// matter to first past the post). At most <see cref="KeptCatchmentSets"/> sets are kept; others are built each time.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dataset has no flow table.</exception>
    /// <exception cref="ArgumentException">The options are not usable (<see cref="CatchmentOptions.Problem"/>).</exception>
    public CatchmentSet Catchments(CatchmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var flows = Flows ?? throw new InvalidOperationException($"Dataset '{Name}' has no flow table, so no catchments.");
        var key = Normalise(options);
        if (_catchments.TryGetValue(key, out var kept))
        {
            return kept.Value;
        }

        var build = new Lazy<CatchmentSet>(() => CatchmentBuilder.Build(flows, key));
        return _catchments.Count < KeptCatchmentSets ? _catchments.GetOrAdd(key, build).Value : build.Value;
    }

    /// <summary>How many catchment sets (method and threshold) <see cref="Catchments"/> keeps.</summary>
    public const int KeptCatchmentSets = 8;

    /// <summary>
    /// The dissolved boundary of a provider's catchment (British National Grid): the union of its member
    /// neighbourhoods' polygons, kept once made. Null for a provider without a catchment or without polygons.
    /// </summary>
    public Geometry? CatchmentBoundary(CatchmentOptions options, string provider)
    {
        var set = Catchments(options);
        if (set.Find(provider) is not { Members.Count: > 0 } catchment)
        {
            return null;
        }

        var key = (Normalise(options), catchment.Provider);
        if (_catchmentBoundaries.TryGetValue(key, out var kept))
        {
            return kept.Value;
        }

        var build = new Lazy<Geometry?>(() => BoundaryDissolver.DissolveParts(
            [.. catchment.Members.Select(m => Boundaries.GetValueOrDefault(m.Neighbourhood)).OfType<Geometry>()]));
        return _catchmentBoundaries.Count < KeptCatchmentBoundaries ? _catchmentBoundaries.GetOrAdd(key, build).Value : build.Value;
    }

    /// <summary>How many catchment boundaries <see cref="CatchmentBoundary"/> keeps (every practice of England twice over).</summary>
    public const int KeptCatchmentBoundaries = 16_000;

    private static CatchmentOptions Normalise(CatchmentOptions options) => options.Method == CatchmentMethod.FirstPastThePost
        ? options with { Threshold = CatchmentOptions.DefaultThreshold }
        : options;

    /// <summary>
    /// The engine of one indicator, built on first use and shared: by the periods it is published in
    /// (<see cref="IndicatorSource.PublicationPool"/>) unless <paramref name="pool"/> says otherwise; with a pool above 1,
    /// the engine of its rolling pools of that many periods (<see cref="PooledIndicator.Pool"/>), built once per indicator
    /// and pool size.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No indicator has that id; the message lists those that do.</exception>
    /// <exception cref="ArgumentException">The indicator cannot be pooled so (a score, or too few periods).</exception>
    public IndicatorEngine Indicator(string id, int? pool = null)
    {
        var source = Indicators.FirstOrDefault(i => string.Equals(i.Definition.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException(
                $"Dataset '{Name}' has no indicator '{id}'; it has: {string.Join(", ", Indicators.Select(i => i.Definition.Id))}.");
        var size = pool ?? source.PublicationPool;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return _engines.GetOrAdd((source.Definition.Id, size), key => new Lazy<IndicatorEngine>(() =>
            new IndicatorEngine(Geography, PooledIndicator.Pool(source, key.Pool), AgeBands, Population, Suppression))).Value;
    }

    /// <summary>
    /// The point index of the neighbourhood polygons for points in <paramref name="system"/>: British
    /// National Grid polygons for eastings/northings, WGS84 ones (through the OSGB36 datum shift) for
    /// lon/lat, so points are never transformed one by one. Built on first use, then shared.
    /// </summary>
    public PointIndex NeighbourhoodIndex(PointCoordinateSystem system) => Neighbourhoods.Index(system);

    /// <summary>The neighbourhood polygons in the geography's order, with the point indexes over them; made on first use.</summary>
    public NeighbourhoodPolygons Neighbourhoods => _neighbourhoods.Value;

    private NeighbourhoodPolygons MakeNeighbourhoods() => NeighbourhoodPolygons.Of(Geography, Boundaries);

    /// <summary>Queen contiguity of the neighbourhood polygons (British National Grid, exact contact), built on
    /// first use, then shared: the weights of Gi* and local Moran hotspots.</summary>
    public NeighbourhoodContiguity NeighbourhoodContiguity => _contiguity.Value;

    /// <summary>
    /// This dataset with one more indicator (an upload): a new immutable dataset that shares everything already built
    /// (point indexes, contiguity, catchments and their boundaries, the engines of the other indicators), so that only
    /// the new indicator's engine is built on first use. This dataset is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">An indicator already has the id (ignoring case).</exception>
    public Dataset WithIndicator(IndicatorSource indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (Indicators.Any(i => string.Equals(i.Definition.Id, indicator.Definition.Id, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"Dataset '{Name}' already has an indicator '{indicator.Definition.Id}'.", nameof(indicator));
        }

        return new Dataset(this, [.. Indicators, indicator]);
    }

    [SetsRequiredMembers]
    private Dataset(Dataset from, IReadOnlyList<IndicatorSource> indicators)
    {
        _neighbourhoods = from._neighbourhoods;
        _contiguity = from._contiguity;
        _engines = new(from._engines);
        _catchments = from._catchments;
        _catchmentBoundaries = from._catchmentBoundaries;
        Name = from.Name;
        Synthetic = from.Synthetic;
        BoundaryVintage = from.BoundaryVintage;
        Geography = from.Geography;
        Boundaries = from.Boundaries;
        AgeBands = from.AgeBands;
        Population = from.Population;
        Deprivation = from.Deprivation;
        Report = from.Report;
        Indicators = indicators;
        Suppression = from.Suppression;
        Flows = from.Flows;
    }
}
