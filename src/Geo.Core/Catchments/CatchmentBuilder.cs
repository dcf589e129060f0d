using Geo.Core.Sources;

namespace Geo.Core.Catchments;

/// <summary>
/// Builds providers' catchments from a flow table (docs/methods.md, "Catchments"). For each neighbourhood the
/// flows to every provider are added up (duplicates of a provider and neighbourhood add too); a provider's share is
/// its flow over that total. Proportional flow: every provider with a share of at least the threshold. First past
/// the post: the provider with the largest flow, a tie going to the code that sorts first (ordinal). Work and
/// memory are linear in the number of flows. Stateless; thread-safe.
/// </summary>
public static class CatchmentBuilder
{
    /// <exception cref="ArgumentException">The options are not usable, or a flow is negative or not a number.</exception>
    public static CatchmentSet Build(FlowSource flows, CatchmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(flows);
        options ??= CatchmentOptions.Default;
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        // Providers in ordinal code order, so a smaller index is the code that sorts first.
        var providerCodes = flows.ProviderNames.Keys.Concat(flows.Flows.Select(f => f.Provider))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        var providerIndex = new Dictionary<string, int>(providerCodes.Length, StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < providerCodes.Length; p++)
        {
            providerIndex[providerCodes[p]] = p;
        }

        // Flows bucketed by neighbourhood (a counting sort: two passes).
        var neighbourhoodIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var neighbourhoodCodes = new List<string>();
        var rowNeighbourhood = new int[flows.Flows.Count];
        for (var k = 0; k < flows.Flows.Count; k++)
        {
            var f = flows.Flows[k];
            if (!(f.Count >= 0) || !double.IsFinite(f.Count))
            {
                throw new ArgumentException($"The flow from {f.Neighbourhood} to {f.Provider} (line {f.Line}) is {f.Count}; flows must be 0 or more.", nameof(flows));
            }

            if (!neighbourhoodIndex.TryGetValue(f.Neighbourhood, out var n))
            {
                n = neighbourhoodCodes.Count;
                neighbourhoodIndex.Add(f.Neighbourhood, n);
                neighbourhoodCodes.Add(f.Neighbourhood);
            }

            rowNeighbourhood[k] = n;
        }

        var start = new int[neighbourhoodCodes.Count + 1];
        foreach (var n in rowNeighbourhood)
        {
            start[n + 1]++;
        }

        for (var n = 0; n < neighbourhoodCodes.Count; n++)
        {
            start[n + 1] += start[n];
        }

        var next = start[..^1];
        var rows = new int[flows.Flows.Count];
        for (var k = 0; k < rowNeighbourhood.Length; k++)
        {
            rows[next[rowNeighbourhood[k]]++] = k;
        }

        var totalFlow = new double[providerCodes.Length];
        var members = new List<CatchmentMember>?[providerCodes.Length];
        var shared = new int[providerCodes.Length];
        var overlapping = new HashSet<int>?[providerCodes.Length];
        var byMemberships = new List<int> { 0 };
        var unassigned = new List<string>();
        var ties = 0;
        var withFlow = 0;

        // One neighbourhood at a time: its flows by provider (duplicates summed), then its memberships.
        var flowOf = new Dictionary<int, double>();
        var chosen = new List<int>();
        for (var n = 0; n < neighbourhoodCodes.Count; n++)
        {
            flowOf.Clear();
            for (var r = start[n]; r < start[n + 1]; r++)
            {
                var f = flows.Flows[rows[r]];
                var p = providerIndex[f.Provider];
                flowOf[p] = flowOf.GetValueOrDefault(p) + f.Count;
                totalFlow[p] += f.Count;
            }

            var total = 0.0;
            foreach (var flow in flowOf.Values)
            {
                total += flow;
            }

            if (!(total > 0))
            {
                continue;
            }

            withFlow++;
            chosen.Clear();
            if (options.Method == CatchmentMethod.ProportionalFlow)
            {
                foreach (var (p, flow) in flowOf)
                {
                    if (flow / total >= options.Threshold - CatchmentOptions.ShareTolerance)
                    {
                        chosen.Add(p);
                    }
                }
            }
            else
            {
                var largest = flowOf.Values.Max();
                var best = int.MaxValue;
                var atLargest = 0;
                foreach (var (p, flow) in flowOf)
                {
                    if (flow == largest)
                    {
                        atLargest++;
                        best = Math.Min(best, p);
                    }
                }

                ties += atLargest > 1 ? 1 : 0;
                chosen.Add(best);
            }

            while (byMemberships.Count <= chosen.Count)
            {
                byMemberships.Add(0);
            }

            byMemberships[chosen.Count]++;
            if (chosen.Count == 0)
            {
                unassigned.Add(neighbourhoodCodes[n]);
                continue;
            }

            foreach (var p in chosen)
            {
                var share = flowOf[p] / total;
                var weight = options.Method == CatchmentMethod.ProportionalFlow ? share : 1;
                (members[p] ??= []).Add(new CatchmentMember(neighbourhoodCodes[n], flowOf[p], share, weight));
                if (chosen.Count > 1)
                {
                    shared[p]++;
                    var others = overlapping[p] ??= [];
                    foreach (var q in chosen)
                    {
                        if (q != p)
                        {
                            others.Add(q);
                        }
                    }
                }
            }
        }

        var catchments = new Catchment[providerCodes.Length];
        for (var p = 0; p < providerCodes.Length; p++)
        {
            var list = members[p] ?? [];
            list.Sort((a, b) => string.CompareOrdinal(a.Neighbourhood, b.Neighbourhood));
            var memberFlow = 0.0;
            foreach (var m in list)
            {
                memberFlow += m.Flow;
            }

            var code = providerCodes[p];
            catchments[p] = new Catchment(
                code,
                flows.ProviderNames.TryGetValue(code, out var name) ? name : code,
                list,
                totalFlow[p],
                memberFlow,
                shared[p],
                overlapping[p] is { } o ? [.. o.Order().Select(q => providerCodes[q])] : []);
        }

        unassigned.Sort(StringComparer.Ordinal);
        return new CatchmentSet(options, catchments, byMemberships, unassigned, ties, withFlow);
    }
}
