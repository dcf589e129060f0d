using System.Globalization;
using Geo.Core.Sources;
using Geo.Data.Import;
using Geo.Data.Indicators;
using Geo.Data.Manifest;

namespace Geo.Data.Flows;

/// <summary>
/// Imports a flow table named by a dataset manifest into a <see cref="FlowSource"/> on the dataset's 2021
/// neighbourhoods: 2011 codes are mapped through the ONS lookup, split neighbourhoods sharing their flows by 2021
/// population as indicators do (docs/data.md). Codes that are no neighbourhood of the dataset (non-geographic codes,
/// Welsh LSOAs) are skipped and counted in the notes. A bad entry or cell throws <see cref="GeoDataException"/>
/// naming the file, the line and the field before anything is returned: the import is all or nothing. Stateless
/// and thread-safe.
/// </summary>
public static class FlowReader
{
    private const int Listed = 10;

    /// <summary>Reads the flow table at <paramref name="path"/> (the entry's file, resolved).</summary>
    /// <param name="lookupPath">The resolved path of the entry's LSOA 2011 → 2021 lookup; needed for <c>neighbourhood-2011</c>.</param>
    /// <param name="entry">Where the entry is in the manifest, for messages: <c>flows</c>, or an indicator's <c>indicators[3].file.flows</c>.</param>
    /// <exception cref="GeoDataException">The entry is invalid (the message names the manifest and the field, e.g.
    /// <c>flows.areaLevel</c>), or a cell is empty, not a number or negative, a provider and neighbourhood pair is
    /// listed twice (both lines named), a provider has two names, or no row is for a neighbourhood of the dataset.</exception>
    public static FlowSource Read(FlowSpec spec, string path, IndicatorReadContext context, string? lookupPath = null, string entry = "flows")
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        var from2011 = spec.AreaLevel switch
        {
            "neighbourhood" => false,
            "neighbourhood-2011" => true,
            _ => throw new GeoDataException(context.Manifest, null, entry + ".areaLevel",
                $"is '{spec.AreaLevel}'; it must be neighbourhood (2021 LSOA codes) or neighbourhood-2011 (2011 codes, mapped to 2021)"),
        };
        if (from2011 && (spec.Lsoa11Lookup is null || lookupPath is null))
        {
            throw new GeoDataException(context.Manifest, null, entry + ".lsoa11Lookup",
                "is needed for areaLevel neighbourhood-2011: the ONS LSOA (2011) to LSOA (2021) lookup");
        }

        // Codes are pooled: each provider and neighbourhood is one string however many rows name it, and a pair is
        // checked for repeats by the two codes' indexes.
        var names = new Dictionary<string, (string Name, long Line)>(StringComparer.OrdinalIgnoreCase);
        var providers = new Dictionary<string, (string Code, int Index)>(StringComparer.OrdinalIgnoreCase);
        var areas = new Dictionary<string, (string Code, int Index)>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<ProviderFlow>();
        var seen = new Dictionary<long, long>();
        using (var table = CsvTable.Open(path))
        {
            var provider = table.Column(spec.Provider);
            var name = spec.ProviderName is null ? (CsvColumn?)null : table.Column(spec.ProviderName);
            var area = table.Column(spec.Area);
            var count = table.Column(spec.Count);
            while (table.Read())
            {
                var code = Pool(providers, table.GetText(provider), out var p);
                var where = Pool(areas, table.GetText(area), out var a);
                var people = table.GetDouble(count);
                if (people < 0)
                {
                    throw table.Error(count, $"is {people.ToString(CultureInfo.InvariantCulture)}; a count of people cannot be negative");
                }

                var key = ((long)p << 32) | (uint)a;
                if (!seen.TryAdd(key, table.Line))
                {
                    throw table.Error(area, $"provider {code} and neighbourhood {where} are listed twice: also at line {seen[key]}");
                }

                var label = name is { } n ? table.GetText(n) : code;
                if (names.TryGetValue(code, out var known) && !string.Equals(known.Name, label, StringComparison.Ordinal))
                {
                    throw table.Error(name, $"provider {code} is named '{label}' here but '{known.Name}' at line {known.Line}");
                }

                names.TryAdd(code, (label, table.Line));
                rows.Add(new ProviderFlow(code, where, people, table.Line));
            }

            if (rows.Count == 0)
            {
                throw new GeoDataException(path, null, null, "the flow table has a header but no rows");
            }
        }

        var notes = new List<string>
        {
            Invariant($"{rows.Count:N0} rows read from {path}: {names.Count:N0} {spec.Providers}, {rows.Sum(r => r.Count):N0} {spec.Counts} in all."),
        };
        var flows = from2011
            ? From2011(rows, Lsoa11Lookup.Read(lookupPath!, spec.Lsoa11Lookup!), context, notes)
            : Keep(rows, context, notes);
        if (flows.Count == 0)
        {
            throw new GeoDataException(path, null, spec.Area,
                $"no row is for a neighbourhood of this dataset ({string.Join(" ", notes)}); check {entry}.areaLevel and {entry}.area");
        }

