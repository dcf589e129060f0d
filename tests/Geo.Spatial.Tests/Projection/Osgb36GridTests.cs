using Geo.Spatial.Projection;

namespace Geo.Spatial.Tests.Projection;

public class Osgb36GridTests
{
    // Ordnance Survey, "A guide to coordinate systems in Great Britain", the transverse Mercator worked example
    // (Caister water tower) on Airy 1830: 52°39'27.2531"N, 1°43'4.5177"E is E 651409.903 m, N 313177.270 m.
    private const double CaisterLat = 52.0 + (39.0 / 60.0) + (27.2531 / 3600.0);
    private const double CaisterLon = 1.0 + (43.0 / 60.0) + (4.5177 / 3600.0);
    private const double CaisterEasting = 651409.903;
    private const double CaisterNorthing = 313177.270;

    [Fact]
    public void Inverse_OsWorkedExample_WithinTwoMillimetres()
    {
        var (lon, lat) = Osgb36Grid.Inverse(CaisterEasting, CaisterNorthing);

        // The guide rounds to 0.0001" (up to 1.5 mm) and the grid to the millimetre.
        Assert.InRange(GroundDistance.Metres(lon, lat, CaisterLon, CaisterLat), 0.0, 0.002);
    }

    [Fact]
    public void Forward_OsWorkedExample_WithinTwoMillimetres()
    {
        var (easting, northing) = Osgb36Grid.Forward(CaisterLon, CaisterLat);

        Assert.InRange(GroundDistance.Planar(easting, northing, CaisterEasting, CaisterNorthing), 0.0, 0.002);
    }

    [Fact]
    public void Forward_NaN_GivesNaN()
    {
        var (easting, northing) = Osgb36Grid.Forward(double.NaN, 52.0);

        Assert.True(double.IsNaN(easting) && double.IsNaN(northing));
    }
}
