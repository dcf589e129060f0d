using Geo.Core.Geography;

namespace Geo.Core.Tests.Indicators.Suppression;

/// <summary>Hand-made hierarchies for the suppression tests, written one parent per line.</summary>
internal static class TestTree
{
    /// <summary>
    /// Each line is <c>"parent: child child …"</c>; the first line's parent is the root, and every other
    /// parent must appear as a child on an earlier line. An area's level is its depth.
    /// </summary>
    public static Geo.Core.Geography.Geography Build(params string[] lines)
    {
        var children = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in lines)
        {
            var parts = line.Split(':');
            var parent = parts[0].Trim();
            var kids = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (depth.Count == 0)
            {
                depth[parent] = 0;
                order.Add(parent);
            }

            children[parent] = kids;
            foreach (var kid in kids)
            {
                parentOf[kid] = parent;
                depth[kid] = depth[parent] + 1;
                order.Add(kid);
            }
        }

        Area Make(string code) => new(code, code, (Level)depth[code], parentOf.GetValueOrDefault(code),
            children.GetValueOrDefault(code, []));

        return new Geo.Core.Geography.Geography(Make(order[0]), order.Skip(1).Select(Make));
    }

    /// <summary>The given counts, and for every area without one whose children have counts, their sum.</summary>
    public static Dictionary<string, double> WithSums(Geo.Core.Geography.Geography geography,
        params (string Code, double Count)[] given)
    {
        var counts = given.ToDictionary(g => g.Code, g => g.Count, StringComparer.Ordinal);

        double? Fill(Area area)
        {
            var sum = (double?)null;
            foreach (var child in geography.Children(area))
            {
                if (Fill(child) is { } c)
                {
                    sum = (sum ?? 0) + c;
                }
            }

            if (counts.TryGetValue(area.Code, out var own))
            {
                return own;
            }

            if (sum is { } s)
            {
                counts[area.Code] = s;
            }

            return sum;
        }

        Fill(geography.Root);
        return counts;
    }
}
