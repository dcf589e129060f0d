using System.Runtime.InteropServices;

namespace Geo.Tiles;

/// <summary>
/// Turns prepared Web Mercator polygons into MVT polygon commands for one tile: scale to tile units,
/// clip to the buffered tile, round to integers, drop rings that collapse or are under
/// <see cref="TileSettings.MinRingArea"/>, orient shells clockwise
/// and holes anticlockwise (on screen), as MVT 2.1 asks. Not thread-safe: one per tile being cut.
/// </summary>
/// <remarks>
/// Neighbours must keep sharing their edge exactly, so everything done to a vertex depends on that
/// vertex alone (rounding) or on its segment alone (clipping). Clipping computes each crossing from the
/// segment's endpoints in a fixed order, so the two polygons that share a segment, which walk it in
/// opposite directions, get the same crossing point bit for bit. Clipping is Sutherland-Hodgman: it may
/// leave zero-width spurs along the clip square, which lies in the buffer, outside the drawn tile.
/// </remarks>
internal sealed class PolygonEncoder
{
    private const uint MoveTo = 1;
    private const uint LineTo = 2;
    private const uint ClosePath = 7;

    private readonly List<uint> _commands = [];
    private readonly List<double> _a = [];
    private readonly List<double> _b = [];
    private readonly List<int> _ring = [];
    private double _minX;
    private double _maxY;
    private double _scale;
    private int _cursorX;
    private int _cursorY;

    /// <summary>Lowest tile coordinate kept.</summary>
    private static double Low => -TileSettings.Buffer;

    /// <summary>Highest tile coordinate kept.</summary>
    private static double High => TileSettings.Extent + TileSettings.Buffer;

    public void SetTile(TileCoordinate tile)
    {
        _minX = tile.MinX;
        _maxY = tile.MaxY;
        _scale = TileSettings.Extent / tile.Size;
    }

    /// <summary>The area's commands in the current tile; empty when every ring collapsed or fell outside.</summary>
    public ReadOnlySpan<uint> Encode(PreparedArea area)
    {
        _commands.Clear();
        _cursorX = 0;
        _cursorY = 0;
        // Rounding moves a vertex at most half a unit, so a ring is never larger than its envelope grown by
        // one unit each way: most neighbourhoods at low zoom are dropped here without touching a vertex.
        if ((((area.MaxX - area.MinX) * _scale) + 1) * (((area.MaxY - area.MinY) * _scale) + 1) < TileSettings.MinRingArea)
        {
            return [];
        }

        var clip = (area.MinX - _minX) * _scale < Low || (area.MaxX - _minX) * _scale > High
            || (_maxY - area.MaxY) * _scale < Low || (_maxY - area.MinY) * _scale > High;
        var shellKept = false;
        for (var r = 0; r < area.Rings.Length; r++)
        {
            var shell = area.IsShell[r];
            if (shell || shellKept)
            {
                var kept = AddRing(area.Rings[r], shell, clip);
                if (shell)
                {
                    shellKept = kept;
                }
            }
        }

        return CollectionsMarshal.AsSpan(_commands);
    }

    private bool AddRing(double[] ring, bool shell, bool clip)
    {
        _a.Clear();
        // Rings are closed; the closing vertex is implied by ClosePath.
        for (var i = 0; i < ring.Length - 2; i += 2)
        {
            _a.Add((ring[i] - _minX) * _scale);
            _a.Add((_maxY - ring[i + 1]) * _scale);
        }

        var points = _a;
        if (clip)
        {
            ClipEdge(_a, _b, 0, Low, keepAbove: true);
            ClipEdge(_b, _a, 0, High, keepAbove: false);
            ClipEdge(_a, _b, 1, Low, keepAbove: true);
            ClipEdge(_b, _a, 1, High, keepAbove: false);
        }

        if (!Round(points))
        {
            return false;
        }

        var area2 = 0L;
        var n = _ring.Count / 2;
        for (var i = 0; i < n; i++)
        {
            var j = (i + 1) % n;
            area2 += ((long)_ring[2 * i] * _ring[(2 * j) + 1]) - ((long)_ring[2 * j] * _ring[(2 * i) + 1]);
        }

        if (Math.Abs(area2) < 2 * TileSettings.MinRingArea)
        {
            return false;
        }

        // Positive area in tile coordinates (y down) is clockwise on screen: MVT's exterior ring.
        var reverse = shell != area2 > 0;
        _commands.Add(Command(MoveTo, 1));
        Emit(Vertex(0, reverse, n));
        _commands.Add(Command(LineTo, n - 1));
        for (var i = 1; i < n; i++)
        {
            Emit(Vertex(i, reverse, n));
        }

        _commands.Add(Command(ClosePath, 1));
        return true;
    }

