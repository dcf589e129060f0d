namespace Geo.Demo;

/// <summary>
/// Splits a graph of areas into contiguous groups: the demo's places from its cells, systems and ICPs
/// from its places. Results depend only on the inputs (ties go to the lower index), never on the order a
/// queue happens to return equal keys. Stateless and thread-safe.
/// </summary>
internal static class DemoPartition
{
    /// <summary>
    /// Multi-source shortest paths: each node joins the source it is cheapest to reach from, starting
    /// from that source's offset. Every group is connected, since each node's cheapest path runs through
    /// nodes of its own group, and not empty: a source always keeps its own node, however cheaply a
    /// neighbouring source could reach it.
    /// </summary>
    public static int[] Grow((int Node, double Length)[][] neighbours, Func<int, int, double> cost, int[] sources, double[] offsets)
    {
        var n = neighbours.Length;
        var distance = new double[n];
        var group = new int[n];
        Array.Fill(distance, double.PositiveInfinity);
        Array.Fill(group, -1);
        var queue = new PriorityQueue<int, (double Distance, int Group, int Node)>();
        var isSource = new bool[n];
        for (var s = 0; s < sources.Length; s++)
        {
            if (isSource[sources[s]])
            {
                throw new ArgumentException($"Node {sources[s]} is given as a source twice.", nameof(sources));
            }

            isSource[sources[s]] = true;
            distance[sources[s]] = offsets[s];
            group[sources[s]] = s;
            queue.Enqueue(sources[s], (offsets[s], s, sources[s]));
        }

        while (queue.TryDequeue(out var v, out var key))
        {
            if (key.Distance != distance[v] || key.Group != group[v])
            {
                continue;
            }

            foreach (var (w, _) in neighbours[v])
            {
                if (isSource[w])
                {
                    continue;
                }

                var d = distance[v] + cost(v, w);
                if (Better(d, group[v], distance[w], group[w]))
                {
                    distance[w] = d;
                    group[w] = group[v];
                    queue.Enqueue(w, (d, group[v], w));
                }
            }
        }

        return group;
    }

    /// <summary>
    /// Grows <paramref name="seeds"/>.Length groups over the nodes where <paramref name="member"/> holds, taking
    /// turns: the group furthest below its quota claims the unclaimed neighbour nearest its seed. Groups
    /// come out connected and close to their quotas. Null when some node cannot be reached.
    /// </summary>
    public static int[]? GrowBalanced(
        (int Node, double Length)[][] neighbours,
        Func<int, bool> member,
        Func<int, int, double> distance,
        int[] seeds,
        double[] quotas)
    {
        var n = neighbours.Length;
        var group = new int[n];
        Array.Fill(group, -1);
        var size = new int[seeds.Length];
        for (var g = 0; g < seeds.Length; g++)
        {
            group[seeds[g]] = g;
            size[g] = 1;
        }

        var left = Enumerable.Range(0, n).Count(i => member(i) && group[i] < 0);
        var stuck = new bool[seeds.Length];
        while (left > 0)
        {
            var turn = -1;
            for (var g = 0; g < seeds.Length; g++)
            {
                if (!stuck[g] && (turn < 0 || size[g] / quotas[g] < size[turn] / quotas[turn]))
                {
                    turn = g;
                }
            }

            if (turn < 0)
            {
                // Some nodes cannot be reached from any seed: the graph is not connected.
                return null;
            }

            var pick = -1;
            for (var v = 0; v < n; v++)
            {
                if (group[v] != turn)
                {
                    continue;
                }

                foreach (var (w, _) in neighbours[v])
                {
                    if (group[w] < 0 && member(w)
                        && (pick < 0 || distance(seeds[turn], w) < distance(seeds[turn], pick)
                            || (distance(seeds[turn], w) == distance(seeds[turn], pick) && w < pick)))
                    {
                        pick = w;
                    }
                }
            }

            if (pick < 0)
            {
                stuck[turn] = true;
                continue;
            }

            group[pick] = turn;
            size[turn]++;
            left--;
        }

        return group;
    }

    /// <summary>The connected pieces of the nodes where <paramref name="member"/> holds, largest first (ties by
    /// lowest node), each listed in ascending order.</summary>
    public static List<int[]> Components((int Node, double Length)[][] neighbours, Func<int, bool> member)
    {
        var seen = new bool[neighbours.Length];
        var pieces = new List<int[]>();
        var queue = new Queue<int>();
        for (var start = 0; start < neighbours.Length; start++)
        {
            if (seen[start] || !member(start))
            {
                continue;
            }

            var piece = new List<int>();
            seen[start] = true;
            queue.Enqueue(start);
            while (queue.TryDequeue(out var v))
            {
                piece.Add(v);
                foreach (var (w, _) in neighbours[v])
                {
                    if (!seen[w] && member(w))
                    {
                        seen[w] = true;
                        queue.Enqueue(w);
                    }
                }
            }

            piece.Sort();
            pieces.Add(piece.ToArray());
        }

        return pieces.OrderByDescending(p => p.Length).ThenBy(p => p[0]).ToList();
    }

    /// <summary>Seeds spread out: the first given, then each next the node furthest from those chosen.</summary>
    public static int[] FarthestPoints(IReadOnlyList<int> candidates, int first, int count, Func<int, int, double> distance)
    {
        var chosen = new List<int> { first };
        while (chosen.Count < count)
        {
            var best = -1;
            var bestDistance = double.NegativeInfinity;
            foreach (var c in candidates)
            {
                if (chosen.Contains(c))
                {
                    continue;
                }

                var d = chosen.Min(s => distance(s, c));
                if (d > bestDistance)
                {
                    best = c;
                    bestDistance = d;
                }
            }

            chosen.Add(best);
        }

        return chosen.ToArray();
    }

    private static bool Better(double d, int g, double currentD, int currentG) =>
        d < currentD || (d == currentD && currentG >= 0 && g < currentG);
}
