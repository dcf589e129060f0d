using System.Globalization;

namespace Geo.Demo;

/// <summary>
/// The demo's hierarchy, drawn on its cells: places grown from the towns across the land, systems and
/// ICPs as groups of places, one district cut by a system boundary, then fictional codes and names in
/// the style of ONS's. All synthetic. Immutable once built.
/// </summary>
internal sealed class DemoGeography
{
    public const int SystemCount = 3;
    public const int IcpCount = 3;

    /// <summary>Fewest neighbourhoods a place may have: a town is a town, not a village.</summary>
    private const int MinDistrictCells = 40;

    /// <summary>Share of the straddling district's neighbourhoods that lie in the neighbouring system.</summary>
    private const double StraddleShare = 0.35;

    /// <summary>Height of the bands the neighbourhoods of a district are numbered along, north to south.</summary>
    private const double NumberingBand = 3_000;

    private readonly DemoTessellation _cells;

    private DemoGeography(DemoTessellation cells) => _cells = cells;

    /// <summary>Cells in the order of their codes: by district, then as named.</summary>
    public int[] Order { get; private set; } = [];

    public string[] CellCode { get; private set; } = [];

    public string[] CellName { get; private set; } = [];

    public int[] CellDistrict { get; private set; } = [];

    public int[] CellSystem { get; private set; } = [];

    public string[] DistrictCode { get; private set; } = [];

    public string[] DistrictName { get; private set; } = [];

    public string[] SystemCode { get; private set; } = [];

    public string[] SystemName { get; private set; } = [];

    /// <summary>The ICP file: the system with area ICPs, and for each of its districts, its ICP.</summary>
    public List<(int System, string Code, string Name, int District)> IcpRows { get; } = [];

    /// <summary>
    /// The hierarchy on these cells, or null when the land doesn't give the demo what it promises (a
    /// town squeezed to a handful of neighbourhoods, a system of one place); the caller then draws the
    /// land again.
    /// </summary>
    public static DemoGeography? Build(DemoTerrain terrain, DemoTessellation cells, int seed)
    {
        var g = new DemoGeography(cells);
        var (district, districtGraph, centroids) = g.GrowPlaces(terrain, seed);
        if (district.CountBy(d => d).Any(x => x.Value < MinDistrictCells))
        {
            return null;
        }

        var districtSystem = GroupSystems(districtGraph, centroids);
        if (districtSystem is null
            || districtSystem.CountBy(s => s).Any(x => x.Value < 2)
            || districtSystem.Count(s => s == 0) < IcpCount)
        {
            return null;
        }

        var cellSystem = district.Select(d => districtSystem[d]).ToArray();
        var straddled = g.Straddle(district, districtSystem, districtGraph, cellSystem);
        var icpOfDistrict = GroupIcps(districtGraph, centroids, districtSystem);
        if (straddled < 0 || icpOfDistrict is null)
        {
            return null;
        }

        g.Name(seed, district, cellSystem, centroids, districtSystem, icpOfDistrict);
        return g;
    }

    private double Distance(int a, int b) => _cells.Sites[a].Distance(_cells.Sites[b]);

