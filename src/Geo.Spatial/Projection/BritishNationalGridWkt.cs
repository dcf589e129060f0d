namespace Geo.Spatial.Projection;

/// <summary>
/// Recognises British National Grid in well-known text by its defining parameters, so that an ESRI .prj
/// (no EPSG code, ESRI names) is recognised as readily as OGC WKT1 or WKT2 with <c>AUTHORITY["EPSG","27700"]</c>.
/// </summary>
internal static class BritishNationalGridWkt
{
    private const double AirySemiMajorAxis = 6377563.396;
    private const double AiryInverseFlattening = 299.3249646;
    private const double DegreeInRadians = Math.PI / 180.0;

    // Tolerances: far tighter than any other grid could come, loose enough for the rounding writers apply
    // (some ESRI files give the scale as 0.999601272, 3e-10 away).
    private const double AngleToleranceDegrees = 1e-8;
    private const double ScaleTolerance = 1e-9;
    private const double LengthToleranceMetres = 1e-3;

    private static readonly string[] ProjectedKeywords = ["PROJCS", "PROJCRS", "PROJECTEDCRS"];
    private static readonly string[] ContainerKeywords = ["COMPD_CS", "COMPOUNDCRS", "BOUNDCRS"];
    private static readonly string[] GeographicKeywords = ["GEOGCS", "BASEGEOGCRS", "BASEGEODCRS", "GEOGCRS", "GEODCRS"];
    private static readonly string[] UnitKeywords = ["UNIT", "ANGLEUNIT", "LENGTHUNIT", "SCALEUNIT"];

    public static bool Matches(string wkt)
    {
        var root = WktNode.TryParse(wkt);
        if (root is null || !(root.Is(ProjectedKeywords) || root.Is(ContainerKeywords)))
        {
            return false;
        }

        // A compound or bound CRS: its horizontal (source) part is the first projected CRS inside.
        var projected = root.DescendantsAndSelf().FirstOrDefault(n => n.Is(ProjectedKeywords));
        var geographic = projected?.Child(GeographicKeywords);
        if (projected is null || geographic is null)
        {
            return false;
        }

        var angleUnit = UnitFactor(geographic) ?? DegreeInRadians;
        var lengthUnit = UnitFactor(projected) ?? 1.0;
        return IsAiry1830(geographic)
            && IsGreenwich(geographic, angleUnit)
            && IsMetres(projected, lengthUnit)
            && HasBritishNationalGridProjection(projected, angleUnit, lengthUnit);
    }

    private static bool IsAiry1830(WktNode geographic)
    {
        var ellipsoid = geographic.DescendantsAndSelf().FirstOrDefault(n => n.Is("SPHEROID", "ELLIPSOID"));
        if (ellipsoid?.Number(1) is not { } semiMajorAxis || ellipsoid.Number(2) is not { } inverseFlattening)
        {
            return false;
        }

        semiMajorAxis *= UnitFactor(ellipsoid) ?? 1.0;
        return Math.Abs(semiMajorAxis - AirySemiMajorAxis) <= LengthToleranceMetres
            && Math.Abs(inverseFlattening - AiryInverseFlattening) <= 1e-6;
    }

    private static bool IsGreenwich(WktNode geographic, double angleUnit)
    {
        var primeMeridian = geographic.Child("PRIMEM", "PRIMEMERIDIAN");
        if (primeMeridian is null)
        {
            return true;
        }

        return primeMeridian.Number(1) is { } longitude
            && Math.Abs(longitude * (UnitFactor(primeMeridian) ?? angleUnit)) <= AngleToleranceDegrees * DegreeInRadians;
    }

    /// <summary>Eastings and northings in metres: the projected CRS's own unit and any unit on its axes.</summary>
    private static bool IsMetres(WktNode projected, double lengthUnit)
    {
        var axisUnits = projected.Children
            .Where(n => n.Is("AXIS", "CS"))
            .SelectMany(n => n.Children)
            .Where(n => n.Is(UnitKeywords))
            .Select(n => n.Number(1) ?? double.NaN);
        return axisUnits.Append(lengthUnit).All(factor => Math.Abs(factor - 1.0) <= 1e-12);
    }

    private static bool HasBritishNationalGridProjection(WktNode projected, double angleUnit, double lengthUnit)
    {
        // WKT1 and ESRI: PROJECTION and PARAMETERs directly in PROJCS. WKT2: METHOD and PARAMETERs in CONVERSION.
        var conversion = projected.Child("CONVERSION", "DERIVINGCONVERSION") ?? projected;
        var method = conversion.Child("PROJECTION", "METHOD");
        if (method is null || Normalise(method.Name) != "transversemercator")
        {
            return false;
        }

        double? latitudeOfOrigin = null, centralMeridian = null, scale = null, falseEasting = null, falseNorthing = null;
        foreach (var parameter in conversion.Children.Where(n => n.Is("PARAMETER")))
        {
            if (parameter.Number(1) is not { } value)
            {
                return false;
            }

            var unit = UnitFactor(parameter);
            var degrees = value * (unit ?? angleUnit) / DegreeInRadians;
            var metres = value * (unit ?? lengthUnit);
            var scaleValue = value * (unit ?? 1.0);
            switch (Normalise(parameter.Name))
            {
                case "latitudeoforigin" or "latitudeofnaturalorigin":
                    latitudeOfOrigin ??= degrees;
                    break;
                case "centralmeridian" or "longitudeofnaturalorigin" or "longitudeoforigin":
                    centralMeridian ??= degrees;
                    break;
                case "scalefactor" or "scalefactoratnaturalorigin":
                    scale ??= scaleValue;
                    break;
                case "falseeasting":
                    falseEasting ??= metres;
                    break;
                case "falsenorthing":
                    falseNorthing ??= metres;
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

    /// <summary>The conversion factor of the element's own UNIT (to radians or metres), if it has one.</summary>
    private static double? UnitFactor(WktNode node) => node.Child(UnitKeywords)?.Number(1);

    /// <summary>Lower case letters and digits only: "Transverse_Mercator" and "Transverse Mercator" alike.</summary>
    private static string Normalise(string name) =>
        string.Concat(name.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
}
