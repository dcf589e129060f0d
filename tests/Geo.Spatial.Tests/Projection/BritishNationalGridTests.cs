using Geo.Spatial.Projection;
using Geo.Tests;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Spatial.Tests.Projection;

public class BritishNationalGridTests
{
    /// <summary>
    /// PROJ 9.1.1 with no OSTN15 grid installed, so it applies EPSG:1314, the same 7-parameter Helmert:
    /// <c>cs2cs -f %.9f EPSG:27700 EPSG:4326</c> (input "easting northing", output "lat lon").
    /// The first row is the OS guide's Caister water tower; the others are OSTN15 test points' National Grid
    /// coordinates plus one near Berwick.
    /// </summary>
    public static readonly TheoryData<double, double, double, double> Cs2csGridToWgs84 = new()
    {
        { 651409.903, 313177.270, 52.657978599, 1.716051990 },
        { 91492.146, 11318.804, 49.922269974, -6.299712260 },
        { 250359.811, 62016.569, 50.438870990, -4.108618135 },
        { 449816.371, 75335.861, 50.575648098, -1.297832146 },
        { 639821.835, 169565.858, 51.374463135, 1.444522185 },
        { 362269.991, 169978.690, 51.427549437, -2.544075534 },
        { 530624.974, 178388.464, 51.489364594, -0.119950536 },
        { 389544.190, 261912.153, 52.255279636, -2.154593222 },
        { 562180.547, 319784.995, 52.751344780, 0.401519731 },
        { 357455.843, 383290.436, 53.344787309, -2.640493108 },
        { 422242.186, 433818.701, 53.800199825, -1.663787014 },
        { 525745.670, 470703.214, 54.116830940, -0.077718308 },
        { 339921.145, 556034.761, 54.895416902, -2.938273507 },
        { 424639.355, 565012.703, 54.979115928, -1.616563048 },
        { 399000.000, 655000.000, 55.788306667, -2.017515320 },
    };

    /// <summary>
    /// The other direction, same PROJ: <c>cs2cs -f %.4f EPSG:4326 EPSG:27700</c> (input "lat lon", output
    /// "easting northing"), on OSTN15 test points' ETRS89 positions and one near Berwick.
    /// </summary>
    public static readonly TheoryData<double, double, double, double> Cs2csWgs84ToGrid = new()
    {
        { 49.92226393730, -6.29977752014, 91487.4255, 11318.4018 },
        { 50.43885825610, -4.10864563561, 250357.8188, 62015.2080 },
        { 50.57563665000, -1.29782277240, 449817.0476, 75334.5937 },
        { 51.37447025550, 1.44454730409, 639823.5465, 169566.7313 },
        { 51.42754743020, -2.54407618349, 362269.9449, 169978.4667 },
        { 51.48936564950, -0.11992557180, 530626.7050, 178388.6254 },
        { 52.75136687170, 0.40153547065, 562181.5280, 319787.4870 },
        { 53.34480280190, -2.64049320810, 357455.8526, 383292.1593 },
        { 53.80021519630, -1.66379168242, 422241.8713, 433820.4095 },
        { 54.97912273660, -1.61657685184, 424638.4682, 565013.4557 },
        { 55.81, -2.05, 396964.6331, 657415.4015 },
    };

