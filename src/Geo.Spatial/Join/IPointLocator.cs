namespace Geo.Spatial.Join;

/// <summary>
/// Finds the polygon covering each of a batch of points: the in-process <see cref="PointIndex"/>, or a
/// database holding the polygons. Polygons are numbered 0..Count-1 in code order; the lowest covering one wins.
/// </summary>
public interface IPointLocator
{
    /// <summary>The number of polygons.</summary>
    int Count { get; }

    /// <summary>The code of polygon <paramref name="index"/>.</summary>
    string Code(int index);

    /// <summary>Writes the index of the polygon covering each point, or -1 for none (NaN coordinates: none).</summary>
    void LocateAll(ReadOnlyMemory<double> xs, ReadOnlyMemory<double> ys, Memory<int> result, CancellationToken cancellation);
}
