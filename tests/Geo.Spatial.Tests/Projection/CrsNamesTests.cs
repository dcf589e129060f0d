using Geo.Spatial.Projection;

namespace Geo.Spatial.Tests.Projection;

public class CrsNamesTests
{
    [Theory]
    [InlineData("EPSG:27700", 27700)]
    [InlineData("epsg:4326", 4326)]
    [InlineData("  EPSG:3857 ", 3857)]
    [InlineData("urn:ogc:def:crs:EPSG::27700", 27700)]
    [InlineData("urn:ogc:def:crs:EPSG:6.6:4326", 4326)]
    [InlineData("URN:OGC:DEF:CRS:EPSG::4326", 4326)]
    [InlineData("urn:x-ogc:def:crs:EPSG:27700", 27700)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", 4326)]
    [InlineData("urn:ogc:def:crs:OGC::CRS84", 4326)]
    [InlineData("OGC:CRS84", 4326)]
    [InlineData("CRS84", 4326)]
    [InlineData("CRS:84", 4326)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/27700", 27700)]
    [InlineData("https://www.opengis.net/def/crs/EPSG/0/3857", 3857)]
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326)]
    public void TryParseEpsg_KnownForms_GiveTheCode(string text, int expected)
    {
        Assert.Equal(expected, CrsNames.TryParseEpsg(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("27700")]
    [InlineData("EPSG:")]
    [InlineData("EPSG:abc")]
    [InlineData("EPSG:-4326")]
    [InlineData("EPSG:0")]
    [InlineData("EPSG:99999999999")]
    [InlineData("ESRI:102100")]
    [InlineData("OGC:CRS83")]
    [InlineData("urn:ogc:def:crs:EPSG:6.6:4326:extra")]
    [InlineData("urn:ogc:def:crs:EPSG:v1:4326")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/27700")]
    [InlineData("British National Grid")]
    public void TryParseEpsg_Unrecognised_IsNull(string? text)
    {
        Assert.Null(CrsNames.TryParseEpsg(text));
    }
}
