using System.Runtime.CompilerServices;
using Geo.Core.Geography;

namespace Geo.Core.Indicators.Suppression;

/// <summary>
/// A geography flattened breadth-first from its root, each area's children contiguous, with a code →
/// position index. Built once per <see cref="Geography.Geography"/> (which is immutable) and cached
/// beside it, so repeated suppression of one geography only reads counts. Immutable and thread-safe.
/// </summary>
internal sealed class HierarchyLayout
{
    private static readonly ConditionalWeakTable<Geography.Geography, HierarchyLayout> Cache = new();

    private readonly Dictionary<string, int> _index;

    private HierarchyLayout(Area[] areas, int[] parent, int[] firstChild, int[] endChild, Dictionary<string, int> index)
    {
        Areas = areas;
        Parent = parent;
        FirstChild = firstChild;
        EndChild = endChild;
        _index = index;
    }

    public Area[] Areas { get; }

    /// <summary>Position of each area's parent; -1 for the root.</summary>
    public int[] Parent { get; }

    /// <summary>Each area's children are the positions from <see cref="FirstChild"/> up to, not including, <see cref="EndChild"/>.</summary>
    public int[] FirstChild { get; }

    public int[] EndChild { get; }

    public static HierarchyLayout For(Geography.Geography geography) => Cache.GetValue(geography, Build);

    /// <summary>The area's position, or -1 when the code is not in the hierarchy (ignoring case, as the geography does).</summary>
    public int IndexOf(string code) => _index.TryGetValue(code, out var i) ? i : -1;

    private static HierarchyLayout Build(Geography.Geography geography)
    {
        var size = geography.Count;
        var areas = new Area[size];
        var parent = new int[size];
        var firstChild = new int[size];
        var endChild = new int[size];

        areas[0] = geography.Root;
        parent[0] = -1;
        var next = 1;
        for (var i = 0; i < next; i++)
        {
            firstChild[i] = next;
            foreach (var code in areas[i].ChildCodes)
            {
                if (next == size)
                {
                    throw new ArgumentException("The geography is not a tree: an area is reached twice.", nameof(geography));
                }

                areas[next] = geography.Get(code);
                parent[next] = i;
                next++;
            }

            endChild[i] = next;
        }

        Array.Resize(ref areas, next);
        var index = new Dictionary<string, int>(next, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < next; i++)
        {
            if (!index.TryAdd(areas[i].Code, i))
            {
                throw new ArgumentException($"The geography is not a tree: {areas[i].Code} is reached twice.", nameof(geography));
            }
        }

        return new HierarchyLayout(areas, parent, firstChild, endChild, index);
    }
}
