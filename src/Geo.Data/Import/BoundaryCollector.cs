using Geo.Core.Sources;
using Geo.Data.Manifest;
using Geo.Spatial.Projection;
using NetTopologySuite.Geometries;

namespace Geo.Data.Import;

/// <summary>
/// What the three boundary formats share: checks each feature as it is read (code present and unique,
/// Polygon or MultiPolygon), then decides the CRS, checks the coordinates agree with it, and returns
/// everything in British National Grid. Invalid polygons are kept as they are: repair is not done here.
/// </summary>
internal sealed class BoundaryCollector(string path, BoundarySpec spec, string geometryField)
{
    private const double MaxLongitude = 180;
    private const double MaxLatitude = 90;

    private readonly List<(long Feature, string Code, string? Name, Geometry Geometry)> _features = [];
    private readonly UniqueKeys _codes = new("feature", (feature, problem) => Create(path, feature, spec.CodeField, problem));

    public string Path => path;

    public BoundarySpec Spec => spec;

    /// <summary>What the file says about its CRS; null when it says nothing. Its source reads "from the …".</summary>
    public CrsClaim? Claim { get; set; }

    /// <summary>An error about the file or one feature ("feature N" in the message).</summary>
    public GeoDataException Error(long? feature, string? field, string problem, Exception? inner = null) => Create(path, feature, field, problem, inner);

    public static GeoDataException Create(string path, long? feature, string? field, string problem, Exception? inner = null) =>
        GeoDataException.InFeature(path, feature, field, problem, inner);

    public void Add(long feature, string? code, string? name, Geometry? geometry)
    {
        code = code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            throw Error(feature, spec.CodeField, "is empty; every neighbourhood needs a code");
        }

        _codes.Add(code, feature);
        if (geometry is null || geometry.IsEmpty)
        {
            throw Error(feature, geometryField, "the feature has no geometry");
        }

        if (geometry is not (Polygon or MultiPolygon))
        {
            throw Error(feature, geometryField, $"is a {geometry.GeometryType}; neighbourhood boundaries must be Polygon or MultiPolygon");
        }

        name = name?.Trim();
        _features.Add((feature, code, string.IsNullOrEmpty(name) ? null : name, geometry));
    }

    /// <summary>Resolves the CRS, checks the coordinates look like it, and projects to British National Grid.</summary>
    public IReadOnlyList<NeighbourhoodBoundary> Finish()
    {
        if (_features.Count == 0)
        {
            throw Error(null, null, "the file has no features");
        }

        var (srid, source) = ResolveCrs();
        if (srid == CrsClaim.Wgs84)
        {
            CheckDegrees(source);
        }
        else
        {
            CheckMetres(source);
        }

        var result = new NeighbourhoodBoundary[_features.Count];
        Parallel.For(0, _features.Count, i =>
        {
            var (feature, code, name, geometry) = _features[i];
            Geometry bng;
            if (srid == CrsClaim.Wgs84)
            {
                bng = BritishNationalGrid.FromWgs84(geometry);
            }
            else
            {
                geometry.SRID = BritishNationalGrid.Srid;
                bng = geometry;
            }

            result[i] = new NeighbourhoodBoundary(code, name, bng, feature);
        });
        return result;
    }

    private (int Srid, string Source) ResolveCrs()
    {
        var claim = Claim;
        if (claim is { Epsg: { } epsg, IsDefault: false })
        {
            return (Supported(epsg, claim.Source, null), claim.Source);
        }

        if (spec.Crs is { } manifestCrs)
        {
            var parsed = CrsNames.TryParseEpsg(manifestCrs)
                ?? throw Error(null, "crs", $"'{manifestCrs}' in the manifest is not a CRS name such as EPSG:27700 or EPSG:4326");
            var source = $"from the manifest's crs '{manifestCrs}'";
            return (Supported(parsed, source, "crs"), source);
        }

        return claim switch
        {
            { Epsg: { } declared } => (Supported(declared, claim.Source, null), claim.Source),
            not null => throw Error(
                null,
                null,
                $"its coordinate reference system, {claim.Source}, is not one Geo recognises; if it is British National Grid "
                + "or WGS84, set \"crs\" in the manifest to EPSG:27700 or EPSG:4326, else reproject the file to one of them"),
            null => throw Error(
                null,
                null,
                "the file does not say which coordinate reference system it uses; set \"crs\" in the manifest to EPSG:27700 "
                + "(British National Grid) or EPSG:4326 (WGS84)"),
        };
    }

    private int Supported(int epsg, string source, string? field) => epsg is BritishNationalGrid.Srid or CrsClaim.Wgs84
        ? epsg
        : throw Error(
            null,
            field,
            $"the coordinate reference system is EPSG:{epsg}, {source}; Geo reads British National Grid (EPSG:27700) or "
            + "WGS84 (EPSG:4326): reproject the file, e.g. ogr2ogr -t_srs EPSG:27700");

    private void CheckDegrees(string source)
    {
        foreach (var (feature, _, _, geometry) in _features)
        {
            var e = geometry.EnvelopeInternal;
            if (e.MinX < -MaxLongitude || e.MaxX > MaxLongitude || e.MinY < -MaxLatitude || e.MaxY > MaxLatitude)
            {
                throw Error(
                    feature,
                    geometryField,
                    $"coordinates such as ({e.MaxX:0.###}, {e.MaxY:0.###}) are not longitude/latitude degrees, but the CRS is "
                    + $"WGS84 (EPSG:4326) {source}; if they are British National Grid metres, say EPSG:27700");
            }
        }
    }

    private void CheckMetres(string source)
    {
        var all = new Envelope();
        foreach (var (_, _, _, geometry) in _features)
        {
            all.ExpandToInclude(geometry.EnvelopeInternal);
        }

        if (all.MinX >= -MaxLongitude && all.MaxX <= MaxLongitude && all.MinY >= -MaxLatitude && all.MaxY <= MaxLatitude)
        {
            throw Error(
                null,
                geometryField,
                $"all coordinates lie within ±180, ±90 (e.g. {all.MaxX:0.######}, {all.MaxY:0.######}), so they look like "
                + $"longitude/latitude degrees, but the CRS is British National Grid (EPSG:27700) {source}; if they are "
                + "degrees, say EPSG:4326");
        }
    }
}