    /// <summary>
    /// Places grow from the cell at each town's centre along the cheapest paths across the land, whose
    /// cost varies smoothly (so boundaries wander) and per edge (so they are ragged at the cell scale).
    /// Bigger towns start ahead and so take more land.
    /// </summary>
    private (int[] District, (int Node, double Length)[][] Graph, (double X, double Y)[] Centroids) GrowPlaces(DemoTerrain terrain, int seed)
    {
        var towns = terrain.Towns;
        var sources = new int[towns.Count];
        var taken = new HashSet<int>();
        for (var t = 0; t < towns.Count; t++)
        {
            var best = -1;
            var bestDistance = double.PositiveInfinity;
            for (var c = 0; c < _cells.Count; c++)
            {
                var dx = _cells.Sites[c].X - towns[t].X;
                var dy = _cells.Sites[c].Y - towns[t].Y;
                var d = dx * dx + dy * dy;
                if (d < bestDistance && !taken.Contains(c))
                {
                    best = c;
                    bestDistance = d;
                }
            }

            sources[t] = best;
            taken.Add(best);
        }

        var edgeKey = DemoRandom.Key(seed, "boundary-edges");
        double Cost(int a, int b)
        {
            var (p, q) = a < b ? (a, b) : (b, a);
            var mx = 0.5 * (_cells.Sites[p].X + _cells.Sites[q].X);
            var my = 0.5 * (_cells.Sites[p].Y + _cells.Sites[q].Y);
            return Distance(p, q) * terrain.Cost(mx, my) * (0.75 + 0.5 * DemoRandom.Hash01(edgeKey, p, q));
        }

        var offsets = towns.Select(t => (1 - t.Size) * 1_500).ToArray();
        var district = DemoPartition.Grow(_cells.Neighbours, Cost, sources, offsets);
        var count = towns.Count;

        var shared = new Dictionary<(int, int), double>();
        for (var c = 0; c < _cells.Count; c++)
        {
            foreach (var (w, length) in _cells.Neighbours[c])
            {
                if (district[c] < district[w])
                {
                    var key = (district[c], district[w]);
                    shared[key] = shared.GetValueOrDefault(key) + length;
                }
            }
        }

        var graph = new List<(int, double)>[count];
        for (var d = 0; d < count; d++)
        {
            graph[d] = [];
        }

        foreach (var ((a, b), length) in shared.OrderBy(s => s.Key))
        {
            graph[a].Add((b, length));
            graph[b].Add((a, length));
        }

        var centroids = new (double X, double Y)[count];
        var members = new int[count];
        for (var c = 0; c < _cells.Count; c++)
        {
            var d = district[c];
            centroids[d] = (centroids[d].X + _cells.Sites[c].X, centroids[d].Y + _cells.Sites[c].Y);
            members[d]++;
        }

        for (var d = 0; d < count; d++)
        {
            centroids[d] = (centroids[d].X / members[d], centroids[d].Y / members[d]);
        }

        return (district, graph.Select(l => l.ToArray()).ToArray(), centroids);
    }

    /// <summary>Systems as balanced groups of neighbouring places; system 0 holds the city and is the largest.</summary>
    private static int[]? GroupSystems((int Node, double Length)[][] graph, (double X, double Y)[] centroids)
    {
        double Apart(int a, int b) => Hypot(centroids[a], centroids[b]);
        var all = Enumerable.Range(0, graph.Length).ToArray();

        // District 0 grew from town 0, the city.
        var seeds = DemoPartition.FarthestPoints(all, 0, SystemCount, Apart);
        var quotas = new[] { 0.43, 0.285, 0.285 };
        return DemoPartition.GrowBalanced(graph, _ => true, Apart, seeds, quotas);
    }

    /// <summary>Area ICPs for system 0: balanced groups of its places, seeded far apart.</summary>
    private static int[]? GroupIcps((int Node, double Length)[][] graph, (double X, double Y)[] centroids, int[] districtSystem)
    {
        double Apart(int a, int b) => Hypot(centroids[a], centroids[b]);
        var members = Enumerable.Range(0, graph.Length).Where(d => districtSystem[d] == 0).ToArray();
        var mean = (members.Average(d => centroids[d].X), members.Average(d => centroids[d].Y));
        var first = members.OrderByDescending(d => Hypot(centroids[d], mean)).ThenBy(d => d).First();
        var seeds = DemoPartition.FarthestPoints(members, first, IcpCount, Apart);
        var quotas = Enumerable.Repeat(1.0, IcpCount).ToArray();
        return DemoPartition.GrowBalanced(graph, d => districtSystem[d] == 0, Apart, seeds, quotas);
    }

