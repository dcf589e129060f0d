using System.Globalization;
using NetTopologySuite.Geometries;

namespace Geo.Query.Vocabulary;

/// <summary>
/// The words for a bounding box in WGS84 longitude and latitude, as OGC API – Features writes them:
/// <c>minLon,minLat,maxLon,maxLat</c>, or six numbers with heights (ignored). A box whose west edge lies east of its
/// east edge crosses the antimeridian and is two boxes. Stateless.
/// </summary>
public static class BboxWords
{
    public const string Help = "minLon,minLat,maxLon,maxLat in WGS84 degrees (e.g. -1.6,53.7,-1.4,53.9)";

    /// <summary>The box as one envelope, or two when it crosses the antimeridian; null for no words.</summary>
    /// <exception cref="QueryException">Not four (or six) numbers within the globe, south above north.</exception>
    public static IReadOnlyList<Envelope>? Parse(string? text, string parameter = "bbox")
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                throw QueryException.Bad(parameter, $"The bounding box must be {Help}; '{parts[i]}' is not a number.");
            }
        }

        var (west, south, east, north) = numbers.Length switch
        {
            4 => (numbers[0], numbers[1], numbers[2], numbers[3]),
            6 => (numbers[0], numbers[1], numbers[3], numbers[4]),
            _ => throw QueryException.Bad(parameter, $"The bounding box must be {Help}: four numbers (or six with heights), not {parts.Length}."),
        };
        if (west is < -180 or > 180 || east is < -180 or > 180 || south is < -90 or > 90 || north is < -90 or > 90)
        {
            throw QueryException.Bad(parameter, $"The bounding box must be {Help}: longitudes from -180 to 180, latitudes from -90 to 90.");
        }

        if (south > north)
        {
            throw QueryException.Bad(parameter, $"The bounding box's south edge ({south}) lies north of its north edge ({north}).");
        }

        return west <= east
            ? [new Envelope(west, east, south, north)]
            : [new Envelope(west, 180, south, north), new Envelope(-180, east, south, north)];
    }
}
