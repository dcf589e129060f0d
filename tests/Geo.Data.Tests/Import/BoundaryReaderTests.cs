using System.Diagnostics;
using System.Text;
using Geo.Core.Sources;
using Geo.Data.Import;
using Geo.Data.Manifest;
using Geo.Tests;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using Xunit.Abstractions;

namespace Geo.Data.Tests.Import;

public sealed class BoundaryReaderTests(ITestOutputHelper output)
{
    /// <summary>The .prj of the c.2009 local authority shapefile: British National Grid with no EPSG code anywhere.</summary>
    private const string EsriBngPrj =
        "PROJCS[\"Transverse_Mercator\",GEOGCS[\"GCS_OSGB 1936\",DATUM[\"D_OSGB_1936\",SPHEROID[\"Airy_1830\",6377563.396,299.3249646]],"
        + "PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.017453292519943295]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",49],"
        + "PARAMETER[\"central_meridian\",-2],PARAMETER[\"scale_factor\",0.9996012717],PARAMETER[\"false_easting\",400000],"
        + "PARAMETER[\"false_northing\",-100000],UNIT[\"Meter\",1]]";

    private static readonly BoundarySpec Lsoa21 = new() { Path = "b", CodeField = "LSOA21CD", NameField = "LSOA21NM" };

    [Fact]
    public void Read_Rfc7946GeoJson_ReprojectsToBritishNationalGrid()
    {
        var boundaries = BoundaryReader.Read(ImportFixtures.Path("lsoa_rfc7946.geojson"), Lsoa21);

        Assert.Equal(["E01000001", "E01000002", "E01000003"], boundaries.Select(b => b.Code));
        Assert.Equal([1L, 2L, 3L], boundaries.Select(b => b.Feature));
        Assert.All(boundaries, b => Assert.Equal(27700, b.Boundary.SRID));
        var first = boundaries[0].Boundary.Coordinates[0];

        // cs2cs -f %.4f EPSG:4326 EPSG:27700 <<< "51.521585 -0.097266" gives 532106.6428 182012.1554.
        Assert.Equal(532106.6428, first.X, 0.01);
        Assert.Equal(182012.1554, first.Y, 0.01);
    }

    [Fact]
    public void Read_Rfc7946GeoJson_KeepsTypesNamesAndHoles()
    {
        var boundaries = BoundaryReader.Read(ImportFixtures.Path("lsoa_rfc7946.geojson"), Lsoa21);

        Assert.IsType<Polygon>(boundaries[0].Boundary);
        var multi = Assert.IsType<MultiPolygon>(boundaries[1].Boundary);
        Assert.Equal(2, multi.NumGeometries);
        Assert.Equal("City of London 001B", boundaries[1].Name);
        Assert.Equal(1, ((Polygon)boundaries[2].Boundary).NumInteriorRings);
        Assert.Null(boundaries[2].Name);
    }

    [Fact]
    public void Read_GeoJsonWithCrs27700_KeepsCoordinates()
    {
        var spec = new BoundarySpec { Path = "b", CodeField = "code", NameField = "name" };

        var boundaries = BoundaryReader.Read(ImportFixtures.Path("lsoa_crs27700.geojson"), spec);

        Assert.Equal(2, boundaries.Count);
        Assert.Equal(27700, boundaries[0].Boundary.SRID);
        Assert.Equal(new Envelope(532000, 532500, 181000, 181500), boundaries[0].Boundary.EnvelopeInternal);
        Assert.Equal(250_000, boundaries[1].Boundary.Area, 6);
    }

    [Fact]
    public void Read_GeoJsonCrsAfterFeatures_StillUsed()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(ImportFixtures.Path("lsoa_metres_without_crs.geojson")).TrimEnd().TrimEnd('}')
            + ", \"crs\": { \"type\": \"name\", \"properties\": { \"name\": \"urn:ogc:def:crs:EPSG::27700\" } } }";
        var path = folder.Write("late-crs.geojson", text);

        var boundaries = BoundaryReader.Read(path, Lsoa21);

        Assert.Equal(532000, boundaries[0].Boundary.EnvelopeInternal.MinX);
    }

    [Fact]
    public void Read_GeoJsonWithoutCrsButManifestSays27700_UsesManifest()
    {
        var spec = new BoundarySpec { Path = "b", CodeField = "LSOA21CD", Crs = "EPSG:27700" };

        var boundaries = BoundaryReader.Read(ImportFixtures.Path("lsoa_metres_without_crs.geojson"), spec);

        Assert.Equal(532000, boundaries[0].Boundary.EnvelopeInternal.MinX);
    }

    [Fact]
    public void Read_MetresInFileWithoutCrs_ErrorSaysNotDegrees()
    {
        var path = ImportFixtures.Path("lsoa_metres_without_crs.geojson");

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, Lsoa21));

        ImportFixtures.AssertNames(error, path, 1, "geometry");
        Assert.Contains("not longitude/latitude degrees", error.Message, StringComparison.Ordinal);
        Assert.Contains("RFC 7946", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DegreesInFileSaying27700_ErrorSaysLooksLikeDegrees()
    {
        var path = ImportFixtures.Path("lsoa_degrees_said_27700.geojson");

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, Lsoa21));

        Assert.Equal(path, error.File);
        Assert.Contains("look like longitude/latitude degrees", error.Message, StringComparison.Ordinal);
        Assert.Contains("EPSG:27700", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PointFeature_ErrorNamesFileFeatureAndField()
    {
        var path = ImportFixtures.Path("lsoa_point_geometry.geojson");

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, Lsoa21));

        ImportFixtures.AssertNames(error, path, 2, "geometry");
        Assert.Contains("is a Point", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FeatureWithoutCodeProperty_ErrorListsItsProperties()
    {
        var path = ImportFixtures.Path("lsoa_missing_code.geojson");

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, Lsoa21));

        ImportFixtures.AssertNames(error, path, 2, "LSOA21CD");
        Assert.Contains("'LSOA11CD', 'LSOA11NM'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyCode_ErrorNamesFeature()
    {
        var path = ImportFixtures.Path("lsoa_empty_code.geojson");

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, Lsoa21));

        ImportFixtures.AssertNames(error, path, 3, "LSOA21CD");
        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateCode_ErrorNamesBothFeatures()
    {
        var path = ImportFixtures.Path("lsoa_duplicate_code.geojson");

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, Lsoa21));

        ImportFixtures.AssertNames(error, path, 3, "LSOA21CD");
        Assert.Contains("also at feature 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnsupportedCrs_ErrorNamesIt()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(ImportFixtures.Path("lsoa_degrees_said_27700.geojson")).Replace("EPSG:27700", "EPSG:3857", StringComparison.Ordinal);
        var path = folder.Write("mercator.geojson", text);

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, Lsoa21));

        Assert.Contains("EPSG:3857", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedGeoJson_Error()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(ImportFixtures.Path("lsoa_rfc7946.geojson"));
        var path = folder.Write("truncated.geojson", text[..(text.Length / 2)]);

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, Lsoa21));

        Assert.Equal(path, error.File);
    }

    [Fact]
    public void Read_UnclosedRing_ErrorNamesFeature()
    {
        using var folder = new TempFolder();
        var path = folder.Write("open.geojson", """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "LSOA21CD": "E01000001" }, "geometry": { "type": "Polygon", "coordinates": [ [ [ -0.1, 51.5 ], [ -0.09, 51.5 ], [ -0.09, 51.51 ], [ -0.1, 51.52 ] ] ] } }
            ] }
            """);

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, Lsoa21));

        ImportFixtures.AssertNames(error, path, 1, "geometry");
    }

    [Fact]
    public void Read_GeoJsonLargerThanReadBuffer_ReadsEveryFeature()
    {
        // Many features, one of them bigger than the 1 MiB first buffer, with a BOM: the reader must refill and grow.
        using var folder = new TempFolder();
        var path = folder.File("big.geojson");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(true)))
        {
            writer.Write("{\"type\":\"FeatureCollection\",\"features\":[");
            for (var i = 0; i < 3000; i++)
            {
                var vertices = i == 1500 ? 40_000 : 8;
                writer.Write(i == 0 ? string.Empty : ",");
                writer.Write($"{{\"type\":\"Feature\",\"properties\":{{\"LSOA21CD\":\"E{i:D8}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[");
                for (var v = 0; v < vertices; v++)
                {
                    var angle = 2 * Math.PI * v / vertices;
                    writer.Write(FormattableString.Invariant($"[{-1.5 + (0.001 * Math.Cos(angle)):F9},{53 + (0.001 * Math.Sin(angle)):F9}],"));
                }

                writer.Write("[-1.499000000,53.000000000]]]}}");
            }

            writer.Write("]}");
        }

        var boundaries = BoundaryReader.Read(path, Lsoa21);

        Assert.Equal(3000, boundaries.Count);
        Assert.Equal("E00001500", boundaries[1500].Code);
        Assert.Equal(40_001, boundaries[1500].Boundary.NumPoints);
        Assert.Equal("E00002999", boundaries[^1].Code);
    }

    [Fact]
    public void Read_ShapefileWithPrjWithoutEpsg_RecognisedAsBritishNationalGrid()
    {
        using var folder = new TempFolder();
        var path = folder.File("districts.shp");
        WriteShapefile(path, EsriBngPrj);

        var boundaries = BoundaryReader.Read(path, new BoundarySpec { Path = "b", CodeField = "name" });

        Assert.Equal(["Hartlepool", "Middlesbrough"], boundaries.Select(b => b.Code));
        Assert.All(boundaries, b => Assert.Equal(27700, b.Boundary.SRID));
        Assert.Equal(new Envelope(445000, 455000, 525000, 535000), boundaries[0].Boundary.EnvelopeInternal);
    }

    [Fact]
    public void Read_ShapefileWithWgs84Prj_Reprojected()
    {
        using var folder = new TempFolder();
        var path = folder.File("wgs84.shp");
        var feature = new Feature(TestGeoPackage.Square(-1.25, 54.6, 0.01), new AttributesTable { { "code", "E06000001" } });
        Shapefile.WriteAllFeatures([feature], path, TestGeoPackage.Wgs84Definition.Replace("WGS_1984", "D_WGS_1984", StringComparison.Ordinal));

        var boundaries = BoundaryReader.Read(path, new BoundarySpec { Path = "b", CodeField = "code" });

        Assert.Equal(27700, boundaries[0].Boundary.SRID);
        Assert.InRange(boundaries[0].Boundary.EnvelopeInternal.MinX, 440_000, 460_000);
        Assert.InRange(boundaries[0].Boundary.EnvelopeInternal.MinY, 520_000, 540_000);
    }

    [Fact]
    public void Read_ShapefileWithUnknownPrj_ErrorAsksForManifestCrs()
    {
        using var folder = new TempFolder();
        var path = folder.File("utm.shp");
        WriteShapefile(path, "PROJCS[\"WGS_1984_UTM_Zone_30N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000],PARAMETER[\"False_Northing\",0],PARAMETER[\"Central_Meridian\",-3],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0],UNIT[\"Meter\",1]]");

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, new BoundarySpec { Path = "b", CodeField = "name" }));

        Assert.Contains("WGS_1984_UTM_Zone_30N", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"crs\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ShapefileWithoutPrj_NeedsManifestCrs()
    {
        using var folder = new TempFolder();
        var path = folder.File("districts.shp");
        WriteShapefile(path, null);

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, new BoundarySpec { Path = "b", CodeField = "name" }));
        var boundaries = BoundaryReader.Read(path, new BoundarySpec { Path = "b", CodeField = "NAME", Crs = "EPSG:27700" });

        Assert.Contains("does not say which coordinate reference system", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, boundaries.Count);
    }

    [Fact]
    public void Read_ShapefileMissingAttribute_ErrorListsAttributes()
    {
        using var folder = new TempFolder();
        var path = folder.File("districts.shp");
        WriteShapefile(path, EsriBngPrj);

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, new BoundarySpec { Path = "b", CodeField = "LAD09CD" }));

        ImportFixtures.AssertNames(error, path, null, "LAD09CD");
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GeoPackageInBng_FirstFeatureLayer()
    {
        using var folder = new TempFolder();
        var path = folder.File("lsoa.gpkg");
        TestGeoPackage.Create(path, "lsoa21", 27700, "EPSG", 27700, TestGeoPackage.BngDefinition,
        [
            ("E01000001", "City of London 001A", TestGeoPackage.Square(532000, 181000, 100)),
            ("E01000002", null, new GeometryFactory().CreateMultiPolygon([TestGeoPackage.Square(532100, 181000, 100), TestGeoPackage.Square(532300, 181000, 50)])),
            ("E01000003", "City of London 001C", TestGeoPackage.Square(532200, 181000, 100)),
        ]);

        var boundaries = BoundaryReader.Read(path, Lsoa21);

        Assert.Equal(["E01000001", "E01000002", "E01000003"], boundaries.Select(b => b.Code));
        Assert.Equal(27700, boundaries[0].Boundary.SRID);
        Assert.Equal(10_000 + 2_500, boundaries[1].Boundary.Area, 6);
        Assert.Null(boundaries[1].Name);
    }

    [Fact]
    public void Read_GeoPackageWithoutEpsgOrganisation_RecognisedByDefinition()
    {
        using var folder = new TempFolder();
        var path = folder.File("lsoa.gpkg");
        TestGeoPackage.Create(path, "areas", 100001, "NONE", 100001, TestGeoPackage.Wgs84Definition, [("E01000001", "A", TestGeoPackage.Square(-0.1, 51.5, 0.001))]);

        var boundaries = BoundaryReader.Read(path, new BoundarySpec { Path = "b", CodeField = "lsoa21cd", Layer = "AREAS" });

        Assert.Equal(27700, boundaries[0].Boundary.SRID);
        Assert.InRange(boundaries[0].Boundary.EnvelopeInternal.MinX, 530_000, 532_000);
    }

    [Fact]
    public void Read_GeoPackageMissingColumn_ErrorListsColumns()
    {
        using var folder = new TempFolder();
        var path = folder.File("lsoa.gpkg");
        TestGeoPackage.Create(path, "lsoa21", 27700, "EPSG", 27700, TestGeoPackage.BngDefinition, [("E01000001", "A", TestGeoPackage.Square(532000, 181000, 100))]);

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, new BoundarySpec { Path = "b", CodeField = "LSOA11CD" }));

        ImportFixtures.AssertNames(error, path, null, "LSOA11CD");
        Assert.Contains("'fid', 'geom', 'LSOA21CD', 'LSOA21NM'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GeoPackageMissingLayer_ErrorListsLayers()
    {
        using var folder = new TempFolder();
        var path = folder.File("lsoa.gpkg");
        TestGeoPackage.Create(path, "lsoa21", 27700, "EPSG", 27700, TestGeoPackage.BngDefinition, [("E01000001", "A", TestGeoPackage.Square(532000, 181000, 100))]);

        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(path, new BoundarySpec { Path = "b", CodeField = "LSOA21CD", Layer = "lsoa11" }));

        Assert.Equal("layer", error.Field);
        Assert.Contains("'lsoa21'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GeoPackageNullCodeAndNullGeometry_ErrorsNameFeature()
    {
        using var folder = new TempFolder();
        var nullCode = folder.File("null-code.gpkg");
        var nullGeometry = folder.File("null-geometry.gpkg");
        TestGeoPackage.Create(nullCode, "lsoa21", 27700, "EPSG", 27700, TestGeoPackage.BngDefinition, [("E01000001", "A", TestGeoPackage.Square(532000, 181000, 100)), (null, "B", TestGeoPackage.Square(532100, 181000, 100))]);
        TestGeoPackage.Create(nullGeometry, "lsoa21", 27700, "EPSG", 27700, TestGeoPackage.BngDefinition, [("E01000001", "A", null)]);

        var codeError = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(nullCode, Lsoa21));
        var geometryError = Assert.Throws<GeoDataException>(() => BoundaryReader.Read(nullGeometry, Lsoa21));

        ImportFixtures.AssertNames(codeError, nullCode, 2, "LSOA21CD");
        Assert.Equal(1, geometryError.Line);
        Assert.Contains("no geometry", geometryError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownExtension_Error()
    {
        var error = Assert.Throws<GeoDataException>(() => BoundaryReader.Read("boundaries.kml", Lsoa21));

        Assert.Contains(".gpkg", error.Message, StringComparison.Ordinal);
    }

    [EnglandFact]
    public void Read_EnglandGeoPackage_Gives33755InBng()
    {
        var stopwatch = Stopwatch.StartNew();
        var boundaries = BoundaryReader.Read(SharedData.England("boundaries", "lsoa21_bsc_epsg27700.gpkg"), Lsoa21);
        output.WriteLine($"GeoPackage, 33,755 LSOAs: {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(33_755, boundaries.Count);
        Assert.All(boundaries, b => Assert.Equal(27700, b.Boundary.SRID));
        AssertInEngland(boundaries);
    }

    [EnglandFact]
    public void Read_EnglandGeoJson_AgreesWithGeoPackageWithinTenMetres()
    {
        var stopwatch = Stopwatch.StartNew();
        var fromGeoJson = BoundaryReader.Read(SharedData.England("boundaries", "lsoa21_bsc_epsg4326.geojson"), Lsoa21);
        output.WriteLine($"GeoJSON (WGS84, reprojected), 33,755 LSOAs: {stopwatch.ElapsedMilliseconds} ms");
        var fromGeoPackage = BoundaryReader.Read(SharedData.England("boundaries", "lsoa21_bsc_epsg27700.gpkg"), Lsoa21)
            .ToDictionary(b => b.Code);

        Assert.Equal(33_755, fromGeoJson.Count);
        AssertInEngland(fromGeoJson);
        foreach (var code in new[] { "E01000001", "E01011954", "E01033768" })
        {
            var a = fromGeoJson.Single(b => b.Code == code).Boundary.Centroid;
            var b = fromGeoPackage[code].Boundary.Centroid;
            Assert.True(a.Distance(b) < 10, $"{code}: centroids {a.Distance(b):0.0} m apart");
        }
    }

    [EnglandFact]
    public void Read_England2011GeoJsonWithCrs84AndInvalidPolygons_Reads32844()
    {
        var stopwatch = Stopwatch.StartNew();
        var boundaries = BoundaryReader.Read(
            SharedData.England("boundaries", "lsoa11_bgc_epsg4326.geojson"),
            new BoundarySpec { Path = "b", CodeField = "LSOA11CD", NameField = "LSOA11NM" });
        output.WriteLine($"GeoJSON 2011 BGC (CRS84), 32,844 LSOAs: {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(32_844, boundaries.Count);
        Assert.Contains(boundaries, b => !b.Boundary.IsValid);
        AssertInEngland(boundaries);
    }

    [EnglandFact]
    public void Read_EnglandShapefileByName_Reads324InBng()
    {
        var boundaries = BoundaryReader.Read(
            SharedData.England("boundaries", "lad_c2009_bng_shapefile", "englandlocalauthority.shp"),
            new BoundarySpec { Path = "b", CodeField = "name" });

        Assert.Equal(324, boundaries.Count);
        Assert.All(boundaries, b => Assert.Equal(27700, b.Boundary.SRID));
        AssertInEngland(boundaries);
    }

    private static void AssertInEngland(IReadOnlyList<NeighbourhoodBoundary> boundaries)
    {
        var all = new Envelope();
        foreach (var boundary in boundaries)
        {
            all.ExpandToInclude(boundary.Boundary.EnvelopeInternal);
        }

        Assert.InRange(all.MinX, 80_000, 660_000);
        Assert.InRange(all.MaxX, 80_000, 660_000);
        Assert.InRange(all.MinY, 5_000, 660_000);
        Assert.InRange(all.MaxY, 5_000, 660_000);
    }

    private static void WriteShapefile(string path, string? projection)
    {
        var features = new[]
        {
            new Feature(TestGeoPackage.Square(445000, 525000, 10000), new AttributesTable { { "name", "Hartlepool" } }),
            new Feature(new GeometryFactory().CreateMultiPolygon([TestGeoPackage.Square(445000, 515000, 5000), TestGeoPackage.Square(451000, 515000, 4000)]), new AttributesTable { { "name", "Middlesbrough" } }),
        };
        Shapefile.WriteAllFeatures(features, path, projection);
    }
}
