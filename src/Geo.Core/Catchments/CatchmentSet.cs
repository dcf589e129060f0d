namespace Geo.Core.Catchments;

/// <summary>
/// Every provider's catchment by one method and threshold, with how the neighbourhoods were shared out: how many
/// sit in no, one or several catchments, which are in none, and how many first-past-the-post ties were broken.
/// Built by <see cref="CatchmentBuilder.Build"/>. Immutable; thread-safe.
/// </summary>
public sealed class CatchmentSet
{
    private readonly Dictionary<string, Catchment> _byProvider;
    private readonly Dictionary<string, Catchment[]> _byNeighbourhood;

    internal CatchmentSet(CatchmentOptions options, IReadOnlyList<Catchment> catchments, IReadOnlyList<int> byMemberships,
        IReadOnlyList<string> unassigned, int ties, int neighbourhoodsWithFlow)
    {
        Options = options;
        Catchments = catchments;
        NeighbourhoodsByMemberships = byMemberships;
        Unassigned = unassigned;
        Ties = ties;
        NeighbourhoodsWithFlow = neighbourhoodsWithFlow;
        _byProvider = new Dictionary<string, Catchment>(catchments.Count, StringComparer.OrdinalIgnoreCase);
        var lists = new Dictionary<string, List<Catchment>>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in catchments)
        {
            _byProvider[c.Provider] = c;
            foreach (var m in c.Members)
            {
                if (!lists.TryGetValue(m.Neighbourhood, out var list))
                {
                    list = [];
                    lists.Add(m.Neighbourhood, list);
                }

                list.Add(c);
            }
        }

        _byNeighbourhood = lists.ToDictionary(l => l.Key, l => l.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public CatchmentOptions Options { get; }

    /// <summary>Every provider of the flow table, in code order, with its catchment (possibly empty).</summary>
    public IReadOnlyList<Catchment> Catchments { get; }

    /// <summary>Element k: how many neighbourhoods with flow are in exactly k catchments.</summary>
    public IReadOnlyList<int> NeighbourhoodsByMemberships { get; }

    /// <summary>Neighbourhoods with flow in no catchment (no provider reaches the threshold), in code order.</summary>
    public IReadOnlyList<string> Unassigned { get; }

    /// <summary>First past the post: neighbourhoods whose largest flow was shared by several providers (given to the
    /// first code). 0 for proportional flow.</summary>
    public int Ties { get; }

    /// <summary>Neighbourhoods with any flow.</summary>
    public int NeighbourhoodsWithFlow { get; }

    /// <summary>Neighbourhoods in two or more catchments.</summary>
    public int OverlappingNeighbourhoods => NeighbourhoodsByMemberships.Skip(2).Sum();

    /// <summary>The provider's catchment, or null for a code not in the flow table.</summary>
    public Catchment? Find(string provider) => _byProvider.GetValueOrDefault(provider);

    /// <summary>The catchments a neighbourhood belongs to, in provider code order (empty when none).</summary>
    public IReadOnlyList<Catchment> Containing(string neighbourhood) =>
        _byNeighbourhood.TryGetValue(neighbourhood, out var list) ? list : [];
}
