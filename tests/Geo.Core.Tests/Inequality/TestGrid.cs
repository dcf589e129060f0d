using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Core.Tests.Inequality;

/// <summary>Square cells for contiguity tests: row-major, cell (r, c) is index r × columns + c.</summary>
internal static class TestGrid
{
    private static readonly WKTReader Reader = new();

    public static List<Geometry> Squares(int rows, int columns, double size = 100)
    {
        var cells = new List<Geometry>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells.Add(Square(c * size, r * size, size));
            }
        }

        return cells;
    }

    public static Geometry Square(double x, double y, double size) =>
        Reader.Read(FormattableString.Invariant($"POLYGON (({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"));
}
