using Geo.Spatial.Projection;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;

namespace Geo.Tiles;

/// <summary>
/// A level's polygons ready to cut tiles of one zoom band: simplified together as a coverage in British
/// National Grid (so neighbours keep sharing their edges), projected to Web Mercator, indexed by
/// envelope. Immutable once built; queried from any number of threads.
/// </summary>
internal sealed class ZoomBand
{
    private readonly STRtree<PreparedArea> _index = new();

    public ZoomBand(IReadOnlyList<AreaFeature> features, IReadOnlyList<Geometry> bng, double tolerance, int firstZoom)
    {
        Tolerance = tolerance;
        var shapes = tolerance > 0 ? CoverageSimplifier.Simplify([.. bng], tolerance) : [.. bng];
        var areas = new PreparedArea?[shapes.Length];
        Parallel.For(0, shapes.Length, i => areas[i] = Prepare(features[i], WebMercator.FromBng(shapes[i])));
        Areas = areas.OfType<PreparedArea>().ToArray();

        // Areas the encoder would drop at every zoom of the band (smaller than a quarter pixel at its
        // first zoom) stay out of the index, so a national tile does not visit 33,755 neighbourhoods
        // to keep a few hundred. The encoder applies the same test, so tiles are unchanged.
        var scale = TileSettings.Extent / (2 * TileCoordinate.WorldHalf / Math.Pow(2, firstZoom));
        foreach (var area in Areas)
        {
            if ((((area.MaxX - area.MinX) * scale) + 1) * (((area.MaxY - area.MinY) * scale) + 1) >= TileSettings.MinRingArea)
            {
                _index.Insert(new Envelope(area.MinX, area.MaxX, area.MinY, area.MaxY), area);
                Indexed.Add(area);
            }
        }

        _index.Build();
    }

    /// <summary>British National Grid metres the polygons were simplified by (0: as loaded).</summary>
    public double Tolerance { get; }

    public IReadOnlyList<PreparedArea> Areas { get; }

    /// <summary>The areas tiles of this band can show, in feature id order.</summary>
    public List<PreparedArea> Indexed { get; } = [];

    /// <summary>The areas whose envelope meets <paramref name="envelope"/> (Web Mercator), in feature-id order.</summary>
    public void Query(Envelope envelope, List<PreparedArea> hits)
    {
        hits.Clear();
        _index.Query(envelope, new ItemVisitor(hits));
        hits.Sort(static (a, b) => a.Feature.Id.CompareTo(b.Feature.Id));
    }

    private sealed class ItemVisitor(List<PreparedArea> hits) : IItemVisitor<PreparedArea>
    {
        public void VisitItem(PreparedArea item) => hits.Add(item);
    }

    private static PreparedArea? Prepare(AreaFeature feature, Geometry mercator)
    {
        var rings = new List<double[]>();
        var isShell = new List<bool>();
        for (var p = 0; p < mercator.NumGeometries; p++)
        {
            if (mercator.GetGeometryN(p) is not Polygon { IsEmpty: false } polygon)
            {
                continue;
            }

            rings.Add(Flatten(polygon.Shell));
            isShell.Add(true);
            foreach (var hole in polygon.Holes)
            {
                rings.Add(Flatten(hole));
                isShell.Add(false);
            }
        }

        return rings.Count == 0 ? null : new PreparedArea(feature, [.. rings], [.. isShell]);
    }

    private static double[] Flatten(LineString ring)
    {
        var sequence = ring.CoordinateSequence;
        var xy = new double[sequence.Count * 2];
        for (var i = 0; i < sequence.Count; i++)
        {
            xy[2 * i] = sequence.GetX(i);
            xy[(2 * i) + 1] = sequence.GetY(i);
        }

        return xy;
    }
}
