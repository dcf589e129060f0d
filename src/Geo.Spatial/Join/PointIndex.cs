using System.Buffers;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Geo.Spatial.Join;

/// <summary>
/// Finds which polygon of a fixed set covers a point: the point-in-polygon join of points to neighbourhoods.
/// </summary>
/// <remarks>
/// <para>
/// Coordinates are planar and in the polygons' own CRS: lon/lat (x = longitude, y = latitude) for WGS84 polygons,
/// easting/northing for British National Grid polygons. Nothing is reprojected here.
/// </para>
/// <para>
/// A point belongs to a polygon when the polygon <em>covers</em> it (interior or boundary), exactly as
/// <c>polygon.Covers(point)</c> says. When several polygons cover a point (a point on an edge or vertex shared by
/// neighbours, or overlapping input) it goes to the one with the <b>lowest index</b> in the input list, so the answer
/// never depends on threads or on the order of queries. Invalid (self-intersecting) polygons are answered by the
/// even-odd rule of their rings, as NetTopologySuite's point locators do; repair them first for meaningful answers.
/// </para>
/// <para>
/// How it is fast: a uniform grid over the polygons' extent classifies each cell, once, as outside every polygon,
/// wholly inside one polygon, or crossed by polygon edges. Most points are answered by one array look-up; points in
/// crossed cells are tested only against the few polygons that touch that cell, with NetTopologySuite's
/// <see cref="IndexedPointInAreaLocator"/>. An STRtree of the polygons' envelopes is used while the grid is built.
/// </para>
/// <para>
/// Thread-safety: immutable once constructed; every member may be called from any number of threads at once.
/// The input geometries are not changed, but must not be changed by the caller while the index is in use.
/// </para>
/// </remarks>
public sealed class PointIndex
{
    /// <summary>What <see cref="Locate"/> returns for a point inside no polygon.</summary>
    public const int Outside = -1;

    /// <summary>Grid cells per polygon when no cell count is given: on the 33,755 LSOAs, one cell in eight then needs a polygon test.</summary>
    public const int DefaultCellsPerPolygon = 64;

    /// <summary>The most cells the default grid has (16 MB of cell states).</summary>
    public const int DefaultMaxCells = 1 << 22;

    // Cells closer than this (in cell widths) to an edge count as crossed by it. Far larger than the rounding of
    // grid coordinates (about 1e-11 cell widths), so a point that rounds into a neighbouring cell is still answered
    // by that cell's state; far smaller than a cell, so it costs nothing.
    private const double EdgeMargin = 1e-6;

    // Below this many points LocateAll stays on the calling thread.
    private const int ParallelThreshold = 4096;

    private const int ChunkSize = 8192;

    // The state of a cell while the grid is built, before it is known.
    private const int Unclassified = int.MinValue;

    private readonly string[] _codes;
    private readonly Geometry[] _geometries;
    private readonly IndexedPointInAreaLocator?[] _locators;

    // Grid: cell (col,row) is _cells[row * _columns + col]. A state >= 0 is the polygon covering the whole cell,
    // Outside covers no polygon, and a state <= -2 is crossed cell number (-state - 2), whose candidates are
    // _candidates[_candidateStart[n] .. _candidateStart[n + 1]] in increasing polygon order: c >= 0 must be
    // tested, ~c (negative) covers the whole cell, so the search stops there.
    private readonly double _originX;
    private readonly double _originY;
    private readonly double _scaleX;
    private readonly double _scaleY;
    private readonly int _columns;
    private readonly int _rows;
    private readonly int[] _cells;
    private readonly int[] _candidateStart;
    private readonly int[] _candidates;

    /// <summary>Builds the index with a grid of <see cref="DefaultCellsPerPolygon"/> cells per polygon (at most <see cref="DefaultMaxCells"/>).</summary>
    /// <param name="polygons">Codes and Polygon or MultiPolygon geometries; empty geometries never match.</param>
    /// <exception cref="ArgumentException">A code or geometry is null, or a geometry is not polygonal.</exception>
    public PointIndex(IReadOnlyList<(string Code, Geometry Polygon)> polygons)
        : this(polygons, (int)Math.Clamp((long)(polygons ?? throw new ArgumentNullException(nameof(polygons))).Count * DefaultCellsPerPolygon, 1024, DefaultMaxCells))
    {
    }