    /// <summary>
    /// Cuts one district of system 0 with a system boundary, as 13 real districts are cut by ICB
    /// boundaries: the district with the longest border with another system gives that system the
    /// neighbourhoods nearest it. Returns the district, or -1 when no district of system 0 borders another system.
    /// </summary>
    private int Straddle(int[] district, int[] districtSystem, (int Node, double Length)[][] graph, int[] cellSystem)
    {
        var best = (District: -1, Other: -1, Length: 0.0);
        for (var d = 0; d < graph.Length; d++)
        {
            if (districtSystem[d] != 0)
            {
                continue;
            }

            foreach (var other in graph[d].Select(e => districtSystem[e.Node]).Where(s => s != 0).Distinct().Order())
            {
                var length = graph[d].Where(e => districtSystem[e.Node] == other).Sum(e => e.Length);
                if (length > best.Length)
                {
                    best = (d, other, length);
                }
            }
        }

        var (target, system, _) = best;
        if (target < 0)
        {
            return -1;
        }

        // Breadth-first from the other system into the district: the nearest cells cross over.
        var depth = new int[_cells.Count];
        Array.Fill(depth, -1);
        var queue = new Queue<int>();
        for (var c = 0; c < _cells.Count; c++)
        {
            if (cellSystem[c] == system)
            {
                depth[c] = 0;
                queue.Enqueue(c);
            }
        }

        while (queue.TryDequeue(out var v))
        {
            foreach (var (w, _) in _cells.Neighbours[v])
            {
                if (depth[w] < 0 && district[w] == target)
                {
                    depth[w] = depth[v] + 1;
                    queue.Enqueue(w);
                }
            }
        }

        var inDistrict = Enumerable.Range(0, _cells.Count).Where(c => district[c] == target).ToArray();
        var moving = inDistrict.Where(c => depth[c] > 0).OrderBy(c => depth[c]).ThenBy(c => c)
            .Take((int)Math.Round(StraddleShare * inDistrict.Length)).ToArray();
        foreach (var c in moving)
        {
            cellSystem[c] = system;
        }

        // Keep the part left in system 0 in one piece: stray fragments go across too.
        var pieces = DemoPartition.Components(_cells.Neighbours, c => district[c] == target && cellSystem[c] == 0);
        foreach (var piece in pieces.Skip(1))
        {
            foreach (var c in piece)
            {
                cellSystem[c] = system;
            }
        }

        return target;
    }

    private void Name(int seed, int[] district, int[] cellSystem, (double X, double Y)[] centroids, int[] districtSystem, int[] icpOfDistrict)
    {
        var districts = centroids.Length;

        // Codes run north to south, as a reader scanning the list would expect.
        var districtOrder = Enumerable.Range(0, districts).OrderByDescending(d => centroids[d].Y).ThenBy(d => centroids[d].X).ToArray();
        var districtRank = new int[districts];
        for (var i = 0; i < districts; i++)
        {
            districtRank[districtOrder[i]] = i;
        }

        var names = DemoNames.Places(new DemoRandom(seed, "names"), districts);
        DistrictCode = new string[districts];
        DistrictName = new string[districts];
        for (var d = 0; d < districts; d++)
        {
            DistrictCode[d] = Code("X06", districtRank[d] + 1);
            DistrictName[d] = names[districtRank[d]];
        }

        // Renumber so that index order is code order everywhere below.
        CellDistrict = district.Select(d => districtRank[d]).ToArray();
        DistrictCode = districtOrder.Select(d => DistrictCode[d]).ToArray();
        DistrictName = districtOrder.Select(d => DistrictName[d]).ToArray();
        var systemOfDistrict = districtOrder.Select(d => districtSystem[d]).ToArray();
        var icp = districtOrder.Select(d => icpOfDistrict[d]).ToArray();
        var centre = districtOrder.Select(d => centroids[d]).ToArray();

        var systemCentre = Enumerable.Range(0, SystemCount)
            .Select(s => Enumerable.Range(0, _cells.Count).Where(c => cellSystem[c] == s).Average(c => _cells.Sites[c].Y)).ToArray();
        var systemOrder = Enumerable.Range(0, SystemCount).OrderByDescending(s => systemCentre[s]).ToArray();
        var systemRank = new int[SystemCount];
        for (var i = 0; i < SystemCount; i++)
        {
            systemRank[systemOrder[i]] = i;
        }

        CellSystem = cellSystem.Select(s => systemRank[s]).ToArray();
        SystemCode = Enumerable.Range(1, SystemCount).Select(i => Code("X54", i)).ToArray();
        SystemName = new string[SystemCount];
        for (var s = 0; s < SystemCount; s++)
        {
            // Named after its two biggest places, as "NHS Humber and North Yorkshire" is.
            var biggest = Enumerable.Range(0, districts)
                .Select(d => (District: d, Cells: Enumerable.Range(0, _cells.Count).Count(c => CellSystem[c] == s && CellDistrict[c] == d)))
                .Where(x => x.Cells > 0).OrderByDescending(x => x.Cells).ThenBy(x => x.District).Take(2)
                .Select(x => DistrictName[x.District]).ToArray();
            SystemName[s] = $"NHS {string.Join(" and ", biggest)} Integrated Care Board";
        }

        NameIcps(systemRank[0], systemOfDistrict, icp, centre);
        NameCells(DemoRandom.Key(seed, "neighbourhood-names"));
    }

