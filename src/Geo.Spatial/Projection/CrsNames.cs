using System.Globalization;

namespace Geo.Spatial.Projection;

/// <summary>
/// Reads the names by which files and web services refer to a coordinate reference system.
/// Stateless; safe to call from any number of threads.
/// </summary>
public static class CrsNames
{
    private const int Wgs84Srid = 4326;

    private static readonly string[] UrnPrefixes = ["urn:ogc:def:crs:", "urn:x-ogc:def:crs:"];

    private static readonly string[] UriPrefixes = ["http://www.opengis.net/def/crs/", "https://www.opengis.net/def/crs/"];

    /// <summary>
    /// The EPSG code named by <paramref name="text"/>, or null if it is not recognised. Understood, ignoring case
    /// and surrounding spaces: <c>EPSG:27700</c>; the URNs <c>urn:ogc:def:crs:EPSG::27700</c> and
    /// <c>urn:ogc:def:crs:EPSG:6.6:4326</c> (any version, or none); the URI
    /// <c>http://www.opengis.net/def/crs/EPSG/0/27700</c>; and OGC's CRS84
    /// (<c>urn:ogc:def:crs:OGC:1.3:CRS84</c>, <c>http://www.opengis.net/def/crs/OGC/1.3/CRS84</c>,
    /// <c>OGC:CRS84</c>, <c>CRS84</c>, <c>CRS:84</c>), which is WGS 84 in longitude, latitude order and so
    /// gives 4326 (this code base always works in longitude, latitude order).
    /// </summary>
    public static int? TryParseEpsg(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = text.Trim();
        if (name.Equals("CRS84", StringComparison.OrdinalIgnoreCase)
            || name.Equals("CRS:84", StringComparison.OrdinalIgnoreCase))
        {
            return Wgs84Srid;
        }

        foreach (var prefix in UrnPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                // authority:version:code, the version possibly empty; some writers leave the version out.
                var parts = name[prefix.Length..].Split(':');
                return parts.Length switch
                {
                    3 when IsVersion(parts[1]) => FromAuthority(parts[0], parts[2]),
                    2 => FromAuthority(parts[0], parts[1]),
                    _ => null,
                };
            }
        }

        foreach (var prefix in UriPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var parts = name[prefix.Length..].Split('/');
                return parts.Length == 3 && IsVersion(parts[1]) ? FromAuthority(parts[0], parts[2]) : null;
            }
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? FromAuthority(name[..colon], name[(colon + 1)..]) : null;
    }

    private static int? FromAuthority(string authority, string code)
    {
        if (authority.Equals("EPSG", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var epsg) && epsg > 0
                ? epsg
                : null;
        }

        if (authority.Equals("OGC", StringComparison.OrdinalIgnoreCase)
            && code.Equals("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return Wgs84Srid;
        }

        return null;
    }

    private static bool IsVersion(string version) => version.All(c => char.IsAsciiDigit(c) || c == '.');
}