    /// <summary>Builds the index with a grid of about <paramref name="gridCells"/> cells.</summary>
    /// <param name="polygons">Codes and Polygon or MultiPolygon geometries; empty geometries never match.</param>
    /// <param name="gridCells">
    /// About how many grid cells to use (1 to 2^26): more cells answer more points without a polygon test, and cost
    /// 4 bytes each and build time. Answers do not depend on it.
    /// </param>
    /// <exception cref="ArgumentException">A code or geometry is null, or a geometry is not polygonal.</exception>
    public PointIndex(IReadOnlyList<(string Code, Geometry Polygon)> polygons, int gridCells)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentOutOfRangeException.ThrowIfLessThan(gridCells, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gridCells, 1 << 26);

        var count = polygons.Count;
        _codes = new string[count];
        _locators = new IndexedPointInAreaLocator?[count];
        var geometries = _geometries = new Geometry[count];
        var extent = new Envelope();
        for (var i = 0; i < count; i++)
        {
            var (code, polygon) = polygons[i];
            if (code is null)
            {
                throw new ArgumentException($"Polygon {i} has no code.", nameof(polygons));
            }

            if (polygon is not (Polygon or MultiPolygon))
            {
                throw new ArgumentException(
                    $"Polygon {i} ('{code}') is {polygon?.GeometryType ?? "null"}; only Polygon and MultiPolygon can hold points.",
                    nameof(polygons));
            }

            _codes[i] = code;
            geometries[i] = polygon;
            if (!polygon.IsEmpty)
            {
                extent.ExpandToInclude(polygon.EnvelopeInternal);
                _locators[i] = new IndexedPointInAreaLocator(polygon);
            }
        }

        if (extent.IsNull)
        {
            _cells = [];
            _candidateStart = [0];
            _candidates = [];
            return;
        }

        // The grid reaches a little past the polygons, so a point on the outermost edges never rounds off the grid.
        var magnitude = Math.Max(Math.Max(Math.Abs(extent.MinX), Math.Abs(extent.MaxX)), Math.Max(Math.Abs(extent.MinY), Math.Abs(extent.MaxY)));
        var pad = Math.Max(Math.Max(Math.Max(extent.Width, extent.Height) * 1e-6, magnitude * 1e-12), 1e-300);
        var spanX = extent.Width + 2 * pad;
        var spanY = extent.Height + 2 * pad;
        var aspect = spanX / spanY;
        _columns = (int)Math.Clamp(Math.Round(Math.Sqrt(gridCells * aspect)), 1, 1 << 16);
        _rows = (int)Math.Clamp(Math.Round((double)gridCells / _columns), 1, 1 << 16);
        if ((long)_columns * _rows > 1 << 26)
        {
            _rows = Math.Max(1, (1 << 26) / _columns);
        }

        _originX = extent.MinX - pad;
        _originY = extent.MinY - pad;
        _scaleX = _columns / spanX;
        _scaleY = _rows / spanY;

        var tree = new STRtree<int>();
        for (var i = 0; i < count; i++)
        {
            if (_locators[i] is { } locator)
            {
                tree.Insert(geometries[i].EnvelopeInternal, i);

                // The locator builds its edge index on first use; build it now, so queries never race to build it.
                locator.Locate(new Coordinate(extent.MinX, extent.MinY));
            }
        }

        tree.Build();

