namespace Geo.Core.Inequality;

/// <summary>
/// Which areas neighbour which: symmetric adjacency lists over areas 0 … n − 1 (the order of the polygons
/// it was built from), sorted, without self-links. Immutable; thread-safe.
/// </summary>
public sealed class ContiguityGraph
{
    private readonly int[][] _neighbours;

    /// <summary>Wraps adjacency lists; each list must be sorted, symmetric and free of self-links.</summary>
    internal ContiguityGraph(int[][] neighbours)
    {
        _neighbours = neighbours;
        var islands = new List<int>();
        for (var i = 0; i < neighbours.Length; i++)
        {
            LinkCount += neighbours[i].Length;
            if (neighbours[i].Length == 0)
            {
                islands.Add(i);
            }
        }

        LinkCount /= 2;
        Islands = islands;
    }

    /// <summary>The number of areas.</summary>
    public int Count => _neighbours.Length;

    /// <summary>The number of neighbour pairs (each pair once).</summary>
    public int LinkCount { get; }

    /// <summary>Areas with no neighbour at all (e.g. the Isles of Scilly), in index order.</summary>
    public IReadOnlyList<int> Islands { get; }

    /// <summary>The neighbours of area <paramref name="area"/>, in increasing order.</summary>
    public IReadOnlyList<int> Neighbours(int area) => _neighbours[area];

    /// <summary>Creates a graph from neighbour lists, making them symmetric, sorted and free of self-links and repeats.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A neighbour index is outside 0 … n − 1.</exception>
    public static ContiguityGraph FromLists(IReadOnlyList<IEnumerable<int>> neighbours)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        var sets = new SortedSet<int>[neighbours.Count];
        for (var i = 0; i < sets.Length; i++)
        {
            sets[i] = [];
        }

        for (var i = 0; i < sets.Length; i++)
        {
            foreach (var j in neighbours[i])
            {
                if (j < 0 || j >= sets.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(neighbours), j, $"Area {i} names neighbour {j}, outside 0 … {sets.Length - 1}.");
                }

                if (j != i)
                {
                    sets[i].Add(j);
                    sets[j].Add(i);
                }
            }
        }

        return new ContiguityGraph([.. sets.Select(s => s.ToArray())]);
    }

    internal int[] NeighbourArray(int area) => _neighbours[area];
}
