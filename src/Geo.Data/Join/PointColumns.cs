using Geo.Spatial.Join;

namespace Geo.Data.Join;

/// <summary>
/// The two columns of a points file that hold its coordinates: longitude and latitude, or easting and northing.
/// Header names are matched trimmed and ignoring case. Immutable and thread-safe.
/// </summary>
public sealed record PointColumns
{
    private PointColumns(string xColumn, string yColumn, PointCoordinateSystem coordinateSystem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(xColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(yColumn);
        XColumn = xColumn;
        YColumn = yColumn;
        CoordinateSystem = coordinateSystem;
    }

    /// <summary>The column of the x coordinate: longitude or easting.</summary>
    public string XColumn { get; }

    /// <summary>The column of the y coordinate: latitude or northing.</summary>
    public string YColumn { get; }

    public PointCoordinateSystem CoordinateSystem { get; }

    /// <summary>WGS84 longitude and latitude columns (degrees), longitude first.</summary>
    public static PointColumns LonLat(string lonColumn = "lon", string latColumn = "lat") =>
        new(lonColumn, latColumn, PointCoordinateSystem.Wgs84LonLat);

    /// <summary>British National Grid easting and northing columns (metres), easting first.</summary>
    public static PointColumns EastingNorthing(string eastingColumn = "easting", string northingColumn = "northing") =>
        new(eastingColumn, northingColumn, PointCoordinateSystem.BritishNationalGrid);
}
