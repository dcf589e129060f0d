using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace Geo.Demo;

/// <summary>
/// The demo's neighbourhood polygons: a clean coverage in British National Grid metres. Sites are thrown
/// like darts, thicker in towns, over a box larger than the region; their Voronoi diagram is built once,
/// and the cells whose sites lie in the region are kept whole. Nothing is clipped, so neighbours share
/// edges vertex for vertex (each Voronoi vertex is computed once per Delaunay triangle), and rounding
/// every coordinate to the millimetre keeps them shared. The outline is the union of the cells, as real
/// boundaries are the union of their small areas. Immutable once built.
/// </summary>
internal sealed class DemoTessellation
{
    public const int Srid = 27700;

    private DemoTessellation(Coordinate[] sites, Polygon[] cells, (int Cell, double Length)[][] neighbours)
    {
        Sites = sites;
        Cells = cells;
        Neighbours = neighbours;
    }

    public static GeometryFactory Factory { get; } = new(new PrecisionModel(), Srid);

    /// <summary>The site of each cell, the point the cell is nearest to.</summary>
    public Coordinate[] Sites { get; }

    public Polygon[] Cells { get; }

    /// <summary>For each cell, the cells it shares an edge with and the length of that edge, in metres.</summary>
    public (int Cell, double Length)[][] Neighbours { get; }

    public int Count => Cells.Length;

    public static DemoTessellation Build(DemoTerrain terrain, int target)
    {
        var sites = ThrowSites(terrain, terrain.Random("sites"), target);
        var index = new Dictionary<Coordinate, int>(sites.Count);
        for (var i = 0; i < sites.Count; i++)
        {
            index.Add(sites[i], i);
        }

        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        var diagram = builder.GetDiagram(Factory);
        var delaunay = DelaunayNeighbours(builder, index, sites.Count);

        var keep = ChooseRegion(terrain, sites, delaunay);
        var cellOfSite = new Polygon?[sites.Count];
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = (Polygon)diagram.GetGeometryN(i);
            var site = index[(Coordinate)cell.UserData];
            if (keep[site])
            {
                cellOfSite[site] = Tidy(cell);
            }
        }

