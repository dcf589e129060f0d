namespace Geo.Tiles;

/// <summary>
/// A tile of the XYZ (slippy map) scheme: zoom <see cref="Z"/>, column <see cref="X"/> from the west,
/// row <see cref="Y"/> from the north, in the Web Mercator square. An immutable value; thread-safe.
/// </summary>
public readonly record struct TileCoordinate(int Z, int X, int Y)
{
    /// <summary>Half the side of the Web Mercator square, metres (x at longitude 180°).</summary>
    public const double WorldHalf = 20037508.342789244;

    /// <summary>Tiles per side at this zoom (2^z).</summary>
    public long TilesPerSide => 1L << Z;

    /// <summary>True when <see cref="X"/> and <see cref="Y"/> lie in the zoom's grid (0..2^z-1).</summary>
    public bool IsInGrid => Z is >= 0 and < 31 && X >= 0 && Y >= 0 && X < TilesPerSide && Y < TilesPerSide;

    /// <summary>Side of the tile in Web Mercator metres.</summary>
    public double Size => 2 * WorldHalf / TilesPerSide;

    /// <summary>West edge, Web Mercator metres.</summary>
    public double MinX => -WorldHalf + (X * Size);

    /// <summary>North edge, Web Mercator metres.</summary>
    public double MaxY => WorldHalf - (Y * Size);

    public override string ToString() => $"{Z}/{X}/{Y}";
}
