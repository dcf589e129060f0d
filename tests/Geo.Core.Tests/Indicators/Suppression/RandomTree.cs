using Geo.Core.Geography;

namespace Geo.Core.Tests.Indicators.Suppression;

/// <summary>
/// Random four-level hierarchies with small Poisson counts, every parent the sum of its children with
/// data, for property tests. The same seed always gives the same tree.
/// </summary>
internal sealed record RandomTree(Geo.Core.Geography.Geography Geography, Dictionary<string, double> Counts)
{
    private static readonly double[] Means = [0.3, 1, 2, 4, 7, 12];

    public IReadOnlySet<string> WithData => Counts.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Up to 4 systems × 3 ICPs × 4 places × 8 neighbourhoods. Now and then a system is outside the
    /// data's coverage, a place has data only at place level, or a neighbourhood has none.
    /// </summary>
    public static RandomTree Small(int seed)
    {
        var rng = new Random(seed);
        var mean = Means[rng.Next(Means.Length)];
        var shape = new Shape("E");
        var systems = rng.Next(1, 5);
        for (var s = 0; s < systems; s++)
        {
            var system = shape.Add("E", $"S{s}");
            for (var i = rng.Next(1, 4); i > 0; i--)
            {
                var icp = shape.Add(system, $"{system}I{i}");
                for (var p = rng.Next(1, 5); p > 0; p--)
                {
                    var place = shape.Add(icp, $"{icp}P{p}");
                    for (var n = rng.Next(1, 9); n > 0; n--)
                    {
                        shape.Add(place, $"{place}N{n}");
                    }
                }
            }
        }

        return shape.Fill(rng, mean, outsideCoverage: 0.1, placeLevelOnly: 0.15, noData: 0.05);
    }

    /// <summary>England's shape: 42 systems, 45 ICPs, 310 places, 33,755 neighbourhoods, all with data.</summary>
    public static RandomTree EnglandShaped(int seed, double mean)
    {
        var rng = new Random(seed);
        var shape = new Shape("E");
        var systems = Enumerable.Range(0, 42).Select(s => shape.Add("E", $"S{s:00}")).ToArray();
        var icps = systems.Select(s => shape.Add(s, $"{s}I0"))
            .Concat(Enumerable.Range(0, 3).Select(s => shape.Add(systems[s], $"{systems[s]}I1"))).ToArray();
        var places = Spread(rng, 310, icps.Length).SelectMany((count, i) =>
            Enumerable.Range(0, count).Select(p => shape.Add(icps[i], $"{icps[i]}P{p:00}"))).ToArray();
        var sizes = Spread(rng, 33_755, places.Length);
        for (var p = 0; p < places.Length; p++)
        {
            for (var n = 0; n < sizes[p]; n++)
            {
                shape.Add(places[p], $"{places[p]}N{n:0000}");
            }
        }

        return shape.Fill(rng, mean, outsideCoverage: 0, placeLevelOnly: 0, noData: 0);
    }

    // At least one each, the rest at random.
    private static int[] Spread(Random rng, int total, int buckets)
    {
        var sizes = Enumerable.Repeat(1, buckets).ToArray();
        for (var i = buckets; i < total; i++)
        {
            sizes[rng.Next(buckets)]++;
        }

        return sizes;
    }

    private static int Poisson(Random rng, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = rng.NextDouble(); p > limit; p *= rng.NextDouble())
        {
            k++;
        }

        return k;
    }

    private sealed class Shape(string root)
    {
        private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal) { [root] = [] };
        private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _depth = new(StringComparer.Ordinal) { [root] = 0 };

        public string Add(string parent, string code)
        {
            _children[parent].Add(code);
            _children[code] = [];
            _parent[code] = parent;
            _depth[code] = _depth[parent] + 1;
            return code;
        }

        public RandomTree Fill(Random rng, double mean, double outsideCoverage, double placeLevelOnly, double noData)
        {
            Area Make(string code) => new(code, code, (Level)_depth[code], _parent.GetValueOrDefault(code),
                _children[code].OrderBy(c => c, StringComparer.Ordinal).ToArray());

            var geography = new Geo.Core.Geography.Geography(Make(root), _parent.Keys.Select(Make));
            var counts = new Dictionary<string, double>(StringComparer.Ordinal);
            var systems = geography.AtLevel(Level.System);
            var covered = systems.Where(_ => rng.NextDouble() >= outsideCoverage).ToList();
            if (covered.Count == 0)
            {
                covered.Add(systems[0]);
            }

            foreach (var system in covered)
            {
                foreach (var place in geography.Neighbourhoods(system).Select(n => n.ParentCode!).Distinct())
                {
                    // Some places are busier than others, so counts vary within a tree.
                    var placeMean = mean * (0.25 + 1.5 * rng.NextDouble());
                    var levelOnly = rng.NextDouble() < placeLevelOnly;
                    var sum = 0.0;
                    foreach (var n in geography.Get(place).ChildCodes)
                    {
                        if (rng.NextDouble() < noData)
                        {
                            continue;
                        }

                        var count = Poisson(rng, placeMean);
                        sum += count;
                        if (!levelOnly)
                        {
                            counts[n] = count;
                        }
                    }

                    counts[place] = sum;
                }
            }

            AddSums(geography, geography.Root, counts);
            return new RandomTree(geography, counts);
        }

        private static void AddSums(Geo.Core.Geography.Geography geography, Area area, Dictionary<string, double> counts)
        {
            if (area.Level >= Level.Place)
            {
                return;
            }

            var sum = 0.0;
            var any = false;
            foreach (var child in geography.Children(area))
            {
                AddSums(geography, child, counts);

                if (counts.TryGetValue(child.Code, out var c))
                {
                    sum += c;
                    any = true;
                }
            }

            if (any)
            {
                counts[area.Code] = sum;
            }
        }
    }
}