    /// <summary>
    /// Ordnance Survey OSTN15 test points in England (OSTN15_TestInput_ETRStoOSGB.txt / TestOutput, OS
    /// developer pack "OSTN15-NTv2", Crown copyright, OSI BSD licence): ETRS89 latitude and longitude and the
    /// National Grid easting and northing OSTN15 gives for them. ETRS89 stands in for WGS 84 (about 1 m apart
    /// in Britain), and the Helmert transformation is only good to a few metres, hence the 5 m budget.
    /// </summary>
    public static readonly TheoryData<string, double, double, double, double> Ostn15England = new()
    {
        { "TP01 Scilly", 49.92226393730, -6.29977752014, 91492.146, 11318.804 },
        { "TP02", 49.96006137820, -5.20304609998, 170370.718, 11572.405 },
        { "TP03", 50.43885825610, -4.10864563561, 250359.811, 62016.569 },
        { "TP04", 50.57563665000, -1.29782277240, 449816.371, 75335.861 },
        { "TP05 Former OSHQ", 50.93127937910, -1.45051433700, 438710.920, 114792.250 },
        { "TP07 North Foreland Lighthouse", 51.37447025550, 1.44454730409, 639821.835, 169565.858 },
        { "TP08 Brislington", 51.42754743020, -2.54407618349, 362269.991, 169978.690 },
        { "TP09 Lambeth", 51.48936564950, -0.11992557180, 530624.974, 178388.464 },
        { "TP11 Colchester", 51.89436637350, 0.89724327012, 599445.590, 225722.826 },
        { "TP12 Droitwich", 52.25529381630, -2.15458614387, 389544.190, 261912.153 },
        { "TP13 Northampton", 52.25160951230, -0.91248956970, 474335.969, 262047.755 },
        { "TP14 King's Lynn", 52.75136687170, 0.40153547065, 562180.547, 319784.995 },
        { "TP15 Nottingham", 52.96219109410, -1.19747655922, 454002.834, 340834.943 },
        { "TP16 STFC Daresbury", 53.34480280190, -2.64049320810, 357455.843, 383290.436 },
        { "TP19 Blackpool Airport", 53.77911025760, -3.04045490691, 331534.564, 431920.794 },
        { "TP20 Pudsey", 53.80021519630, -1.66379168242, 422242.186, 433818.701 },
        { "TP22 Flamborough Head", 54.11685144290, -0.07773133187, 525745.670, 470703.214 },
        { "TP24 Carlisle", 54.89542340420, -2.93827741149, 339921.145, 556034.761 },
        { "TP25 Newcastle University", 54.97912273660, -1.61657685184, 424639.355, 565012.703 },
    };

    /// <summary>
    /// The same grid points' OSGB36 latitude and longitude, i.e. the answer without a datum shift:
    /// <c>cs2cs -f %.9f EPSG:27700 EPSG:4277</c>. The Caister row is also the OS guide's worked example
    /// (52°39'27.2531"N, 1°43'4.5177"E).
    /// </summary>
    public static readonly TheoryData<double, double, double, double> Cs2csGridToOsgb36 = new()
    {
        { 651409.903, 313177.270, 52.657570303, 1.717921584 },
        { 91492.146, 11318.804, 49.921655174, -6.298855882 },
        { 530624.974, 178388.464, 51.488851976, -0.118343919 },
        { 422242.186, 433818.701, 53.799980809, -1.662264916 },
        { 339921.145, 556034.761, 54.895345557, -2.936861938 },
    };

    private static readonly WKTReader Reader = new();

    [Theory]
    [MemberData(nameof(Cs2csGridToWgs84))]
    public void ToWgs84_Cs2csHelmertPoints_AgreeWithinOneMillimetre(double easting, double northing, double lat, double lon)
    {
        var (actualLon, actualLat) = BritishNationalGrid.ToWgs84(easting, northing);

        // cs2cs printed 9 decimals (0.1 mm); the formulae are the same, so only rounding separates them.
        Assert.InRange(GroundDistance.Metres(actualLon, actualLat, lon, lat), 0.0, 0.001);
    }

    [Theory]
    [MemberData(nameof(Cs2csWgs84ToGrid))]
    public void FromWgs84_Cs2csHelmertPoints_AgreeWithinThreeMillimetres(double lat, double lon, double easting, double northing)
    {
        var (actualEasting, actualNorthing) = BritishNationalGrid.FromWgs84(lon, lat);

        // Not identical by design: FromWgs84 inverts ToWgs84 exactly, where PROJ puts the WGS 84 point at
        // height 0, about 1 mm to the side (see BritishNationalGrid.FromWgs84).
        Assert.InRange(GroundDistance.Planar(actualEasting, actualNorthing, easting, northing), 0.0, 0.003);
    }

