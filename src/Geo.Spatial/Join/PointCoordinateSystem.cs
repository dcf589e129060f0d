namespace Geo.Spatial.Join;

/// <summary>Which coordinates a points file holds, and so which polygons (in the same CRS) it must be joined to.</summary>
public enum PointCoordinateSystem
{
    /// <summary>WGS84 (EPSG:4326) longitude and latitude in degrees; join to WGS84 polygons.</summary>
    Wgs84LonLat,

    /// <summary>British National Grid (EPSG:27700) easting and northing in metres; join to BNG polygons.</summary>
    BritishNationalGrid,
}