        var crossings = GridRasterizer.Rasterize(geometries, _originX, _originY, _scaleX, _scaleY, _columns, _rows, EdgeMargin);
        _cells = new int[_columns * _rows];
        Array.Fill(_cells, Unclassified);
        (_candidateStart, _candidates) = ClassifyCrossedCells(crossings, tree);
        FillRuns(tree);
    }

    /// <summary>
    /// An index over <paramref name="polygons"/> with a grid built before (<see cref="Grid"/> of an index over the same
    /// polygons, in the same order), e.g. saved in a dataset snapshot: no rasterising or classifying, so only each
    /// polygon's point locator is made (on all cores). The answers are those of the index the grid came from.
    /// </summary>
    /// <exception cref="ArgumentException">A polygon is not polygonal, or the grid cannot belong to this many polygons
    /// (sizes that disagree, a cell or candidate naming a polygon or crossed cell that is not there).</exception>
    public PointIndex(IReadOnlyList<(string Code, Geometry Polygon)> polygons, PointIndexGrid grid)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(grid);
        var count = polygons.Count;
        grid.Check(count);
        _codes = new string[count];
        _geometries = new Geometry[count];
        _locators = new IndexedPointInAreaLocator?[count];
        for (var i = 0; i < count; i++)
        {
            var (code, polygon) = polygons[i];
            _geometries[i] = polygon!;
            if (code is null || polygon is not (Polygon or MultiPolygon))
            {
                throw new ArgumentException($"Polygon {i} ('{code}') is {polygon?.GeometryType ?? "null"}; only Polygon and MultiPolygon can hold points.", nameof(polygons));
            }

            _codes[i] = code;
        }

        Parallel.For(0, count, i =>
        {
            var polygon = polygons[i].Polygon;
            if (!polygon.IsEmpty)
            {
                var locator = new IndexedPointInAreaLocator(polygon);
                locator.Locate(polygon.EnvelopeInternal.Centre); // as the building constructor: queries never race to build it
                _locators[i] = locator;
            }
        });

        (_originX, _originY, _scaleX, _scaleY, _columns, _rows) = (grid.OriginX, grid.OriginY, grid.ScaleX, grid.ScaleY, grid.Columns, grid.Rows);
        (_cells, _candidateStart, _candidates) = (grid.Cells, grid.CandidateStart, grid.Candidates);
    }

    /// <summary>The classified grid, to save and give back to <see cref="PointIndex(IReadOnlyList{ValueTuple{string, Geometry}}, PointIndexGrid)"/>
    /// with the same polygons. The arrays are the index's own: do not change them.</summary>
    public PointIndexGrid Grid => new(_originX, _originY, _scaleX, _scaleY, _columns, _rows, _cells, _candidateStart, _candidates);

    /// <summary>The number of polygons (valid indexes are 0 to Count - 1).</summary>
    public int Count => _codes.Length;

    /// <summary>The grid's size, for benchmarks and tuning: columns, rows and how many cells need a polygon test.</summary>
    public (int Columns, int Rows, int CrossedCells) GridSize => (_columns, _rows, _candidateStart.Length - 1);

    /// <summary>The polygon <paramref name="index"/>, as given when the index was built.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a polygon index (such as <see cref="Outside"/>).</exception>
    public Geometry PolygonAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _codes.Length);
        return _geometries[index];
    }

    /// <summary>The code of polygon <paramref name="index"/>, as given when the index was built.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a polygon index (such as <see cref="Outside"/>).</exception>
    public string Code(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _codes.Length);
        return _codes[index];
    }

    /// <summary>
    /// The index of the polygon covering (<paramref name="x"/>, <paramref name="y"/>) — the lowest one when several
    /// do — or <see cref="Outside"/> (-1). A NaN or infinite coordinate is outside.
    /// </summary>
    public int Locate(double x, double y)
    {
        Coordinate? scratch = null;
        return LocateCore(x, y, ref scratch);
    }

    /// <summary>
    /// <see cref="Locate"/> for every point, spread over the machine's cores: <c>result[i]</c> is the polygon of
    /// (<c>xs[i]</c>, <c>ys[i]</c>). The spans are copied once for the worker threads; callers holding arrays can use the
    /// <see cref="LocateAll(ReadOnlyMemory{double}, ReadOnlyMemory{double}, Memory{int})"/> overload, which does not copy.
    /// </summary>
    /// <exception cref="ArgumentException">The three spans differ in length.</exception>
    public void LocateAll(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<int> result)
    {
        CheckLengths(xs.Length, ys.Length, result.Length);
        if (xs.Length < ParallelThreshold || Environment.ProcessorCount == 1)
        {
            LocateRange(xs, ys, result);
            return;
        }

        // Spans cannot cross threads, so the workers read copies. The copy is a few milliseconds per million
        // points, a small share of the join.
        var n = xs.Length;
        var xCopy = ArrayPool<double>.Shared.Rent(n);
        var yCopy = ArrayPool<double>.Shared.Rent(n);
        var resultCopy = ArrayPool<int>.Shared.Rent(n);
        try
        {
            xs.CopyTo(xCopy);
            ys.CopyTo(yCopy);
            LocateAll(xCopy.AsMemory(0, n), yCopy.AsMemory(0, n), resultCopy.AsMemory(0, n));
            resultCopy.AsSpan(0, n).CopyTo(result);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(xCopy);
            ArrayPool<double>.Shared.Return(yCopy);
            ArrayPool<int>.Shared.Return(resultCopy);
        }
    }

    /// <summary>
    /// <see cref="Locate"/> for every point, spread over the machine's cores, without copying:
    /// <c>result.Span[i]</c> is the polygon of (<c>xs.Span[i]</c>, <c>ys.Span[i]</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The three buffers differ in length.</exception>
    public void LocateAll(ReadOnlyMemory<double> xs, ReadOnlyMemory<double> ys, Memory<int> result)
    {
        CheckLengths(xs.Length, ys.Length, result.Length);
        var n = xs.Length;
        if (n < ParallelThreshold || Environment.ProcessorCount == 1)
        {
            LocateRange(xs.Span, ys.Span, result.Span);
            return;
        }

        var chunks = (n + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, chunk =>
        {
            var start = chunk * ChunkSize;
            var length = Math.Min(ChunkSize, n - start);
            LocateRange(xs.Span.Slice(start, length), ys.Span.Slice(start, length), result.Span.Slice(start, length));
        });
    }

    private static void CheckLengths(int xs, int ys, int result)
    {
        if (xs != ys || xs != result)
        {
            throw new ArgumentException($"xs, ys and result must have the same length (they have {xs}, {ys} and {result}).");
        }
    }

    private void LocateRange(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<int> result)
    {
        Coordinate? scratch = null;
        for (var i = 0; i < xs.Length; i++)
        {
            result[i] = LocateCore(xs[i], ys[i], ref scratch);
        }
    }

    private int LocateCore(double x, double y, ref Coordinate? scratch)
    {
        // The same arithmetic as the rasterizer's, so a point lands in the cell its edges were drawn into.
        var gx = GridRasterizer.ToGrid(x, _originX, _scaleX);
        var gy = GridRasterizer.ToGrid(y, _originY, _scaleY);

        // Written so that NaN fails every comparison and lands outside.
        if (!(gx >= 0 && gx < _columns && gy >= 0 && gy < _rows))
        {
            return Outside;
        }

        var state = _cells[((int)gy * _columns) + (int)gx];
        if (state >= Outside)
        {
            return state;
        }

        scratch ??= new Coordinate();
        scratch.X = x;
        scratch.Y = y;
        var crossed = -state - 2;
        var end = _candidateStart[crossed + 1];
        for (var k = _candidateStart[crossed]; k < end; k++)
        {
            var candidate = _candidates[k];
            if (candidate < 0)
            {
                return ~candidate;
            }

            if (_locators[candidate]!.Locate(scratch) != Location.Exterior)
            {
                return candidate;
            }
        }

        return Outside;
    }

    // The lowest polygon covering a point, by the STRtree and each candidate's locator: the plain, slow answer the
    // grid is built from.
    private int LocateByTree(STRtree<int> tree, double x, double y)
    {
        var point = new Coordinate(x, y);
        var best = int.MaxValue;
        foreach (var candidate in tree.Query(new Envelope(point)))
        {
            if (candidate < best && _locators[candidate]!.Locate(point) != Location.Exterior)
            {
                best = candidate;
            }
        }

        return best == int.MaxValue ? Outside : best;
    }

    private (double X, double Y) CellCentre(int cell) =>
        (_originX + ((cell % _columns) + 0.5) / _scaleX, _originY + ((cell / _columns) + 0.5) / _scaleY);

    // Crossed cells: the polygons whose edges come near the cell must be tested; a polygon whose edges stay clear
    // of it is either around the whole cell or away from it, which its answer at the centre tells.
    private (int[] Start, int[] Candidates) ClassifyCrossedCells(GridRasterizer.Crossings crossings, STRtree<int> tree)
    {
        var cellCount = crossings.Cells.Length;
        var lists = new int[cellCount][];
        Parallel.For(0, cellCount, () => new List<int>(), (n, _, list) =>
        {
            list.Clear();
            var cell = crossings.Cells[n];
            var touching = crossings.Polygons.AsSpan(crossings.Start[n], crossings.Start[n + 1] - crossings.Start[n]);
            var (x, y) = CellCentre(cell);
            var centre = new Coordinate(x, y);
            foreach (var candidate in tree.Query(new Envelope(centre)))
            {
                if (touching.BinarySearch(candidate) < 0 && _locators[candidate]!.Locate(centre) != Location.Exterior)
                {
                    list.Add(~candidate);
                }
            }

            foreach (var polygon in touching)
            {
                list.Add(polygon);
            }

            // Increasing polygon order (~c sorts by c), cut after the first polygon around the whole cell.
            list.Sort(static (a, b) => (a < 0 ? ~a : a).CompareTo(b < 0 ? ~b : b));
            var whole = list.FindIndex(static c => c < 0);
            lists[n] = whole < 0 ? [.. list] : [.. list.GetRange(0, whole + 1)];
            return list;
        }, static _ => { });

        var start = new int[cellCount + 1];
        var total = 0;
        var crossed = 0;
        for (var n = 0; n < cellCount; n++)
        {
            var list = lists[n];
            if (list[0] < 0)
            {
                // The lowest polygon around the whole cell beats every edge in it: no test needed.
                _cells[crossings.Cells[n]] = ~list[0];
                continue;
            }

            _cells[crossings.Cells[n]] = -crossed - 2;
            start[crossed] = total;
            total += list.Length;
            crossed++;
        }

        start[crossed] = total;
        var candidates = new int[total];
        crossed = 0;
        for (var n = 0; n < cellCount; n++)
        {
            if (lists[n][0] >= 0)
            {
                lists[n].CopyTo(candidates, start[crossed++]);
            }
        }

        Array.Resize(ref start, crossed + 1);
        return (start, candidates);
    }

    // Cells crossed by no edge: along a row, a run of them between crossed cells is one region no edge enters, so
    // every point in it has the answer of the run's first centre.
    private void FillRuns(STRtree<int> tree)
    {
        Parallel.For(0, _rows, row =>
        {
            var cells = _cells.AsSpan(row * _columns, _columns);
            var col = 0;
            while (col < _columns)
            {
                if (cells[col] != Unclassified)
                {
                    col++;
                    continue;
                }

                var runEnd = col + 1;
                while (runEnd < _columns && cells[runEnd] == Unclassified)
                {
                    runEnd++;
                }

                var (x, y) = CellCentre((row * _columns) + col);
                cells[col..runEnd].Fill(LocateByTree(tree, x, y));
                col = runEnd;
            }
        });
    }
}

