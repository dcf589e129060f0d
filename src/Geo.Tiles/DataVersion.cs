using System.Security.Cryptography;
using System.Text;
using Geo.Core.Geography;
using Geo.Model;
using NetTopologySuite.Geometries;

namespace Geo.Tiles;

/// <summary>
/// The version of a dataset's tiles: a hash of everything a tile shows (every area's code, name, parent,
/// partial flag and boundary coordinates) and of the tile encoding. Another dataset, or a reload of
/// changed files, gets another version, so versioned tile URLs never serve stale tiles. Stateless and
/// thread-safe.
/// </summary>
public static class DataVersion
{
    /// <summary>Changes whenever what this code puts in a tile changes.</summary>
    private const string EncodingVersion = "geo-tiles-2";

    /// <summary>16 lower-case hex digits.</summary>
    public static string Compute(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, $"{EncodingVersion}|{TileSettings.Extent}|{TileSettings.Buffer}");
        var buffer = new byte[16];
        foreach (var level in LevelNames.Hierarchy)
        {
            foreach (var area in dataset.Geography.AtLevel(level))
            {
                Append(hash, $"|{area.Code}|{area.Name}|{area.ParentCode}|{area.IsPartial}|");
                if (dataset.Boundaries.TryGetValue(area.Code, out var boundary))
                {
                    AppendCoordinates(hash, boundary, buffer);
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));

    private static void AppendCoordinates(IncrementalHash hash, Geometry geometry, byte[] buffer)
    {
        for (var p = 0; p < geometry.NumGeometries; p++)
        {
            if (geometry.GetGeometryN(p) is not Polygon polygon)
            {
                continue;
            }

            foreach (var ring in (LineString[])[polygon.Shell, .. polygon.Holes])
            {
                var sequence = ring.CoordinateSequence;
                BitConverter.TryWriteBytes(buffer, sequence.Count);
                hash.AppendData(buffer, 0, 4);
                for (var i = 0; i < sequence.Count; i++)
                {
                    BitConverter.TryWriteBytes(buffer.AsSpan(0, 8), sequence.GetX(i));
                    BitConverter.TryWriteBytes(buffer.AsSpan(8, 8), sequence.GetY(i));
                    hash.AppendData(buffer);
                }
            }
        }
    }
}
