using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Geo.Spatial.Projection;

/// <summary>Copies a geometry into another coordinate reference system; the input is never modified.</summary>
/// <remarks>
/// The copy is built part by part rather than with <c>GeometryFactory.CreateGeometry</c>, whose editor hands
/// back an empty polygon itself instead of a copy: the result would then share parts with the input and keep
/// its factory and SRID.
/// </remarks>
internal static class GeometryTransform
{
    // Degrees need a floating precision model even when the input has a fixed one (e.g. BNG to the millimetre).
    private static readonly PrecisionModel Floating = new(PrecisionModels.Floating);

    public static Geometry Apply<TTransform>(Geometry geometry, int targetSrid)
        where TTransform : ICoordinateTransform
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(
            Floating, targetSrid, geometry.Factory.CoordinateSequenceFactory);
        return Copy<TTransform>(geometry, factory);
    }

    private static Geometry Copy<TTransform>(Geometry geometry, GeometryFactory factory)
        where TTransform : ICoordinateTransform => geometry switch
        {
            Point point => factory.CreatePoint(Copy<TTransform>(point.CoordinateSequence)),
            LinearRing ring => CopyRing<TTransform>(ring, factory),
            LineString line => factory.CreateLineString(Copy<TTransform>(line.CoordinateSequence)),
            Polygon polygon => factory.CreatePolygon(
                CopyRing<TTransform>(polygon.Shell, factory),
                Array.ConvertAll(polygon.Holes, hole => CopyRing<TTransform>(hole, factory))),
            MultiPoint multi => factory.CreateMultiPoint(CopyParts<TTransform, Point>(multi, factory)),
            MultiLineString multi => factory.CreateMultiLineString(CopyParts<TTransform, LineString>(multi, factory)),
            MultiPolygon multi => factory.CreateMultiPolygon(CopyParts<TTransform, Polygon>(multi, factory)),
            GeometryCollection collection => factory.CreateGeometryCollection(CopyParts<TTransform, Geometry>(collection, factory)),
            _ => throw new NotSupportedException($"Cannot transform a {geometry.GeometryType}."),
        };

    private static LinearRing CopyRing<TTransform>(LinearRing ring, GeometryFactory factory)
        where TTransform : ICoordinateTransform =>
        factory.CreateLinearRing(Copy<TTransform>(ring.CoordinateSequence));

    private static TPart[] CopyParts<TTransform, TPart>(GeometryCollection collection, GeometryFactory factory)
        where TTransform : ICoordinateTransform
        where TPart : Geometry
    {
        var parts = new TPart[collection.NumGeometries];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = (TPart)Copy<TTransform>(collection.GetGeometryN(i), factory);
        }

        return parts;
    }

    /// <summary>A deep copy of the sequence (Z and M kept) with x and y transformed.</summary>
    private static CoordinateSequence Copy<TTransform>(CoordinateSequence sequence)
        where TTransform : ICoordinateTransform
    {
        var copy = sequence.Copy();
        for (var i = 0; i < copy.Count; i++)
        {
            var (x, y) = TTransform.Apply(copy.GetX(i), copy.GetY(i));
            copy.SetX(i, x);
            copy.SetY(i, y);
        }

        return copy;
    }
}
