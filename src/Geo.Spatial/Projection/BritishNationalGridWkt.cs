using ProjNet.CoordinateSystems;

namespace Geo.Spatial.Projection;

/// <summary>
/// Recognises British National Grid in well-known text by its defining parameters, so that an ESRI .prj
/// (no EPSG code, ESRI names) is recognised as readily as OGC WKT1 with <c>AUTHORITY["EPSG","27700"]</c>.
/// ProjNet reads the text; this checks what it read.
/// </summary>
internal static class BritishNationalGridWkt
{
    private const double AirySemiMajorAxis = 6377563.396;
    private const double AiryInverseFlattening = 299.3249646;

    // Tolerances: far tighter than any other grid could come, loose enough for the rounding writers apply
    // (some ESRI files give the scale as 0.999601272, 3e-10 away).
    private const double AngleToleranceDegrees = 1e-8;
    private const double ScaleTolerance = 1e-9;
    private const double LengthToleranceMetres = 1e-3;

    public static bool Matches(string wkt)
    {
        if (Read(HorizontalPart(wkt)) is not ProjectedCoordinateSystem projected)
        {
            return false;
        }

        var geographic = projected.GeographicCoordinateSystem;
        var ellipsoid = geographic.HorizontalDatum.Ellipsoid;
        var degreesPerUnit = geographic.AngularUnit.RadiansPerUnit * 180.0 / Math.PI;
        return Math.Abs((ellipsoid.SemiMajorAxis * ellipsoid.AxisUnit.MetersPerUnit) - AirySemiMajorAxis) <= LengthToleranceMetres
            && Math.Abs(ellipsoid.InverseFlattening - AiryInverseFlattening) <= 1e-6
            && Math.Abs(geographic.PrimeMeridian.Longitude * degreesPerUnit) <= AngleToleranceDegrees
            && Math.Abs(projected.LinearUnit.MetersPerUnit - 1.0) <= 1e-12
            && HasBritishNationalGridProjection(projected.Projection, degreesPerUnit);
    }

    /// <summary>The text without a byte order mark; of a COMPD_CS, its first PROJCS (ProjNet reads neither).</summary>
    private static string HorizontalPart(string wkt)
    {
        var text = wkt.TrimStart('\uFEFF').Trim();
        if (!text.StartsWith("COMPD_CS", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var start = text.IndexOf("PROJCS", StringComparison.OrdinalIgnoreCase);
        var depth = 0;
        for (var i = start; start >= 0 && i < text.Length; i++)
        {
            depth += text[i] switch { '[' or '(' => 1, ']' or ')' => -1, _ => 0 };
            if (depth == 0 && text[i] is ']' or ')')
            {
                return text[start..(i + 1)];
            }
        }

        return string.Empty;
    }

    private static CoordinateSystem? Read(string wkt)
    {
        try
        {
            return new CoordinateSystemFactory().CreateFromWkt(wkt);
        }
#pragma warning disable CA1031 // ProjNet's reader throws several exception types for text it cannot read
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static bool HasBritishNationalGridProjection(IProjection projection, double degreesPerUnit)
    {
        if (Normalise(projection.ClassName) != "transversemercator")
        {
            return false;
        }

        double? latitudeOfOrigin = null, centralMeridian = null, scale = null, falseEasting = null, falseNorthing = null;
        for (var i = 0; i < projection.NumParameters; i++)
        {
            var parameter = projection.GetParameter(i);
            var value = parameter.Value;
            switch (Normalise(parameter.Name))
            {
                case "latitudeoforigin" or "latitudeofnaturalorigin":
                    latitudeOfOrigin ??= value * degreesPerUnit;
                    break;
                case "centralmeridian" or "longitudeofnaturalorigin" or "longitudeoforigin":
                    centralMeridian ??= value * degreesPerUnit;
                    break;
                case "scalefactor" or "scalefactoratnaturalorigin":
                    scale ??= value;
                    break;
                case "falseeasting":
                    falseEasting ??= value;
                    break;
                case "falsenorthing":
                    falseNorthing ??= value;
                    break;
            }
        }

        return IsNear(latitudeOfOrigin, 49.0, AngleToleranceDegrees)
            && IsNear(centralMeridian, -2.0, AngleToleranceDegrees)
            && IsNear(scale, 0.9996012717, ScaleTolerance)
            && IsNear(falseEasting, 400000.0, LengthToleranceMetres)
            && IsNear(falseNorthing, -100000.0, LengthToleranceMetres);
    }

    private static bool IsNear(double? value, double expected, double tolerance) =>
        value is { } v && Math.Abs(v - expected) <= tolerance;

    /// <summary>Lower case letters and digits only: "Transverse_Mercator" and "Transverse Mercator" alike.</summary>
    private static string Normalise(string name) =>
        string.Concat(name.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
}
