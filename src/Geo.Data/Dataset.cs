using Geo.Core.Geography;
using System.Collections.Concurrent;
using Geo.Core.Indicators;
using Geo.Core.Inequality;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Reports;
using Geo.Core.Sources;
using Geo.Data.Join;
using Geo.Spatial.Join;
using Geo.Spatial.Projection;
using NetTopologySuite.Geometries;

namespace Geo.Data;

/// <summary>
/// A loaded dataset: the hierarchy, the boundary of every area (British National Grid metres, SRID
/// 27700; levels above the neighbourhood dissolved from it), population, deprivation and what loading
/// found. Immutable once built by <see cref="Loading.DatasetLoader"/>; safe to share between threads.
/// </summary>
public sealed class Dataset
{
    private readonly Lazy<PointIndex> _bngIndex;
    private readonly Lazy<PointIndex> _wgs84Index;
    private readonly Lazy<NeighbourhoodContiguity> _contiguity;
    private readonly ConcurrentDictionary<string, Lazy<IndicatorEngine>> _engines = new(StringComparer.OrdinalIgnoreCase);

    public Dataset()
    {
        _bngIndex = new(() => new PointIndex(NeighbourhoodPolygons(g => g)));
        _wgs84Index = new(() => new PointIndex(NeighbourhoodPolygons(BritishNationalGrid.ToWgs84)));
        _contiguity = new(() => NeighbourhoodContiguity.Build(NeighbourhoodPolygons(g => g)));
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

    /// <summary>The engine of one indicator, built on first use and shared.</summary>
    /// <exception cref="KeyNotFoundException">No indicator has that id; the message lists those that do.</exception>
    public IndicatorEngine Indicator(string id)
    {
        var source = Indicators.FirstOrDefault(i => string.Equals(i.Definition.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException(
                $"Dataset '{Name}' has no indicator '{id}'; it has: {string.Join(", ", Indicators.Select(i => i.Definition.Id))}.");
        return _engines.GetOrAdd(source.Definition.Id, _ =>
            new Lazy<IndicatorEngine>(() => new IndicatorEngine(Geography, source, AgeBands, Population, Suppression))).Value;
    }

    /// <summary>
    /// The point index of the neighbourhood polygons for points in <paramref name="system"/>: British
    /// National Grid polygons for eastings/northings, WGS84 ones (through the OSGB36 datum shift) for
    /// lon/lat, so points are never transformed one by one. Built on first use, then shared.
    /// </summary>
    public PointIndex NeighbourhoodIndex(PointCoordinateSystem system) =>
        system == PointCoordinateSystem.BritishNationalGrid ? _bngIndex.Value : _wgs84Index.Value;

    /// <summary>Queen contiguity of the neighbourhood polygons (British National Grid, exact contact), built on
    /// first use, then shared: the weights of Gi* and local Moran hotspots.</summary>
    public NeighbourhoodContiguity NeighbourhoodContiguity => _contiguity.Value;

    private List<(string Code, Geometry Polygon)> NeighbourhoodPolygons(Func<Geometry, Geometry> transform) =>
        Geography.AtLevel(Level.Neighbourhood)
            .Where(n => Boundaries.ContainsKey(n.Code))
            .Select(n => (n.Code, transform(Boundaries[n.Code])))
            .ToList();
}