    private (int X, int Y) Vertex(int i, bool reverse, int n)
    {
        var k = reverse ? (n - i) % n : i;
        return (_ring[2 * k], _ring[(2 * k) + 1]);
    }

    private void Emit((int X, int Y) p)
    {
        _commands.Add(ZigZag(p.X - _cursorX));
        _commands.Add(ZigZag(p.Y - _cursorY));
        _cursorX = p.X;
        _cursorY = p.Y;
    }

    /// <summary>Rounds to integers into <see cref="_ring"/>, dropping repeats; false when fewer than three remain.</summary>
    private bool Round(List<double> points)
    {
        _ring.Clear();
        for (var i = 0; i < points.Count; i += 2)
        {
            var x = (int)Math.Round(points[i]);
            var y = (int)Math.Round(points[i + 1]);
            var count = _ring.Count;
            if (count == 0 || _ring[count - 2] != x || _ring[count - 1] != y)
            {
                _ring.Add(x);
                _ring.Add(y);
            }
        }

        while (_ring.Count >= 4 && _ring[0] == _ring[^2] && _ring[1] == _ring[^1])
        {
            _ring.RemoveRange(_ring.Count - 2, 2);
        }

        return _ring.Count >= 6;
    }

    /// <summary>One Sutherland-Hodgman pass: keeps the part of the ring on one side of the line
    /// coordinate[<paramref name="axis"/>] = <paramref name="bound"/>.</summary>
    private static void ClipEdge(List<double> input, List<double> output, int axis, double bound, bool keepAbove)
    {
        output.Clear();
        var n = input.Count / 2;
        if (n == 0)
        {
            return;
        }

        var prev = n - 1;
        var prevIn = Inside(input[(2 * prev) + axis], bound, keepAbove);
        for (var i = 0; i < n; i++)
        {
            var curIn = Inside(input[(2 * i) + axis], bound, keepAbove);
            if (curIn != prevIn)
            {
                Cross(input, prev, i, axis, bound, output);
            }

            if (curIn)
            {
                output.Add(input[2 * i]);
                output.Add(input[(2 * i) + 1]);
            }

            prev = i;
            prevIn = curIn;
        }
    }

    private static bool Inside(double value, double bound, bool keepAbove) => keepAbove ? value >= bound : value <= bound;

    /// <summary>Where segment (p, q) crosses the clip line, computed from the endpoints in a fixed
    /// order so that both polygons sharing the segment get the same point.</summary>
    private static void Cross(List<double> points, int p, int q, int axis, double bound, List<double> output)
    {
        double px = points[2 * p], py = points[(2 * p) + 1], qx = points[2 * q], qy = points[(2 * q) + 1];
        if (qx < px || (qx == px && qy < py))
        {
            (px, py, qx, qy) = (qx, qy, px, py);
        }

        if (axis == 0)
        {
            var t = (bound - px) / (qx - px);
            output.Add(bound);
            output.Add(py + (t * (qy - py)));
        }
        else
        {
            var t = (bound - py) / (qy - py);
            output.Add(px + (t * (qx - px)));
            output.Add(bound);
        }
    }

    private static uint Command(uint id, int count) => (id & 0x7) | ((uint)count << 3);

    private static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));
}