    private void NameIcps(int system, int[] systemOfDistrict, int[] icp, (double X, double Y)[] centre)
    {
        var members = Enumerable.Range(0, IcpCount)
            .Select(i => Enumerable.Range(0, icp.Length).Where(d => systemOfDistrict[d] == 0 && icp[d] == i).ToArray()).ToArray();
        var at = members.Select(m => (X: m.Average(d => centre[d].X), Y: m.Average(d => centre[d].Y))).ToArray();

        // Label along whichever axis the ICPs spread over more.
        var northSouth = at.Max(p => p.Y) - at.Min(p => p.Y) >= at.Max(p => p.X) - at.Min(p => p.X);
        var order = northSouth
            ? Enumerable.Range(0, IcpCount).OrderByDescending(i => at[i].Y).ToArray()
            : Enumerable.Range(0, IcpCount).OrderBy(i => at[i].X).ToArray();
        var labels = northSouth ? new[] { "North", "Central", "South" } : ["West", "Central", "East"];
        var systemShort = SystemName[system]["NHS ".Length..^" Integrated Care Board".Length];
        for (var k = 0; k < IcpCount; k++)
        {
            var code = "X-ICP-" + labels[k].ToUpperInvariant();
            var name = $"{systemShort} {labels[k]}";
            foreach (var d in members[order[k]])
            {
                IcpRows.Add((system, code, name, d));
            }
        }

        IcpRows.Sort((a, b) => a.District.CompareTo(b.District));
    }

    /// <summary>
    /// Neighbourhoods are named like LSOAs, "&lt;district&gt; 001A": numbered along bands from north to south,
    /// snaking east and west, four to six to a number (as LSOAs are to an MSOA), lettered within it.
    /// </summary>
    private void NameCells(ulong key)
    {
        var n = _cells.Count;
        CellCode = new string[n];
        CellName = new string[n];
        var order = new List<int>(n);
        for (var d = 0; d < DistrictCode.Length; d++)
        {
            var cells = Enumerable.Range(0, n).Where(c => CellDistrict[c] == d)
                .Select(c => (Cell: c, Band: (int)Math.Floor((DemoTerrain.MaxY - _cells.Sites[c].Y) / NumberingBand), _cells.Sites[c].X))
                .OrderBy(x => x.Band).ThenBy(x => x.Band % 2 == 0 ? x.X : -x.X).Select(x => x.Cell).ToArray();
            var number = 0;
            var letter = 0;
            var groupSize = 0;
            foreach (var c in cells)
            {
                if (letter == groupSize)
                {
                    number++;
                    letter = 0;
                    groupSize = 4 + (int)(3 * DemoRandom.Hash01(key, d, number));
                }

                CellName[c] = string.Create(CultureInfo.InvariantCulture, $"{DistrictName[d]} {number:000}{(char)('A' + letter)}");
                letter++;
                order.Add(c);
            }
        }

        for (var i = 0; i < order.Count; i++)
        {
            CellCode[order[i]] = Code("X01", i + 1);
        }

        Order = order.ToArray();
    }

    private static string Code(string prefix, int number) =>
        prefix + number.ToString("000000", CultureInfo.InvariantCulture);

    private static double Hypot((double X, double Y) a, (double X, double Y) b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