        var kept = Enumerable.Range(0, sites.Count).Where(i => keep[i]).ToArray();
        var cells = kept.Select(i => cellOfSite[i] ?? throw new InvalidOperationException($"Voronoi diagram has no cell for site {i}.")).ToArray();
        return new DemoTessellation(kept.Select(i => sites[i]).ToArray(), cells, SharedEdges(cells));
    }

    /// <summary>
    /// Dart throwing with a spacing that follows the density: candidates come from the density itself
    /// (countryside uniform over the box, each town a normal around its centre), and one is kept when no
    /// earlier site is closer than about 0.7 of the local spacing, until <paramref name="target"/> sites
    /// lie in the region. Cells come out as even as LSOAs: small in towns, large in the country.
    /// </summary>
    private static List<Coordinate> ThrowSites(DemoTerrain terrain, DemoRandom random, int target)
    {
        const double MinX = DemoTerrain.MinX;
        const double MinY = DemoTerrain.MinY;
        const double Width = DemoTerrain.MaxX - DemoTerrain.MinX;
        const double Height = DemoTerrain.MaxY - DemoTerrain.MinY;
        const double Fill = 0.72;

        var towns = terrain.Towns;
        var mass = new double[towns.Count + 1];
        mass[0] = Width * Height;
        for (var t = 0; t < towns.Count; t++)
        {
            mass[t + 1] = mass[t] + towns[t].Peak * 2 * Math.PI * towns[t].Sigma * towns[t].Sigma;
        }

        // Sites per square metre at density 1, so that the region holds about the target.
        var perDensity = target / IntegrateOverRegion(terrain);
        double Radius(double density) => Fill / Math.Sqrt(perDensity * density);

        var maxRadius = Radius(1);
        var cellSize = Radius(terrain.DensityPeak);
        var columns = (int)Math.Ceiling(Width / cellSize);
        var rows = (int)Math.Ceiling(Height / cellSize);
        var head = new int[columns * rows];
        Array.Fill(head, -1);
        var next = new List<int>();
        var radii = new List<double>();
        var sites = new List<Coordinate>();

        var inside = 0;
        for (var attempt = 0; inside < target && attempt < 80 * target; attempt++)
        {
            var pick = random.NextDouble() * mass[^1];
            double x, y;
            if (pick < mass[0])
            {
                x = MinX + Width * random.NextDouble();
                y = MinY + Height * random.NextDouble();
            }
            else
            {
                var t = 0;
                while (pick >= mass[t + 1])
                {
                    t++;
                }

                x = towns[t].X + towns[t].Sigma * random.NextNormal();
                y = towns[t].Y + towns[t].Sigma * random.NextNormal();
                if (x <= MinX || x >= MinX + Width || y <= MinY || y >= MinY + Height)
                {
                    continue;
                }
            }

            var r = Radius(terrain.Density(x, y));
            var reach = 0.5 * (r + maxRadius);
            var c0 = Math.Max(0, (int)((x - reach - MinX) / cellSize));
            var c1 = Math.Min(columns - 1, (int)((x + reach - MinX) / cellSize));
            var r0 = Math.Max(0, (int)((y - reach - MinY) / cellSize));
            var r1 = Math.Min(rows - 1, (int)((y + reach - MinY) / cellSize));
            var free = true;
            for (var row = r0; row <= r1 && free; row++)
            {
                for (var col = c0; col <= c1 && free; col++)
                {
                    for (var s = head[row * columns + col]; s >= 0; s = next[s])
                    {
                        var dx = sites[s].X - x;
                        var dy = sites[s].Y - y;
                        var min = 0.5 * (r + radii[s]);
                        if (dx * dx + dy * dy < min * min)
                        {
                            free = false;
                            break;
                        }
                    }
                }
            }

            if (!free)
            {
                continue;
            }

            var slot = (int)((y - MinY) / cellSize) * columns + (int)((x - MinX) / cellSize);
            next.Add(head[slot]);
            head[slot] = sites.Count;
            radii.Add(r);
            sites.Add(new Coordinate(x, y));
            if (terrain.IsInside(x, y))
            {
                inside++;
            }
        }

        return sites;
    }

    /// <summary>The integral of density over the region, in square metres, on a 150 x 150 grid.</summary>
    private static double IntegrateOverRegion(DemoTerrain terrain)
    {
        const int N = 150;
        var dx = (DemoTerrain.MaxX - DemoTerrain.MinX) / N;
        var dy = (DemoTerrain.MaxY - DemoTerrain.MinY) / N;
        var sum = 0.0;
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++)
            {
                var x = DemoTerrain.MinX + (i + 0.5) * dx;
                var y = DemoTerrain.MinY + (j + 0.5) * dy;
                if (terrain.IsInside(x, y))
                {
                    sum += terrain.Density(x, y);
                }
            }
        }

        return sum * dx * dy;
    }

    private static List<int>[] DelaunayNeighbours(VoronoiDiagramBuilder builder, Dictionary<Coordinate, int> index, int count)
    {
        var neighbours = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            neighbours[i] = [];
        }

        foreach (var edge in builder.GetSubdivision().GetPrimaryEdges(false))
        {
            if (index.TryGetValue(edge.Orig.Coordinate, out var a) && index.TryGetValue(edge.Dest.Coordinate, out var b))
            {
                neighbours[a].Add(b);
                neighbours[b].Add(a);
            }
        }

        foreach (var list in neighbours)
        {
            list.Sort();
        }

        return neighbours;
    }

    /// <summary>
    /// The sites whose cells make the region: the largest connected group of sites inside the outline,
    /// plus any outside sites it encloses, so the region is one piece without holes.
    /// </summary>
    private static bool[] ChooseRegion(DemoTerrain terrain, List<Coordinate> sites, List<int>[] neighbours)
    {
        var n = sites.Count;
        var inside = sites.Select(s => terrain.IsInside(s.X, s.Y)).ToArray();
        var component = new int[n];
        Array.Fill(component, -1);
        var best = -1;
        var bestSize = 0;
        var queue = new Queue<int>();
        for (var i = 0; i < n; i++)
        {
            if (!inside[i] || component[i] >= 0)
            {
                continue;
            }

            var size = Flood(i, i, v => inside[v], neighbours, component, queue);
            if (size > bestSize)
            {
                best = i;
                bestSize = size;
            }
        }

        var keep = component.Select(c => c == best).ToArray();

        // Everything outside the region that the box's edge can reach is outside; the rest is a hole.
        var westmost = 0;
        for (var i = 1; i < n; i++)
        {
            if (sites[i].X < sites[westmost].X)
            {
                westmost = i;
            }
        }

        var outside = new int[n];
        Array.Fill(outside, -1);
        Flood(westmost, 0, v => !keep[v], neighbours, outside, queue);
        for (var i = 0; i < n; i++)
        {
            keep[i] |= outside[i] < 0;
        }

        return keep;
    }

    private static int Flood(int start, int label, Func<int, bool> member, List<int>[] neighbours, int[] labels, Queue<int> queue)
    {
        labels[start] = label;
        queue.Enqueue(start);
        var size = 0;
        while (queue.TryDequeue(out var v))
        {
            size++;
            foreach (var w in neighbours[v])
            {
                if (labels[w] < 0 && member(w))
                {
                    labels[w] = label;
                    queue.Enqueue(w);
                }
            }
        }

        return size;
    }

    /// <summary>Rounds to the millimetre, drops repeated vertices, and makes the ring counter-clockwise
    /// (RFC 7946's right-hand rule).</summary>
    private static Polygon Tidy(Polygon cell)
    {
        var points = new List<Coordinate>(cell.Shell.NumPoints);
        foreach (var c in cell.Shell.Coordinates)
        {
            var p = new Coordinate(Math.Round(c.X * 1000) / 1000, Math.Round(c.Y * 1000) / 1000);
            if (points.Count == 0 || !points[^1].Equals2D(p))
            {
                points.Add(p);
            }
        }

        var ring = points.ToArray();
        if (!Orientation.IsCCW(ring))
        {
            Array.Reverse(ring);
        }

        return Factory.CreatePolygon(ring);
    }

    /// <summary>Neighbours by shared edges, found by matching segments, which a clean coverage shares exactly.</summary>
    private static (int Cell, double Length)[][] SharedEdges(Polygon[] cells)
    {
        var owner = new Dictionary<(double, double, double, double), int>();
        var shared = new Dictionary<(int, int), double>();
        for (var i = 0; i < cells.Length; i++)
        {
            var ring = cells[i].Shell.Coordinates;
            for (var k = 0; k + 1 < ring.Length; k++)
            {
                var a = ring[k];
                var b = ring[k + 1];
                var key = a.CompareTo(b) < 0 ? (a.X, a.Y, b.X, b.Y) : (b.X, b.Y, a.X, a.Y);
                if (owner.Remove(key, out var other))
                {
                    var pair = other < i ? (other, i) : (i, other);
                    shared[pair] = shared.GetValueOrDefault(pair) + a.Distance(b);
                }
                else
                {
                    owner.Add(key, i);
                }
            }
        }

        var lists = new List<(int, double)>[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            lists[i] = [];
        }

        foreach (var ((a, b), length) in shared.OrderBy(s => s.Key))
        {
            lists[a].Add((b, length));
            lists[b].Add((a, length));
        }

        return lists.Select(l => l.ToArray()).ToArray();
    }
}
