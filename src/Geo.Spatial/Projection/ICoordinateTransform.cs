namespace Geo.Spatial.Projection;

/// <summary>
/// One coordinate operation as a static method, so that <see cref="GeometryTransform"/> is compiled once per
/// operation with the call inlined instead of going through a delegate for every vertex.
/// </summary>
internal interface ICoordinateTransform
{
    static abstract (double X, double Y) Apply(double x, double y);
}
