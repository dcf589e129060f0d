using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.Geometries;

namespace Geo.Demo.Tests;

/// <summary>The default demo, generated once for the tests that only read it, and helpers to inspect it.</summary>
internal static class DemoSample
{
    private static readonly Lazy<DemoData> DefaultData = new(() => DemoDataset.Generate());

    private static readonly Lazy<int[][]> DefaultNeighbours = new(() => SharedEdgeNeighbours(Default.Source.Boundaries.Select(b => b.Boundary).ToArray()));

    public static DemoData Default => DefaultData.Value;

    /// <summary>For each boundary of <see cref="Default"/>, the boundaries it shares an edge with.</summary>
    public static int[][] Neighbours => DefaultNeighbours.Value;

    /// <summary>
    /// Neighbours by shared edges, found from the polygons alone: two polygons are neighbours when a
    /// segment of one is a segment of the other. Exact matching is right for a clean coverage, whose
    /// neighbours share vertices.
    /// </summary>
    public static int[][] SharedEdgeNeighbours(IReadOnlyList<Geometry> polygons)
    {
        var owner = new Dictionary<(double, double, double, double), int>();
        var pairs = new SortedSet<(int, int)>();
        for (var i = 0; i < polygons.Count; i++)
        {
            var ring = ((Polygon)polygons[i]).Shell.Coordinates;
            for (var k = 0; k + 1 < ring.Length; k++)
            {
                var (a, b) = ring[k].CompareTo(ring[k + 1]) < 0 ? (ring[k], ring[k + 1]) : (ring[k + 1], ring[k]);
                var key = (a.X, a.Y, b.X, b.Y);
                if (owner.TryGetValue(key, out var j) && j != i)
                {
                    pairs.Add((Math.Min(i, j), Math.Max(i, j)));
                }
                else
                {
                    owner[key] = i;
                }
            }
        }

        var lists = Enumerable.Range(0, polygons.Count).Select(_ => new List<int>()).ToArray();
        foreach (var (i, j) in pairs)
        {
            lists[i].Add(j);
            lists[j].Add(i);
        }

        return lists.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>SHA-256 of every record and every coordinate, in order, as hex.</summary>
    public static string Fingerprint(DemoData data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var s = data.Source;
        Add(hash, s.Name, s.Synthetic.ToString(), s.BoundaryVintage, s.CountryCode, s.CountryName);
        foreach (var b in s.Boundaries)
        {
            Add(hash, b.Code, b.Name, b.Feature.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Boundary.SRID.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(hash, b.Boundary.Coordinates.SelectMany(c => new[] { c.X, c.Y }));
        }

        foreach (var r in s.Hierarchy)
        {
            Add(hash, r.ToString());
        }

        foreach (var r in s.Icps)
        {
            Add(hash, r.ToString());
        }

        foreach (var r in s.Population)
        {
            Add(hash, r.Neighbourhood, r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(hash, r.Counts);
        }

        foreach (var r in s.Deprivation)
        {
            Add(hash, r.ToString());
            Add(hash, [r.Score ?? double.NaN]);
        }

        Add(hash, data.Copd.Id, data.Copd.Name, string.Join("|", data.Copd.Periods));
        foreach (var r in data.CopdAdmissions)
        {
            Add(hash, r.ToString());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Add(IncrementalHash hash, params string?[] values)
    {
        Span<byte> length = stackalloc byte[4];
        foreach (var v in values)
        {
            var bytes = Encoding.UTF8.GetBytes(v ?? "\0null");
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
    }

    private static void Add(IncrementalHash hash, IEnumerable<double> values)
    {
        Span<byte> bytes = stackalloc byte[8];
        foreach (var v in values)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes, v);
            hash.AppendData(bytes);
        }
    }
}
