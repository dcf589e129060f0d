using Geo.Core.Sources;
using Geo.Data.Manifest;

namespace Geo.Data.Import;

/// <summary>
/// Reads neighbourhood polygons from GeoJSON (.geojson, .json), ESRI Shapefile (.shp) or GeoPackage (.gpkg)
/// and returns them in British National Grid (SRID 27700), reprojecting WGS84 input.
/// </summary>
/// <remarks>
/// The CRS is what the file says (a GeoJSON "crs" member, a .prj, the GeoPackage's spatial reference
/// system); when it says nothing, the manifest's <c>crs</c>; a GeoJSON file with neither is WGS84, as RFC
/// 7946 says. Coordinates that plainly contradict the CRS (metres said to be degrees, or the reverse) are an
/// error. Each feature needs a code, unique in the file, and a Polygon or MultiPolygon; invalid polygons
/// are returned as they are, for repair later. The whole file is read and checked before anything is
/// returned. Stateless and thread-safe.
/// </remarks>
public static class BoundaryReader
{
    /// <exception cref="GeoDataException">The file is unreadable or a feature is bad; the message names the feature and field.</exception>
    public static IReadOnlyList<NeighbourhoodBoundary> Read(string path, BoundarySpec spec)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(spec);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var collector = new BoundaryCollector(path, spec, extension switch
        {
            ".shp" => "shape",
            ".gpkg" => "geometry column",
            _ => "geometry",
        });
        switch (extension)
        {
            case ".geojson" or ".json":
                GeoJsonBoundaryFile.Read(collector);
                break;
            case ".shp":
                ShapefileBoundaryFile.Read(collector);
                break;
            case ".gpkg":
                GeoPackageBoundaryFile.Read(collector);
                break;
            default:
                throw new GeoDataException(path, null, null, "is not a boundary file Geo reads: use GeoJSON (.geojson), ESRI Shapefile (.shp) or GeoPackage (.gpkg)");
        }

        return collector.Finish();
    }
}
