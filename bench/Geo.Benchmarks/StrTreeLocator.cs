using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Geo.Benchmarks;

/// <summary>
/// The plain way, for comparison: an STRtree of polygon envelopes and an <see cref="IndexedPointInAreaLocator"/> per
/// polygon, queried for every point; the lowest covering index wins, as in PointIndex. Thread-safe once built.
/// </summary>
internal sealed class StrTreeLocator
{
    private readonly STRtree<int> _tree = new();
    private readonly IndexedPointInAreaLocator[] _locators;
    private readonly IReadOnlyList<(string Code, Geometry Polygon)> _polygons;

    public StrTreeLocator(IReadOnlyList<(string Code, Geometry Polygon)> polygons)
    {
        _polygons = polygons;
        _locators = new IndexedPointInAreaLocator[polygons.Count];
        for (var i = 0; i < polygons.Count; i++)
        {
            _locators[i] = new IndexedPointInAreaLocator(polygons[i].Polygon);

            // Locators index their edges on first use: do it here, so building is timed as building.
            if (!polygons[i].Polygon.IsEmpty)
            {
                _locators[i].Locate(polygons[i].Polygon.EnvelopeInternal.Centre);
            }

            _tree.Insert(polygons[i].Polygon.EnvelopeInternal, i);
        }

        _tree.Build();
    }

    public int Locate(double x, double y)
    {
        var point = new Coordinate(x, y);
        var best = int.MaxValue;
        foreach (var i in _tree.Query(new Envelope(point)))
        {
            if (i < best && _locators[i].Locate(point) != Location.Exterior)
            {
                best = i;
            }
        }

        return best == int.MaxValue ? -1 : best;
    }

    /// <summary>The reference answer: the lowest polygon whose Covers says yes (the STRtree only skips far polygons).</summary>
    public int LocateByCovers(double x, double y, GeometryFactory factory)
    {
        var point = factory.CreatePoint(new Coordinate(x, y));
        var best = int.MaxValue;
        foreach (var i in _tree.Query(point.EnvelopeInternal))
        {
            if (i < best && _polygons[i].Polygon.Covers(point))
            {
                best = i;
            }
        }

        return best == int.MaxValue ? -1 : best;
    }

    /// <summary>Where a point lies relative to polygon <paramref name="index"/>: interior, boundary or exterior.</summary>
    public Location Where(int index, double x, double y) => _locators[index].Locate(new Coordinate(x, y));

    public void LocateAll(double[] xs, double[] ys, int[] result) =>
        Parallel.For(0, (xs.Length + 8191) / 8192, chunk =>
        {
            var end = Math.Min(xs.Length, (chunk + 1) * 8192);
            for (var i = chunk * 8192; i < end; i++)
            {
                result[i] = Locate(xs[i], ys[i]);
            }
        });
}
