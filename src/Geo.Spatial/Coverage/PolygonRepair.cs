using System.Globalization;
using Geo.Core.Reports;
using Geo.Core.Sources;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Valid;

namespace Geo.Spatial.Coverage;

/// <summary>
/// Mends invalid neighbourhood polygons on import and reports each repair, so that every later step
/// (coverage checks, dissolve, tiles) can rely on valid polygonal geometry.
/// </summary>
/// <remarks>
/// Works in whatever coordinate system the boundaries are in; the reported area change is in that
/// system's square units (square metres for British National Grid). Stateless and thread-safe: input
/// geometries are only read, and the report is written from the calling thread after the parallel
/// work is done.
/// </remarks>
public static class PolygonRepair
{
    /// <summary>
    /// Returns the boundaries with every invalid polygon mended, in input order. A valid Polygon or
    /// MultiPolygon is passed through as the same instance. An invalid one (or one that is not
    /// polygonal) is fixed with NTS <see cref="GeometryFixer"/>, its polygonal parts kept as a
    /// Polygon or MultiPolygon, and a <see cref="GeometryRepair"/> added to <paramref name="report"/>
    /// naming the validation error as found and the area change (after minus before, where "before"
    /// is the area NTS computes on the invalid rings).
    /// </summary>
    /// <exception cref="GeoDataException">A boundary is empty, or has no area left after repair. The
    /// first such feature in input order is reported, and nothing is added to the report.</exception>
    public static IReadOnlyList<NeighbourhoodBoundary> Repair(
        IReadOnlyList<NeighbourhoodBoundary> boundaries, string file, DatasetReport report)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(report);

        var results = new NeighbourhoodBoundary[boundaries.Count];
        var repairs = new GeometryRepair?[boundaries.Count];
        var failures = new string?[boundaries.Count];

        // Validation dominates the cost and each feature is independent; results land in their own
        // slots so the output and the report stay in input order whatever the scheduling.
        Parallel.For(0, boundaries.Count, i =>
        {
            var boundary = boundaries[i];
            var outcome = RepairOne(boundary, file);
            results[i] = outcome.Boundary ?? boundary;
            repairs[i] = outcome.Repair;
            failures[i] = outcome.Failure;
        });

        for (var i = 0; i < failures.Length; i++)
        {
            if (failures[i] is { } failure)
            {
                throw GeoDataException.InFeature(file, boundaries[i].Feature, null, failure);
            }
        }

        foreach (var repair in repairs)
        {
            if (repair is not null)
            {
                report.Repairs.Add(repair);
            }
        }

        return results;
    }

    private static (NeighbourhoodBoundary? Boundary, GeometryRepair? Repair, string? Failure) RepairOne(
        NeighbourhoodBoundary boundary, string file)
    {
        var geometry = boundary.Boundary;
        if (geometry is null || geometry.IsEmpty)
        {
            return (null, null, $"neighbourhood {boundary.Code} has an empty boundary.");
        }

        var error = new IsValidOp(geometry).ValidationError;
        var polygonal = geometry is Polygon or MultiPolygon;
        if (error is null && polygonal)
        {
            return (boundary, null, null);
        }

        var problem = error is null
            ? $"{geometry.GeometryType} is not a polygon"
            : Describe(error);

        Geometry mended;
        try
        {
            mended = KeepPolygons(GeometryFixer.Fix(geometry, false));
        }
        catch (Exception ex) when (ex is TopologyException or ArgumentException or InvalidOperationException)
        {
            return (null, null, $"neighbourhood {boundary.Code} could not be mended ({problem}): {ex.Message}");
        }

        if (mended.IsEmpty || mended.Area <= 0)
        {
            return (null, null, $"neighbourhood {boundary.Code} has no area left after mending its invalid polygon ({problem}).");
        }

        var repair = new GeometryRepair(boundary.Code, file, boundary.Feature, problem, mended.Area - geometry.Area);
        return (boundary with { Boundary = mended }, repair, null);
    }

    /// <summary>The polygonal parts of a fixed geometry as one valid Polygon or MultiPolygon.</summary>
    private static Geometry KeepPolygons(Geometry fixedGeometry)
    {
        if (fixedGeometry is Polygon or MultiPolygon)
        {
            return fixedGeometry;
        }

        var factory = fixedGeometry.Factory;
        var polygons = PolygonExtracter.GetPolygons(fixedGeometry).Cast<Polygon>().Where(p => !p.IsEmpty).ToArray();
        Geometry result = polygons.Length switch
        {
            0 => factory.CreatePolygon(),
            1 => polygons[0],
            _ => factory.CreateMultiPolygon(polygons),
        };

        // Polygons pulled out of a mixed collection may overlap one another; merge them if so.
        return result.IsValid ? result : KeepPolygonsOfUnion(result);
    }

    private static Geometry KeepPolygonsOfUnion(Geometry geometry)
    {
        var union = OverlayNGRobust.Union(geometry);
        return union is Polygon or MultiPolygon ? union : KeepPolygons(union);
    }

    /// <summary>"Self-intersection at (x y)", with the coordinate as NTS found it.</summary>
    private static string Describe(TopologyValidationError error)
    {
        var at = error.Coordinate;
        if (at is null)
        {
            return error.Message;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{error.Message} at ({Format(at.X)} {Format(at.Y)})");
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