/// <summary>
/// A <see cref="PointIndex"/>'s classified grid: origin and scale of the cells, their states (a polygon covering the whole
/// cell, <see cref="PointIndex.Outside"/>, or a crossed cell's number as -2 - n) and each crossed cell's candidates.
/// </summary>
public sealed record PointIndexGrid(double OriginX, double OriginY, double ScaleX, double ScaleY, int Columns, int Rows,
    int[] Cells, int[] CandidateStart, int[] Candidates)
{
    /// <summary>Throws unless every cell and candidate names something there, for <paramref name="polygons"/> polygons.</summary>
    internal void Check(int polygons)
    {
        var crossed = CandidateStart.Length - 1;
        if (Cells.Length == 0 && crossed == 0 && Candidates.Length == 0)
        {
            return;
        }

        if (Columns < 1 || Rows < 1 || (long)Columns * Rows != Cells.Length || crossed < 0 || CandidateStart[0] != 0
            || CandidateStart[^1] != Candidates.Length || !double.IsFinite(OriginX) || !double.IsFinite(OriginY)
            || !(ScaleX > 0) || !(ScaleY > 0) || double.IsInfinity(ScaleX) || double.IsInfinity(ScaleY))
        {
            throw new ArgumentException($"The grid's sizes disagree ({Columns} x {Rows}, {Cells.Length} cells, {crossed} crossed).");
        }

        foreach (var cell in Cells)
        {
            if (cell >= polygons || (cell <= -2 && -(long)cell - 2 >= crossed))
            {
                throw new ArgumentException($"A grid cell names {cell}, which is not a polygon of {polygons} or a crossed cell of {crossed}.");
            }
        }

        for (var n = 0; n < crossed; n++)
        {
            if (CandidateStart[n + 1] < CandidateStart[n])
            {
                throw new ArgumentException($"Crossed cell {n}'s candidates end before they start.");
            }
        }

        foreach (var candidate in Candidates)
        {
            if ((candidate < 0 ? ~candidate : candidate) >= polygons)
            {
                throw new ArgumentException($"A grid candidate names polygon {candidate}, which is not one of {polygons}.");
            }
        }
    }
}