        var kept = new HashSet<string>(flows.Select(f => f.Provider), StringComparer.OrdinalIgnoreCase);
        notes.Add(Invariant($"{flows.Count:N0} flows kept from {kept.Count:N0} {spec.Providers} to {flows.Select(f => f.Neighbourhood).Distinct(StringComparer.OrdinalIgnoreCase).Count():N0} of the dataset's {context.Neighbourhoods.Count:N0} neighbourhoods."));
        return new FlowSource
        {
            Providers = spec.Providers,
            Counts = spec.Counts,
            ProviderNames = names.Where(n => kept.Contains(n.Key)).ToDictionary(n => n.Key, n => n.Value.Name, StringComparer.OrdinalIgnoreCase),
            Flows = flows,
            File = path,
            ImportNotes = notes,
        };
    }

    /// <summary>2021 codes: rows for neighbourhoods outside the dataset are skipped and counted.</summary>
    private static List<ProviderFlow> Keep(List<ProviderFlow> rows, IndicatorReadContext context, List<string> notes)
    {
        var kept = new List<ProviderFlow>(rows.Count);
        var skipped = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (context.Neighbourhoods.Contains(row.Neighbourhood))
            {
                kept.Add(row);
            }
            else
            {
                skipped[row.Neighbourhood] = skipped.GetValueOrDefault(row.Neighbourhood) + row.Count;
            }
        }

        if (skipped.Count > 0)
        {
            notes.Add(Invariant($"{rows.Count - kept.Count:N0} row(s) for {skipped.Count:N0} code(s) that are no neighbourhood of this dataset skipped ({skipped.Values.Sum():N0} people): {List(skipped.Keys)}."));
        }

        return kept;
    }

    /// <summary>
    /// 2011 codes: unchanged and merged neighbourhoods pass their flows whole (merged ones add up); split and complex
    /// ones share them among their 2021 partners by population, as indicators do. Codes not in the lookup, and the
    /// shares of partners outside the dataset, are skipped and counted.
    /// </summary>
    private static List<ProviderFlow> From2011(List<ProviderFlow> rows, Lsoa11Lookup lookup, IndicatorReadContext context, List<string> notes)
    {
        var mapped = new Dictionary<(string Provider, string Neighbourhood), int>(IgnoreCasePair.Instance);
        var flows = new List<ProviderFlow>(rows.Count);
        var shares = new List<(string Partner, double Weight, double Share)>();
        var notInLookup = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var outside = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var byChange = new int[4];
        double outsidePeople = 0;
        foreach (var row in rows)
        {
            if (lookup.Partners(row.Neighbourhood) is null)
            {
                notInLookup[row.Neighbourhood] = notInLookup.GetValueOrDefault(row.Neighbourhood) + row.Count;
                continue;
            }

            byChange[(int)lookup.Change(row.Neighbourhood)]++;
            lookup.Apportion(row.Neighbourhood, context.Population, shares);
            foreach (var (partner, _, share) in shares)
            {
                if (!context.Neighbourhoods.Contains(partner))
                {
                    outside.Add(row.Neighbourhood);
                    outsidePeople += row.Count * share;
                    continue;
                }

                var key = (row.Provider, partner);
                if (mapped.TryGetValue(key, out var k))
                {
                    flows[k] = flows[k] with { Count = flows[k].Count + (row.Count * share) };
                }
                else
                {
                    mapped.Add(key, flows.Count);
                    flows.Add(row with { Neighbourhood = partner, Count = row.Count * share });
                }
            }
        }

        notes.Add(Invariant($"Mapped from 2011 to 2021 neighbourhoods through {lookup.Path}: rows of {byChange[0]:N0} unchanged, {byChange[1]:N0} split, ")
            + Invariant($"{byChange[2]:N0} merged and {byChange[3]:N0} complex 2011 neighbourhoods; split ones shared by 2021 population, so mapped counts need not be whole."));
        if (notInLookup.Count > 0)
        {
            notes.Add(Invariant($"{notInLookup.Count:N0} code(s) not in the lookup skipped ({notInLookup.Values.Sum():N0} people): {List(notInLookup.Keys)}."));
        }

        if (outside.Count > 0)
        {
            notes.Add(Invariant($"{outside.Count:N0} 2011 code(s) map to neighbourhoods outside this dataset (e.g. Welsh ones): {outsidePeople:N1} people skipped: {List(outside)}."));
        }

        return flows;
    }

    private static string Pool(Dictionary<string, (string Code, int Index)> pool, string code, out int index)
    {
        if (!pool.TryGetValue(code, out var known))
        {
            known = (code, pool.Count);
            pool.Add(code, known);
        }

        index = known.Index;
        return known.Code;
    }

    private static string List(IEnumerable<string> codes)
    {
        var sorted = codes.Order(StringComparer.Ordinal).ToArray();
        return sorted.Length <= Listed
            ? string.Join(", ", sorted)
            : string.Join(", ", sorted.Take(Listed)) + Invariant($" and {sorted.Length - Listed:N0} more");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Pairs of codes compared ignoring case, without making upper-case copies.</summary>
    private sealed class IgnoreCasePair : IEqualityComparer<(string, string)>
    {
        public static readonly IgnoreCasePair Instance = new();

        public bool Equals((string, string) x, (string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }
}
