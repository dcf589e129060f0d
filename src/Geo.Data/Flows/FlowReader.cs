using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
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
/// <remarks>
/// England's table has 866k rows, so it is read as columns: each row is four numbers (provider and neighbourhood as
/// indexes into pools of codes, the count, the line), and a field becomes a string only the first time its code is
/// seen (or when it is not plain ASCII, or is bad: then the ordinary getters of <see cref="CsvTable"/> read it and
/// word the error exactly as before). A 2011 code is looked up and apportioned once, not once per row. The loops over
/// rows are compiled optimised at once: a load is one pass, and in tier-0 code it took twice as long.
/// </remarks>
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

        var rows = ReadRows(spec, path);
        var notes = new List<string>
        {
            Invariant($"{rows.Count:N0} rows read from {path}: {rows.Providers.Count:N0} {spec.Providers}, {rows.Total():N0} {spec.Counts} in all."),
        };
        var flows = from2011
            ? From2011(rows, Lsoa11Lookup.Read(lookupPath!, spec.Lsoa11Lookup!), context, notes)
            : Keep(rows, context, notes);
        if (flows.Count == 0)
        {
            throw new GeoDataException(path, null, spec.Area,
                $"no row is for a neighbourhood of this dataset ({string.Join(" ", notes)}); check {entry}.areaLevel and {entry}.area");
        }

        var providerCount = 0;
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < rows.Providers.Count; p++)
        {
            if (flows.HasProvider[p])
            {
                providerCount++;
                names.Add(rows.Providers[p], rows.Names[p].Name);
            }
        }

        notes.Add(Invariant($"{flows.Count:N0} flows kept from {providerCount:N0} {spec.Providers} to {flows.Neighbourhoods:N0} of the dataset's {context.Neighbourhoods.Count:N0} neighbourhoods."));
        return new FlowSource
        {
            Providers = spec.Providers,
            Counts = spec.Counts,
            ProviderNames = names,
            Flows = flows.ToArray(rows.Providers),
            File = path,
            ImportNotes = notes,
        };
    }

    /// <summary>Every row of the table, checked cell by cell, as columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Rows ReadRows(FlowSpec spec, string path)
    {
        var rows = new Rows();
        Span<char> buffer = stackalloc char[128];
        using (var table = CsvTable.Open(path))
        {
            var provider = table.Column(spec.Provider);
            var name = spec.ProviderName is null ? (CsvColumn?)null : table.Column(spec.ProviderName);
            var area = table.Column(spec.Area);
            var count = table.Column(spec.Count);
            while (true)
            {
                try
                {
                    if (!table.Read())
                    {
                        break;
                    }

                    ReadRow(table, provider, name, area, count, rows, buffer);
                }
                catch (GeoDataException)
                {
                    // Pairs are checked once all are read (below); one listed twice before this problem comes first, as
                    // it would to a reader checking row by row.
                    ThrowRepeatedPair(rows, path, area);
                    throw;
                }
            }

            if (rows.Count == 0)
            {
                throw new GeoDataException(path, null, null, "the flow table has a header but no rows");
            }

            ThrowRepeatedPair(rows, path, area);
        }

        return rows;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadRow(CsvTable table, CsvColumn provider, CsvColumn? name, CsvColumn area, CsvColumn count, Rows rows, Span<char> buffer)
    {
        var p = Code(table, provider, rows.Providers, buffer);
        var a = Code(table, area, rows.Areas, buffer);
        var people = table.TryGetPlainDouble(count, out var plain) ? plain : table.GetDouble(count);
        if (people < 0)
        {
            throw table.Error(count, $"is {people.ToString(CultureInfo.InvariantCulture)}; a count of people cannot be negative");
        }

        // Added before the name is checked: a pair listed twice is the row's first problem.
        rows.Add(p, a, people, table.Line);
        if (p == rows.Names.Count)
        {
            var label = name is { } first ? table.GetText(first) : rows.Providers[p];
            rows.Names.Add((label, table.Line, Encoding.UTF8.GetBytes(label)));
        }
        else if (name is { } n && !(table.TryGetAscii(n, out var same) && same.SequenceEqual(rows.Names[p].Utf8)))
        {
            var label = table.GetText(n);
            var known = rows.Names[p];
            if (!string.Equals(known.Name, label, StringComparison.Ordinal))
            {
                throw table.Error(name, $"provider {rows.Providers[p]} is named '{label}' here but '{known.Name}' at line {known.Line}");
            }
        }
    }

    /// <summary>
    /// Throws for the first provider and neighbourhood pair listed twice among the rows read, naming the line of its
    /// second listing and that of its first: found by sorting the pairs once, which costs a fifth of a dictionary of
    /// 866k pairs filled row by row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ThrowRepeatedPair(Rows rows, string path, CsvColumn area)
    {
        var keys = new long[rows.Count];
        var order = new int[rows.Count];
        for (var r = 0; r < keys.Length; r++)
        {
            keys[r] = PairKey.Of(rows.Provider[r], rows.Area[r]);
            order[r] = r;
        }

        Array.Sort(keys, order);
        (int First, int Second)? repeated = null;
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
                if (repeated is not { } known || order[start + 1] < known.Second)
                {
                    repeated = (order[start], order[start + 1]);
                }
            }

            start = end;
        }

        if (repeated is { } pair)
        {
            throw new GeoDataException(path, rows.Line[pair.Second], area.Name,
                $"provider {rows.Providers[rows.Provider[pair.Second]]} and neighbourhood {rows.Areas[rows.Area[pair.Second]]} are listed twice: also at line {rows.Line[pair.First]}");
        }
    }

    /// <summary>The index of the field's code in <paramref name="pool"/>, adding it the first time; a string is made only then.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Code(CsvTable table, CsvColumn column, CodePool pool, Span<char> buffer)
    {
        if (table.TryGetAscii(column, out var ascii) && ascii.Length > 0 && ascii.Length <= buffer.Length)
        {
            var chars = buffer[..ascii.Length];
            Ascii.ToUtf16(ascii, chars, out _);
            if (pool.Find(chars) is var known and >= 0)
            {
                return known;
            }
        }

        return pool.Add(table.GetText(column));
    }

    /// <summary>2021 codes: rows for neighbourhoods outside the dataset are skipped and counted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static KeptFlows Keep(Rows rows, IndicatorReadContext context, List<string> notes)
    {
        var inDataset = new bool[rows.Areas.Count];
        for (var a = 0; a < inDataset.Length; a++)
        {
            inDataset[a] = context.Neighbourhoods.Contains(rows.Areas[a]);
        }

        var kept = new KeptFlows(rows.Providers.Count, rows.Areas.Count, rows.Count);
        var skipped = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (var r = 0; r < rows.Count; r++)
        {
            var a = rows.Area[r];
            if (inDataset[a])
            {
                kept.Add(rows.Provider[r], a, rows.Areas[a], rows.People[r], rows.Line[r]);
            }
            else
            {
                skipped[rows.Areas[a]] = skipped.GetValueOrDefault(rows.Areas[a]) + rows.People[r];
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static KeptFlows From2011(Rows rows, Lsoa11Lookup lookup, IndicatorReadContext context, List<string> notes)
    {
        // Each 2011 code once: its change and its partners' shares, the partners pooled (null when outside the dataset).
        var partners = new CodePool();
        var changes = new int[rows.Areas.Count];
        var sharesOf = new (int Partner, string Code, double Share)[]?[rows.Areas.Count];
        var shares = new List<(string Partner, double Weight, double Share)>();
        for (var a = 0; a < rows.Areas.Count; a++)
        {
            var code = rows.Areas[a];
            if (lookup.Partners(code) is null)
            {
                continue;
            }

            changes[a] = (int)lookup.Change(code);
            lookup.Apportion(code, context.Population, shares);
            sharesOf[a] = [.. shares.Select(s => (context.Neighbourhoods.Contains(s.Partner) ? partners.Add(s.Partner) : -1, s.Partner, s.Share))];
        }

        var mapped = new Dictionary<long, int>(PairKey.Comparer);
        var flows = new KeptFlows(rows.Providers.Count, partners.Count, rows.Count);
        var notInLookup = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var outside = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var byChange = new int[4];
        double outsidePeople = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var a = rows.Area[r];
            var count = rows.People[r];
            if (sharesOf[a] is not { } split)
            {
                notInLookup[rows.Areas[a]] = notInLookup.GetValueOrDefault(rows.Areas[a]) + count;
                continue;
            }

            byChange[changes[a]]++;
            var p = rows.Provider[r];
            foreach (var (partner, code, share) in split)
            {
                if (partner < 0)
                {
                    outside.Add(rows.Areas[a]);
                    outsidePeople += count * share;
                    continue;
                }

                var key = PairKey.Of(p, partner);
                if (mapped.TryGetValue(key, out var k))
                {
                    flows.AddTo(k, count * share);
                }
                else
                {
                    mapped.Add(key, flows.Count);
                    flows.Add(p, partner, code, count * share, rows.Line[r]);
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

    private static string List(IEnumerable<string> codes)
    {
        var sorted = codes.Order(StringComparer.Ordinal).ToArray();
        return sorted.Length <= Listed
            ? string.Join(", ", sorted)
            : string.Join(", ", sorted.Take(Listed)) + Invariant($" and {sorted.Length - Listed:N0} more");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A provider and neighbourhood pair as one number. Its hash is mixed: <see cref="long.GetHashCode"/> folds the two
    /// halves together (provider XOR neighbourhood), which gave England's 866k pairs only about 65k hashes, so the
    /// dictionary of pairs walked long chains and took most of the read.
    /// </summary>
    private sealed class PairKey : IEqualityComparer<long>
    {
        public static readonly PairKey Comparer = new();

        public static long Of(int provider, int neighbourhood) => ((long)provider << 32) | (uint)neighbourhood;

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long obj) => (int)(((ulong)obj * 0x9E3779B97F4A7C15UL) >> 32);
    }

    /// <summary>Codes compared ignoring case, each kept as first spelt and numbered in order of first appearance.</summary>
    private sealed class CodePool
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _codes = [];

        public int Count => _codes.Count;

        public string this[int index] => _codes[index];

        /// <summary>The code's index, or -1; no string is made.</summary>
        public int Find(ReadOnlySpan<char> code) =>
            _index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out var index) ? index : -1;

        public int Add(string code)
        {
            if (!_index.TryGetValue(code, out var index))
            {
                index = _codes.Count;
                _index.Add(code, index);
                _codes.Add(code);
            }

            return index;
        }
    }

    /// <summary>The table's rows as columns, with the pools their codes index.</summary>
    private sealed class Rows
    {
        public CodePool Providers { get; } = new();

        public CodePool Areas { get; } = new();

        /// <summary>Each provider's name (its code when the table has no names), the line first naming it, and its UTF-8 bytes.</summary>
        public List<(string Name, long Line, byte[] Utf8)> Names { get; } = [];

        public List<int> Provider { get; } = [];

        public List<int> Area { get; } = [];

        public List<double> People { get; } = [];

        public List<long> Line { get; } = [];

        public int Count => Provider.Count;

        public void Add(int provider, int area, double count, long line)
        {
            Provider.Add(provider);
            Area.Add(area);
            People.Add(count);
            Line.Add(line);
        }

        public double Total()
        {
            var total = 0.0;
            foreach (var c in People)
            {
                total += c;
            }

            return total;
        }
    }

    /// <summary>The flows kept, as columns, and which providers and neighbourhoods they reach.</summary>
    private sealed class KeptFlows(int providers, int neighbourhoods, int capacity)
    {
        private readonly List<int> _provider = new(capacity);
        private readonly List<string> _neighbourhood = new(capacity);
        private readonly List<double> _count = new(capacity);
        private readonly List<long> _line = new(capacity);
        private readonly bool[] _reached = new bool[neighbourhoods];

        public bool[] HasProvider { get; } = new bool[providers];

        /// <summary>How many neighbourhoods the flows reach.</summary>
        public int Neighbourhoods { get; private set; }

        public int Count => _provider.Count;

        public void Add(int provider, int neighbourhood, string code, double count, long line)
        {
            _provider.Add(provider);
            _neighbourhood.Add(code);
            _count.Add(count);
            _line.Add(line);
            HasProvider[provider] = true;
            if (!_reached[neighbourhood])
            {
                _reached[neighbourhood] = true;
                Neighbourhoods++;
            }
        }

        public void AddTo(int flow, double count) => _count[flow] += count;

        public ProviderFlow[] ToArray(CodePool providers)
        {
            var flows = new ProviderFlow[Count];
            for (var k = 0; k < flows.Length; k++)
            {
                flows[k] = new ProviderFlow(providers[_provider[k]], _neighbourhood[k], _count[k], _line[k]);
            }

            return flows;
        }
    }
}
