namespace Geo.Tiles;

/// <summary>
/// One area's polygon as a zoom band holds it: Web Mercator rings, each closed and stored as
/// interleaved x, y; a shell is followed by its holes. Immutable once built; shared by all threads.
/// </summary>
internal sealed class PreparedArea(AreaFeature feature, double[][] rings, bool[] isShell)
{
    public AreaFeature Feature { get; } = feature;

    public double[][] Rings { get; } = rings;

    public bool[] IsShell { get; } = isShell;

    public double MinX { get; } = Min(rings, 0);

    public double MinY { get; } = Min(rings, 1);

    public double MaxX { get; } = Max(rings, 0);

    public double MaxY { get; } = Max(rings, 1);

    private static double Min(double[][] rings, int offset)
    {
        var min = double.PositiveInfinity;
        foreach (var ring in rings)
        {
            for (var i = offset; i < ring.Length; i += 2)
            {
                min = Math.Min(min, ring[i]);
            }
        }

        return min;
    }

    private static double Max(double[][] rings, int offset)
    {
        var max = double.NegativeInfinity;
        foreach (var ring in rings)
        {
            for (var i = offset; i < ring.Length; i += 2)
            {
                max = Math.Max(max, ring[i]);
            }
        }

        return max;
    }
}
