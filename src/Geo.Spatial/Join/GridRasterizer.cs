using NetTopologySuite.Geometries;

namespace Geo.Spatial.Join;

/// <summary>
/// Finds, for each polygon, the grid cells its edges pass through or come within a margin of. Used by
/// <see cref="PointIndex"/> while it is built; stateless and thread-safe.
/// </summary>
internal static class GridRasterizer
{
    /// <summary>
    /// The crossed cells in increasing order, and for cell <c>Cells[n]</c> the polygons whose edges cross it,
    /// <c>Polygons[Start[n] .. Start[n + 1]]</c>, in increasing order.
    /// </summary>
    internal sealed record Crossings(int[] Cells, int[] Start, int[] Polygons);

    /// <summary>Grid coordinates of a point: the arithmetic <see cref="PointIndex"/> uses for queries.</summary>
    internal static double ToGrid(double value, double origin, double scale) => (value - origin) * scale;

    public static Crossings Rasterize(
        IReadOnlyList<Geometry> polygons, double originX, double originY, double scaleX, double scaleY, int columns, int rows, double margin)
    {
        var grid = new Grid(originX, originY, scaleX, scaleY, columns, rows, margin);
        var perPolygon = new long[polygons.Count][];
        Parallel.For(0, polygons.Count, () => new List<int>(), (i, _, cells) =>
        {
            cells.Clear();
            var polygon = polygons[i];
            for (var p = 0; p < polygon.NumGeometries; p++)
            {
                if (polygon.GetGeometryN(p) is Polygon part && !part.IsEmpty)
                {
                    AddRing(part.Shell, grid, cells);
                    foreach (var hole in part.Holes)
                    {
                        AddRing(hole, grid, cells);
                    }
                }
            }

            cells.Sort();
            var keys = new List<long>(cells.Count);
            var previous = -1;
            foreach (var cell in cells)
            {
                if (cell != previous)
                {
                    keys.Add(((long)cell << 32) | (uint)i);
                    previous = cell;
                }
            }

            perPolygon[i] = [.. keys];
            return cells;
        }, static _ => { });

        var all = new long[perPolygon.Sum(static k => (long)k.Length)];
        var at = 0;
        foreach (var keys in perPolygon)
        {
            keys.CopyTo(all, at);
            at += keys.Length;
        }

        Array.Sort(all);
        var cellList = new List<int>();
        var start = new List<int>();
        var owners = new int[all.Length];
        for (var k = 0; k < all.Length; k++)
        {
            var cell = (int)(all[k] >> 32);
            if (cellList.Count == 0 || cellList[^1] != cell)
            {
                cellList.Add(cell);
                start.Add(k);
            }

            owners[k] = (int)(all[k] & 0xFFFFFFFF);
        }

        start.Add(all.Length);
        return new Crossings([.. cellList], [.. start], owners);
    }

    private static void AddRing(LineString ring, Grid grid, List<int> cells)
    {
        var points = ring.CoordinateSequence;
        var count = points.Count;
        if (count == 0)
        {
            return;
        }

        var ax = ToGrid(points.GetX(0), grid.OriginX, grid.ScaleX);
        var ay = ToGrid(points.GetY(0), grid.OriginY, grid.ScaleY);
        if (count == 1)
        {
            AddSegment(ax, ay, ax, ay, grid, cells);
            return;
        }

        for (var k = 1; k < count; k++)
        {
            var bx = ToGrid(points.GetX(k), grid.OriginX, grid.ScaleX);
            var by = ToGrid(points.GetY(k), grid.OriginY, grid.ScaleY);
            AddSegment(ax, ay, bx, by, grid, cells);
            ax = bx;
            ay = by;
        }
    }

    // Every cell the closed segment comes within the margin of, column by column: in each column, the y range of
    // the part of the segment over that column (widened by the margin) gives the rows.
    private static void AddSegment(double ax, double ay, double bx, double by, Grid grid, List<int> cells)
    {
        if (ax > bx)
        {
            (ax, bx) = (bx, ax);
            (ay, by) = (by, ay);
        }

        var m = grid.Margin;
        var firstColumn = Clamp(Math.Floor(ax - m), grid.Columns);
        var lastColumn = Clamp(Math.Floor(bx + m), grid.Columns);
        var yLow = Math.Min(ay, by);
        var yHigh = Math.Max(ay, by);
        var dx = bx - ax;
        for (var column = firstColumn; column <= lastColumn; column++)
        {
            double low;
            double high;
            if (dx <= 0)
            {
                low = yLow;
                high = yHigh;
            }
            else
            {
                var t0 = (Math.Max(ax, column - m) - ax) / dx;
                var t1 = (Math.Min(bx, column + 1 + m) - ax) / dx;
                var y0 = ay + (Math.Clamp(t0, 0, 1) * (by - ay));
                var y1 = ay + (Math.Clamp(t1, 0, 1) * (by - ay));
                low = Math.Max(Math.Min(y0, y1), yLow);
                high = Math.Min(Math.Max(y0, y1), yHigh);
            }

            var firstRow = Clamp(Math.Floor(Math.Min(low, high) - m), grid.Rows);
            var lastRow = Clamp(Math.Floor(Math.Max(low, high) + m), grid.Rows);
            for (var row = firstRow; row <= lastRow; row++)
            {
                cells.Add((row * grid.Columns) + column);
            }
        }
    }

    private static int Clamp(double cell, int count) => (int)Math.Clamp(cell, 0, count - 1);

    private sealed record Grid(double OriginX, double OriginY, double ScaleX, double ScaleY, int Columns, int Rows, double Margin);
}