    [Theory]
    [MemberData(nameof(Ostn15England))]
    public void ToWgs84_Ostn15TestPoints_WithinFiveMetresOfEtrs89(string point, double lat, double lon, double easting, double northing)
    {
        var (actualLon, actualLat) = BritishNationalGrid.ToWgs84(easting, northing);

        var error = GroundDistance.Metres(actualLon, actualLat, lon, lat);
        Assert.True(error <= 5.0, $"{point}: {error:F2} m from the OS's ETRS89 position");
    }

    [Theory]
    [MemberData(nameof(Ostn15England))]
    public void FromWgs84_Ostn15TestPoints_WithinFiveMetresOfNationalGrid(string point, double lat, double lon, double easting, double northing)
    {
        var (actualEasting, actualNorthing) = BritishNationalGrid.FromWgs84(lon, lat);

        var error = GroundDistance.Planar(actualEasting, actualNorthing, easting, northing);
        Assert.True(error <= 5.0, $"{point}: {error:F2} m from the OS's National Grid position");
    }

    [Theory]
    [MemberData(nameof(Cs2csGridToOsgb36))]
    public void ToWgs84_GridPoint_IsFarFromThePlainEllipsoidChange(double easting, double northing, double osgb36Lat, double osgb36Lon)
    {
        // A conversion that projects back onto Airy 1830 and calls the result WGS 84 lands 70-130 m away.
        var (lon, lat) = BritishNationalGrid.ToWgs84(easting, northing);

        Assert.InRange(GroundDistance.Metres(lon, lat, osgb36Lon, osgb36Lat), 50.0, 200.0);
    }

    [Fact]
    public void ToWgs84_FromManyThreadsAtOnce_GivesTheSameAnswersAsOneThread()
    {
        // ProjNet does not document thread-safety; Dataset, tiles and the API call this from parallel loops.
        var points = Enumerable.Range(0, 20000).Select(i => (E: 90000.0 + (i * 29.3), N: 10000.0 + (i * 32.7))).ToArray();
        var alone = points.Select(p => BritishNationalGrid.ToWgs84(p.E, p.N)).ToArray();
        var together = new (double Lon, double Lat)[points.Length];
        var backTogether = new (double E, double N)[points.Length];

        Parallel.For(0, points.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            together[i] = BritishNationalGrid.ToWgs84(points[i].E, points[i].N);
            backTogether[i] = BritishNationalGrid.FromWgs84(together[i].Lon, together[i].Lat);
        });

