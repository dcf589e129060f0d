using Geo.Spatial.Projection;

namespace Geo.Data.Import;

/// <summary>
/// What a boundary file says about its coordinate reference system: an EPSG code when it could be
/// recognised, and the file's own words for messages. <see cref="IsDefault"/> marks an assumption the
/// format makes when the file is silent (GeoJSON without "crs" is WGS84 by RFC 7946), which the
/// manifest's <c>crs</c> may override.
/// </summary>
internal sealed record CrsClaim(int? Epsg, string Source, bool IsDefault = false)
{
    public const int Wgs84 = 4326;

    /// <summary>Recognises British National Grid by its parameters and WGS84 longitude/latitude by its datum.</summary>
    public static int? FromWkt(string wkt)
    {
        if (BritishNationalGrid.IsBritishNationalGrid(wkt))
        {
            return BritishNationalGrid.Srid;
        }

        return IsWgs84Geographic(wkt) ? Wgs84 : null;
    }

    /// <summary>A GEOGCS (not a projection) on the WGS 1984 datum, as in .prj files and GeoPackage definitions.</summary>
    private static bool IsWgs84Geographic(string wkt)
    {
        var text = wkt.TrimStart();
        if (!text.StartsWith("GEOGCS[", StringComparison.OrdinalIgnoreCase)
            && !text.StartsWith("GEOGCRS[", StringComparison.OrdinalIgnoreCase)
            && !text.StartsWith("GEODCRS[", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var datum = text.IndexOf("DATUM[", StringComparison.OrdinalIgnoreCase);
        if (datum < 0)
        {
            return false;
        }

        var end = text.IndexOf(',', datum);
        var name = new string([.. text[datum..(end < 0 ? text.Length : end)].Where(char.IsAsciiLetterOrDigit)]);
        return name.Contains("WGS1984", StringComparison.OrdinalIgnoreCase)
            || name.Contains("WGS84", StringComparison.OrdinalIgnoreCase);
    }
}
