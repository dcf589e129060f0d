using Geo.Core.Sources;
using Geo.Data.Import;
using Geo.Data.Manifest;

namespace Geo.Data.Indicators;

/// <summary>
/// The ONS LSOA (2011) to LSOA (2021) lookup: each 2011 code's 2021 partners, and how many 2011 codes
/// each 2021 code is made from. Codes compare ignoring case. Immutable once read; thread-safe to read.
/// </summary>
internal sealed class Lsoa11Lookup
{
    private readonly Dictionary<string, List<string>> _partners = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _sources = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>2021 codes that take part of a 2011 code split between several.</summary>
    private readonly HashSet<string> _takesPartOfSplit = new(StringComparer.OrdinalIgnoreCase);

    private Lsoa11Lookup(string path) => Path = path;

    public string Path { get; }

    /// <summary>Reads the lookup; a pair listed twice or an empty code is an error naming the line.</summary>
    public static Lsoa11Lookup Read(string path, Lsoa11LookupSpec spec)
    {
        var lookup = new Lsoa11Lookup(path);
        using var table = CsvTable.Open(path);
        var from = table.Column(spec.Lsoa11);
        var to = table.Column(spec.Lsoa21);
        var pairs = new Dictionary<(string, string), long>();
        while (table.Read())
        {
            var code11 = table.GetText(from);
            var code21 = table.GetText(to);
            var pair = (code11.ToUpperInvariant(), code21.ToUpperInvariant());
            if (!pairs.TryAdd(pair, table.Line))
            {
                throw table.Error(to, $"the pair {code11} → {code21} is listed twice: also at line {pairs[pair]}");
            }

            if (!lookup._partners.TryGetValue(code11, out var partners))
            {
                partners = [];
                lookup._partners.Add(code11, partners);
            }

            partners.Add(code21);
            lookup._sources[code21] = lookup._sources.GetValueOrDefault(code21) + 1;
        }

        if (lookup._partners.Count == 0)
        {
            throw new GeoDataException(path, null, null, "the lookup has a header but no rows");
        }

        foreach (var partners in lookup._partners.Values.Where(p => p.Count > 1))
        {
            lookup._takesPartOfSplit.UnionWith(partners);
        }

        return lookup;
    }

    /// <summary>The 2021 codes a 2011 code went to, or null when the lookup does not list it.</summary>
    public IReadOnlyList<string>? Partners(string code11) => _partners.GetValueOrDefault(code11);

    /// <summary>
    /// How a 2011 code's figures are shared among its 2021 partners: each partner's weight is its 2021 population
    /// divided among the 2011 codes it is made from, and its share that weight over the partners' total; a partner
    /// with no population gets nothing, unless none has any, then all get equal shares. Clears and fills
    /// <paramref name="into"/>, in the lookup's order; returns the total weight (0 when no partner has population).
    /// </summary>
    public double Apportion(string code11, IReadOnlyDictionary<string, double> population, List<(string Partner, double Weight, double Share)> into)
    {
        var partners = _partners[code11];
        into.Clear();
        var total = 0.0;
        foreach (var p in partners)
        {
            var w = population.GetValueOrDefault(p) / Math.Max(1, Sources(p));
            into.Add((p, w, 0));
            total += w;
        }

        for (var i = 0; i < into.Count; i++)
        {
            into[i] = into[i] with { Share = total > 0 ? into[i].Weight / total : 1.0 / partners.Count };
        }

        return total;
    }

    /// <summary>How many 2011 codes the 2021 code is made from.</summary>
    public int Sources(string code21) => _sources.GetValueOrDefault(code21);

    public Lsoa11Change Change(string code11)
    {
        var partners = _partners[code11];
        if (partners.Count == 1)
        {
            var sources = Sources(partners[0]);
            if (sources == 1)
            {
                return Lsoa11Change.Unchanged;
            }

            // A merge only if every other source went wholly into this one 2021 neighbourhood.
            return _takesPartOfSplit.Contains(partners[0]) ? Lsoa11Change.Complex : Lsoa11Change.Merged;
        }

        return partners.All(p => Sources(p) == 1) ? Lsoa11Change.Split : Lsoa11Change.Complex;
    }
}