        Assert.Equal(alone, together);
        Assert.All(Enumerable.Range(0, points.Length), i =>
            Assert.InRange(GroundDistance.Planar(backTogether[i].E, backTogether[i].N, points[i].E, points[i].N), 0.0, 1e-6));
    }

    [Fact]
    public void ToWgs84_LambethPoint_ReturnsLongitudeFirst()
    {
        var (lon, lat) = BritishNationalGrid.ToWgs84(530624.974, 178388.464);

        Assert.InRange(lon, -0.2, 0.0);
        Assert.InRange(lat, 51.4, 51.6);
    }

    [Fact]
    public void ToWgs84_NaN_GivesNaN()
    {
        var (lon, lat) = BritishNationalGrid.ToWgs84(double.NaN, 300000.0);

        Assert.True(double.IsNaN(lon) && double.IsNaN(lat));
    }

    [Fact]
    public void FromWgs84_ToWgs84_RoundTripsWithinOneMicrometre()
    {
        var worst = 0.0;
        for (var easting = 80000.0; easting <= 660000.0; easting += 14500.0)
        {
            for (var northing = 5000.0; northing <= 660000.0; northing += 16375.0)
            {
                var (lon, lat) = BritishNationalGrid.ToWgs84(easting, northing);
                var (backEasting, backNorthing) = BritishNationalGrid.FromWgs84(lon, lat);
                worst = Math.Max(worst, GroundDistance.Planar(backEasting, backNorthing, easting, northing));
            }
        }

        Assert.InRange(worst, 0.0, 1e-6);
    }

    [Fact]
    public void ToWgs84_FromWgs84_RoundTripsWithinOneMicrometre()
    {
        var worst = 0.0;
        for (var lon = -6.5; lon <= 2.0; lon += 0.25)
        {
            for (var lat = 49.8; lat <= 55.9; lat += 0.2)
            {
                var (easting, northing) = BritishNationalGrid.FromWgs84(lon, lat);
                var (backLon, backLat) = BritishNationalGrid.ToWgs84(easting, northing);
                worst = Math.Max(worst, GroundDistance.Metres(backLon, backLat, lon, lat));
            }
        }

        Assert.InRange(worst, 0.0, 1e-6);
    }

    [Fact]
    public void ToWgs84_Polygon_KeepsRingsClosedSetsSridAndLeavesInputAlone()
    {
        var bng = Reader.Read(
            "POLYGON ((530000 178000, 531000 178000, 531000 179000, 530000 179000, 530000 178000), "
            + "(530200 178200, 530200 178400, 530400 178400, 530200 178200))");
        bng.SRID = BritishNationalGrid.Srid;
        var before = bng.Copy();

        var wgs84 = (Polygon)BritishNationalGrid.ToWgs84(bng);

        Assert.Equal(4326, wgs84.SRID);
        Assert.True(wgs84.Shell.IsClosed);
        Assert.True(wgs84.GetInteriorRingN(0).IsClosed);
        Assert.True(wgs84.IsValid);
        Assert.True(bng.EqualsExact(before));
        Assert.Equal(BritishNationalGrid.Srid, bng.SRID);
        var expected = BritishNationalGrid.ToWgs84(531000, 179000);
        Assert.Equal(expected.Lon, wgs84.Shell.GetCoordinateN(2).X);
        Assert.Equal(expected.Lat, wgs84.Shell.GetCoordinateN(2).Y);
    }

    [Fact]
    public void FromWgs84_MultiPolygon_SetsSridOnEveryPart()
    {
        var wgs84 = Reader.Read(
            "MULTIPOLYGON (((-1.6 53.8, -1.5 53.8, -1.5 53.9, -1.6 53.8)), ((0.1 51.5, 0.2 51.5, 0.2 51.6, 0.1 51.5)))");

        var bng = BritishNationalGrid.FromWgs84(wgs84);

        Assert.Equal(BritishNationalGrid.Srid, bng.SRID);
        Assert.All(Enumerable.Range(0, bng.NumGeometries), i => Assert.Equal(BritishNationalGrid.Srid, bng.GetGeometryN(i).SRID));
        var expected = BritishNationalGrid.FromWgs84(0.2, 51.6);
        Assert.Equal(expected.Easting, bng.GetGeometryN(1).Coordinates[2].X);
        Assert.Equal(expected.Northing, bng.GetGeometryN(1).Coordinates[2].Y);
        Assert.Equal(-1.6, wgs84.Coordinates[0].X);
    }

    [Fact]
    public void ToWgs84_FixedPrecisionInput_GivesFloatingPrecisionOutput()
    {
        // A factory that rounds to the millimetre suits metres and would wreck degrees.
        var factory = new GeometryFactory(new PrecisionModel(1000.0), BritishNationalGrid.Srid);
        var point = factory.CreatePoint(new Coordinate(651409.903, 313177.270));

        var wgs84 = (Point)BritishNationalGrid.ToWgs84(point);

        Assert.True(wgs84.PrecisionModel.IsFloating);
        Assert.InRange(GroundDistance.Metres(wgs84.X, wgs84.Y, 1.716051990, 52.657978599), 0.0, 0.001);
    }

    [Fact]
    public void ToWgs84_PointWithZ_KeepsZ()
    {
        var point = new GeometryFactory().CreatePoint(new CoordinateZ(422242.186, 433818.701, 99.5));

        var wgs84 = (Point)BritishNationalGrid.ToWgs84(point);

        Assert.Equal(99.5, wgs84.Coordinate.Z);
    }

    [Theory]
    [InlineData("POLYGON EMPTY")]
    [InlineData("MULTIPOLYGON (((530000 178000, 531000 178000, 531000 179000, 530000 178000)), EMPTY)")]
    [InlineData("GEOMETRYCOLLECTION (POINT EMPTY, LINESTRING EMPTY)")]
    public void ToWgs84_EmptyParts_AreCopiedWithTheNewSrid(string wkt)
    {
        // Regression: NTS's GeometryFactory.CreateGeometry returns an empty polygon itself, not a copy.
        var bng = Reader.Read(wkt);
        bng.SRID = BritishNationalGrid.Srid;

        var wgs84 = BritishNationalGrid.ToWgs84(bng);

        Assert.Equal(bng.IsEmpty, wgs84.IsEmpty);
        Assert.Equal(bng.GeometryType, wgs84.GeometryType);
        Assert.All(Enumerable.Range(0, wgs84.NumGeometries), i =>
        {
            Assert.Equal(4326, wgs84.GetGeometryN(i).SRID);
            Assert.NotSame(bng.GetGeometryN(i), wgs84.GetGeometryN(i));
        });
        Assert.Equal(BritishNationalGrid.Srid, bng.SRID);
    }

    [EnglandFact]
    public void IsBritishNationalGrid_EsriPrjWithoutEpsgCode_IsTrue()
    {
        var prj = File.ReadAllText(SharedData.England("boundaries", "lad_c2009_bng_shapefile", "englandlocalauthority.prj"));

        Assert.True(BritishNationalGrid.IsBritishNationalGrid(prj));
    }

    [Theory]
    [MemberData(nameof(BritishNationalGridWkts))]
    public void IsBritishNationalGrid_Epsg27700InAnyDialect_IsTrue(string source, string wkt)
    {
        Assert.True(BritishNationalGrid.IsBritishNationalGrid(wkt), source);
    }

    [Theory]
    [MemberData(nameof(OtherWkts))]
    public void IsBritishNationalGrid_OtherCrs_IsFalse(string source, string wkt)
    {
        Assert.False(BritishNationalGrid.IsBritishNationalGrid(wkt), source);
    }

    /// <summary>PROJ 9.1.1's own renderings: <c>projinfo EPSG:27700 -o WKT1_GDAL|WKT1_ESRI|WKT2_2019 --single-line -q</c>.</summary>
    public static readonly TheoryData<string, string> BritishNationalGridWkts = new()
    {
        {
            "OGC WKT1 with AUTHORITY",
            """PROJCS["OSGB36 / British National Grid",GEOGCS["OSGB36",DATUM["Ordnance_Survey_of_Great_Britain_1936",SPHEROID["Airy 1830",6377563.396,299.3249646,AUTHORITY["EPSG","7001"]],AUTHORITY["EPSG","6277"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4277"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","27700"]]"""
        },
        {
            "OGC WKT1 with TOWGS84 (as epsg.io and ProjNet write it)",
            """PROJCS["OSGB 1936 / British National Grid",GEOGCS["OSGB 1936",DATUM["OSGB_1936",SPHEROID["Airy 1830",6377563.396,299.3249646,AUTHORITY["EPSG","7001"]],TOWGS84[446.448,-125.157,542.06,0.15,0.247,0.842,-20.489],AUTHORITY["EPSG","6277"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4277"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","27700"]]"""
        },
        {
            "ESRI WKT, parameters in ESRI's order",
            """PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]"""
        },
        {
            "compound BNG + ODN height (projinfo EPSG:7405), multi-line with a byte order mark",
            "\uFEFFCOMPD_CS[\"OSGB36 / British National Grid + ODN height\",\n  PROJCS[\"OSGB36 / British National Grid\",GEOGCS[\"OSGB36\",DATUM[\"Ordnance_Survey_of_Great_Britain_1936\",SPHEROID[\"Airy 1830\",6377563.396,299.3249646]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],\n  PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",49],PARAMETER[\"central_meridian\",-2],PARAMETER[\"scale_factor\",0.9996012717],PARAMETER[\"false_easting\",400000],PARAMETER[\"false_northing\",-100000],UNIT[\"metre\",1]],\n  VERT_CS[\"ODN height\",VERT_DATUM[\"Ordnance Datum Newlyn\",2005],UNIT[\"metre\",1],AXIS[\"Gravity-related height\",UP]]]\n"
        },
    };

    /// <summary>
    /// Near misses. WGS 84, UTM 30N and TM75 / Irish Grid are <c>projinfo EPSG:4326|32630|29903 -o WKT1_GDAL</c>;
    /// the edited BNGs change one thing each. Last, EPSG:27700 itself in WKT2 (<c>projinfo -o WKT2_2019</c>),
    /// which is not recognised since the reader became ProjNet's.
    /// </summary>
    public static readonly TheoryData<string, string> OtherWkts = new()
    {
        {
            "WGS 84 geographic",
            """GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]"""
        },
        {
            "WGS 84 / UTM zone 30N",
            """PROJCS["WGS 84 / UTM zone 30N",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",-3],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","32630"]]"""
        },
        {
            "TM75 / Irish Grid (transverse Mercator on Airy Modified)",
            """PROJCS["TM75 / Irish Grid",GEOGCS["TM75",DATUM["Geodetic_Datum_of_1965",SPHEROID["Airy Modified 1849",6377340.189,299.3249646,AUTHORITY["EPSG","7002"]],AUTHORITY["EPSG","6300"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4300"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",53.5],PARAMETER["central_meridian",-8],PARAMETER["scale_factor",1.000035],PARAMETER["false_easting",200000],PARAMETER["false_northing",250000],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","29903"]]"""
        },
        {
            "BNG with false easting 500000",
            """PROJCS["Transverse_Mercator",GEOGCS["GCS_OSGB 1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",500000],PARAMETER["false_northing",-100000],UNIT["Meter",1]]"""
        },
        {
            "BNG parameters on the WGS 84 ellipsoid",
            """PROJCS["Transverse_Mercator",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["Meter",1]]"""
        },
        {
            "BNG in feet",
            """PROJCS["Transverse_Mercator",GEOGCS["GCS_OSGB 1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",1312335.958],PARAMETER["false_northing",-328083.990],UNIT["Foot",0.3048]]"""
        },
        {
            "BNG parameters on a Lambert conformal conic",
            """PROJCS["x",GEOGCS["GCS_OSGB 1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["Meter",1]]"""
        },
        {
            "WKT2 2019: ProjNet 2.0 reads WKT1 only, so the manifest's crs has to name it",
            """PROJCRS["OSGB36 / British National Grid",BASEGEOGCRS["OSGB36",DATUM["Ordnance Survey of Great Britain 1936",ELLIPSOID["Airy 1830",6377563.396,299.3249646,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4277]],CONVERSION["British National Grid",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",49,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",-2,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",0.9996012717,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",400000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",-100000,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["(E)",east,ORDER[1],LENGTHUNIT["metre",1]],AXIS["(N)",north,ORDER[2],LENGTHUNIT["metre",1]],USAGE[SCOPE["Engineering survey, topographic mapping."],AREA["United Kingdom (UK) - offshore to boundary of UKCS within 49°45'N to 61°N and 9°W to 2°E; onshore Great Britain (England, Wales and Scotland). Isle of Man onshore."],BBOX[49.75,-9,61.01,2.01]],ID["EPSG",27700]]"""
        },
        { "empty", string.Empty },
        { "an EPSG code, not WKT", "EPSG:27700" },
        { "truncated WKT", """PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396""" },
    };
}
