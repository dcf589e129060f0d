using Geo.Spatial.Projection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Spatial.Tests.Projection;

public class WebMercatorTests
{
    /// <summary>
    /// PROJ 9.1.1: <c>cs2cs -f %.6f EPSG:4326 EPSG:3857</c> (input "lat lon", output "x y").
    /// </summary>
    public static readonly TheoryData<double, double, double, double> Cs2csWgs84ToWebMercator = new()
    {
        { 0.0, 0.0, 0.0, 0.0 },
        { 180.0, 85.0, 20037508.342789, 19971868.880409 },
        { -0.1, 51.5, -11131.949079, 6710219.083221 },
    };

    /// <summary>PROJ 9.1.1: <c>cs2cs -f %.4f EPSG:27700 EPSG:3857</c>, Caister water tower and OSTN15's TP09 (Lambeth).</summary>
    public static readonly TheoryData<double, double, double, double> Cs2csGridToWebMercator = new()
    {
        { 651409.903, 313177.270, 191030.0337, 6919982.1113 },
        { 530624.974, 178388.464, -13352.8326, 6708317.4574 },
    };

    private static readonly WKTReader Reader = new();

    [Theory]
    [MemberData(nameof(Cs2csWgs84ToWebMercator))]
    public void FromWgs84_Cs2csPoints_AgreeWithinOneMillimetre(double lon, double lat, double x, double y)
    {
        var (actualX, actualY) = WebMercator.FromWgs84(lon, lat);

        Assert.Equal(x, actualX, 0.001);
        Assert.Equal(y, actualY, 0.001);
    }

    [Fact]
    public void FromWgs84_Antimeridian_IsHalfTheEquator()
    {
        var (x, y) = WebMercator.FromWgs84(180.0, 0.0);

        Assert.Equal(20037508.342789244, x, 1e-6);
        Assert.Equal(0.0, y, 1e-9);
    }

    [Theory]
    [InlineData(90.0)]
    [InlineData(-90.0)]
    [InlineData(89.0)]
    public void FromWgs84_BeyondTheSquare_ClampsToItsEdge(double lat)
    {
        var (_, y) = WebMercator.FromWgs84(0.0, lat);

        Assert.Equal(Math.Sign(lat) * 20037508.342789244, y, 1e-3);
    }

    [Fact]
    public void ToWgs84_FromWgs84_RoundTripsWithinAMicrometre()
    {
        for (var lon = -179.0; lon <= 179.0; lon += 7.3)
        {
            for (var lat = -84.0; lat <= 84.0; lat += 6.1)
            {
                var (x, y) = WebMercator.FromWgs84(lon, lat);
                var (backLon, backLat) = WebMercator.ToWgs84(x, y);
                var (backX, backY) = WebMercator.FromWgs84(backLon, backLat);
                Assert.Equal(x, backX, 1e-6);
                Assert.Equal(y, backY, 1e-6);
            }
        }
    }

    [Fact]
    public void ToWgs84_KnownPoint_GivesLongitudeThenLatitude()
    {
        var (lon, lat) = WebMercator.ToWgs84(-11131.949079, 6710219.083221);

        Assert.Equal(-0.1, lon, 1e-9);
        Assert.Equal(51.5, lat, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Cs2csGridToWebMercator))]
    public void FromBng_Cs2csPoints_AgreeWithinOneMillimetre(double easting, double northing, double x, double y)
    {
        var point = new GeometryFactory(new PrecisionModel(), BritishNationalGrid.Srid).CreatePoint(new Coordinate(easting, northing));

        var mercator = (Point)WebMercator.FromBng(point);

        Assert.Equal(WebMercator.Srid, mercator.SRID);
        Assert.Equal(x, mercator.X, 0.001);
        Assert.Equal(y, mercator.Y, 0.001);
    }

    [Fact]
    public void FromWgs84_Polygon_KeepsRingClosedSetsSridAndLeavesInputAlone()
    {
        var wgs84 = Reader.Read("POLYGON ((-1.6 53.8, -1.5 53.8, -1.5 53.9, -1.6 53.9, -1.6 53.8))");
        wgs84.SRID = 4326;
        var before = wgs84.Copy();

        var mercator = (Polygon)WebMercator.FromWgs84(wgs84);

        Assert.Equal(WebMercator.Srid, mercator.SRID);
        Assert.True(mercator.Shell.IsClosed);
        Assert.True(wgs84.EqualsExact(before));
        var expected = WebMercator.FromWgs84(-1.5, 53.9);
        Assert.Equal(expected.X, mercator.Shell.GetCoordinateN(2).X);
        Assert.Equal(expected.Y, mercator.Shell.GetCoordinateN(2).Y);
    }

    [Fact]
    public void FromBng_GeometryCollection_SetsSridOnEveryPartAndLeavesInputAlone()
    {
        var bng = Reader.Read(
            "GEOMETRYCOLLECTION (POINT (530624.974 178388.464), LINESTRING (651409.903 313177.270, 530624.974 178388.464))");
        var before = bng.Copy();

        var mercator = WebMercator.FromBng(bng);

        Assert.Equal(WebMercator.Srid, mercator.SRID);
        Assert.All(Enumerable.Range(0, mercator.NumGeometries), i => Assert.Equal(WebMercator.Srid, mercator.GetGeometryN(i).SRID));
        Assert.True(bng.EqualsExact(before));
        Assert.Equal(191030.0337, mercator.GetGeometryN(1).Coordinates[0].X, 0.001);
    }
}
