using Geo.Core.Attribution;
using Geo.Core.Indicators;
using Geo.Core.Sources;

namespace Geo.Data.Indicators;

/// <summary>
/// Turns an indicator file's slots into records keyed by the dataset's codes: 2021 neighbourhoods and
/// places are kept when the dataset has them; 2011 neighbourhoods are mapped through the ONS lookup.
/// Everything left out is counted in the notes. Stateless.
/// </summary>
internal static class IndicatorAreaMapper
{
    private const int Listed = 40;
    private const int Examples = 5;

    /// <summary>Keeps the slots whose code is one of <paramref name="known"/>; counts and names the others (and, when
    /// <paramref name="listMissing"/>, the known codes without a figure).</summary>
    /// <remarks>With <paramref name="problems"/>, each unknown code's line is a problem instead (an upload is meant for this dataset).</remarks>
    public static List<IndicatorRecord> Keep(IndicatorAccumulator accumulator, IReadOnlySet<string> known, string what,
        bool hasDenominator, List<string> notes, IndicatorProblems? problems = null, string? areaColumn = null, bool listMissing = true)
    {
        var records = new List<IndicatorRecord>(accumulator.Slots.Count);
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        var unknownSeen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var skipped = 0;
        foreach (var slot in accumulator.Slots)
        {
            if (known.Contains(slot.Area))
            {
                found.Add(slot.Area);
                records.Add(new IndicatorRecord(slot.Area, accumulator.PeriodOf(slot), slot.Band, slot.Numerator,
                    hasDenominator ? slot.Denominator : null, slot.Line));
            }
            else
            {
                skipped++;
                problems?.Add(slot.Line, areaColumn, $"'{slot.Area}' is not a {what} code of this dataset");
                if (unknownSeen.Add(slot.Area))
                {
                    unknown.Add(slot.Area);
                }
            }
        }

        notes.Add(IndicatorRowCounts.Invariant($"{records.Count:N0} records kept for {found.Count:N0} of the dataset's {known.Count:N0} {what}s."));
        if (skipped > 0)
        {
            notes.Add(IndicatorRowCounts.Invariant($"{skipped:N0} figures for {unknown.Count:N0} codes that are not {what}s of this dataset were skipped: {List(unknown, Listed)}."));
        }

        if (listMissing && found.Count < known.Count)
        {
            var missing = known.Where(c => !found.Contains(c)).Order(StringComparer.Ordinal).ToList();
            notes.Add(IndicatorRowCounts.Invariant($"{missing.Count:N0} of the dataset's {what}s have no figure: {List(missing, Listed)}."));
        }

        return records;
    }

    /// <summary>
    /// Keeps the figures of the dataset's districts as place records; a district split between systems has its figures
    /// apportioned to its partial places by population (<see cref="DistrictApportionment"/>). The places left without a
    /// figure are counted among the dataset's places as the hierarchy has them (whole districts and parts), so the note
    /// says what an export of the place level shows blank.
    /// </summary>
    public static List<IndicatorRecord> KeepPlaces(IndicatorAccumulator accumulator, IndicatorReadContext context, bool hasDenominator,
        bool isScore, List<string> notes, IndicatorProblems? problems = null, string? areaColumn = null)
    {
        var districts = Keep(accumulator, context.Places, "district", hasDenominator, notes, problems, areaColumn, listMissing: false);
        var records = DistrictApportionment.Apportion(districts, accumulator.Bands, context, isScore, notes);
        var places = context.Places.Where(d => !context.SplitDistricts.ContainsKey(d))
            .Concat(context.SplitDistricts.Values.SelectMany(parts => parts.Select(p => p.Code)))
            .ToList();
        var found = new HashSet<string>(records.Select(r => r.Area), StringComparer.OrdinalIgnoreCase);
        var missing = places.Where(p => !found.Contains(p)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            notes.Add(IndicatorRowCounts.Invariant($"{missing.Count:N0} of the dataset's {places.Count:N0} places have no figure: {List(missing, Listed)}."));
        }

        return records;
    }

    /// <summary>
    /// Maps 2011 neighbourhoods to 2021 ones. A 2011 code's counts are shared among its 2021 partners in
    /// proportion to their population (a partner's population is divided equally among the 2011 codes it
    /// is made from; a partner with none gets nothing, unless none has any, then all get equal shares);
    /// merged codes' counts are summed. A score is carried to each partner and averaged where several meet,
    /// weighted by the same population shares (or by the file's denominator when it has one).
    /// </summary>
    public static List<IndicatorRecord> From2011(IndicatorAccumulator accumulator, Lsoa11Lookup lookup, IndicatorReadContext context,
        bool isScore, bool hasDenominator, List<string> notes, string? areaColumn = null, IDictionary<string, InputOrigin>? origins = null)
    {
        var mapped = new Dictionary<(string Area, int Period, int Band), Mapped>();
        var order = new List<((string Area, int Period, int Band) Key, Mapped Value)>();
        var byChange = new int[4];
        var codes11 = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var notInLookup = new List<string>();
        var notInLookupRows = 0;
        var outsideRows = 0;
        var partlyOutsideRows = 0;
        var outsideExamples = new List<string>();
        double numeratorRead = 0, numeratorOutside = 0;
        var shares = new List<(string Partner, double Weight, double Share)>();

        foreach (var slot in accumulator.Slots)
        {
            codes11.Add(slot.Area);
            if (lookup.Partners(slot.Area) is not { } partners)
            {
                notInLookupRows++;
                context.Problems?.Add(slot.Line, areaColumn, $"'{slot.Area}' is not a 2011 neighbourhood code of the LSOA 2011 to 2021 lookup");
                if (!notInLookup.Contains(slot.Area, StringComparer.OrdinalIgnoreCase))
                {
                    notInLookup.Add(slot.Area);
                }

                continue;
            }

            var change = lookup.Change(slot.Area);
            byChange[(int)change]++;
            numeratorRead += slot.Numerator;

            // Each partner's population, divided among the 2011 codes that make it.
            var total = lookup.Apportion(slot.Area, context.Population, shares);
            var inside = 0;
            for (var i = 0; i < partners.Count; i++)
            {
                var (partner, partnerWeight, share) = shares[i];
                if (!context.Neighbourhoods.Contains(partner))
                {
                    numeratorOutside += slot.Numerator * share;
                    if (outsideExamples.Count < Examples && !outsideExamples.Contains(partner, StringComparer.OrdinalIgnoreCase))
                    {
                        outsideExamples.Add(partner);
                    }

                    continue;
                }

                inside++;
                if (origins is not null)
                {
                    var origin = Origin(change);
                    origins[partner] = origins.TryGetValue(partner, out var before) && before > origin ? before : origin;
                }

                var key = (partner, slot.Period, slot.Band);
                if (!mapped.TryGetValue(key, out var m))
                {
                    m = new Mapped { Line = slot.Line };
                    mapped.Add(key, m);
                    order.Add((key, m));
                }

                if (isScore)
                {
                    var weight = hasDenominator ? slot.Denominator * share : (total > 0 ? partnerWeight : 1);
                    m.WeightedSum += slot.Numerator * weight;
                    m.Weight += weight;
                    m.Sum += slot.Numerator;
                    m.Count++;
                }
                else
                {
                    m.Sum += slot.Numerator * share;
                }

                m.Denominator += slot.Denominator * share;
            }

            if (inside == 0)
            {
                outsideRows++;
            }
            else if (inside < partners.Count)
            {
                partlyOutsideRows++;
            }
        }

        var records = new List<IndicatorRecord>(order.Count);
        var areas = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var ((area, period, band), m) in order)
        {
            areas.Add(area);
            var numerator = !isScore ? m.Sum : m.Weight > 0 ? m.WeightedSum / m.Weight : m.Sum / m.Count;
            records.Add(new IndicatorRecord(area, accumulator.PeriodAt(period),
                band, numerator, hasDenominator ? m.Denominator : null, m.Line));
        }

        var rows = accumulator.Slots.Count;
        notes.Add(IndicatorRowCounts.Invariant($"Mapped from 2011 to 2021 neighbourhoods through {lookup.Path}: {rows:N0} figures for {codes11.Count:N0} 2011 codes: ")
            + IndicatorRowCounts.Invariant($"{byChange[(int)Lsoa11Change.Unchanged]:N0} unchanged, {byChange[(int)Lsoa11Change.Split]:N0} split, ")
            + IndicatorRowCounts.Invariant($"{byChange[(int)Lsoa11Change.Merged]:N0} merged, {byChange[(int)Lsoa11Change.Complex]:N0} complex, {notInLookupRows:N0} not in the lookup."));
        notes.Add(isScore
            ? "Split 2011 neighbourhoods pass their score to each 2021 part; where several meet, the score is their mean weighted by population shares."
            : "Counts of split (and complex) 2011 neighbourhoods are shared among the 2021 parts in proportion to their 2021 population, "
                + "so mapped counts need not be whole numbers; merged ones are summed.");
        if (notInLookupRows > 0)
        {
            notes.Add(IndicatorRowCounts.Invariant($"{notInLookupRows:N0} figures for {notInLookup.Count:N0} codes not in the lookup were skipped: {List(notInLookup, Listed)}."));
        }

        if (outsideRows + partlyOutsideRows > 0)
        {
            var amount = isScore ? "" : IndicatorRowCounts.Invariant($" ({numeratorOutside:N1} of the numerator's {numeratorRead:N1})");
            notes.Add(IndicatorRowCounts.Invariant($"{outsideRows:N0} figures mapped only, and {partlyOutsideRows:N0} partly, to 2021 neighbourhoods outside this dataset, ")
                + IndicatorRowCounts.Invariant($"e.g. {string.Join(", ", outsideExamples)}; those shares were skipped{amount}."));
        }

        notes.Add(IndicatorRowCounts.Invariant($"{records.Count:N0} records for {areas.Count:N0} of the dataset's {context.Neighbourhoods.Count:N0} neighbourhoods."));
        return records;
    }

    /// <summary>
    /// Attributes providers' proportions to neighbourhoods through the flow table (<see cref="ProviderAttribution"/>): each
    /// neighbourhood gets Σ proportion × patients living there as its estimated count and Σ patients as its denominator,
    /// period by period. Providers without flows, and the flow table's providers without a figure (left out of the
    /// denominators too), are counted and named in the notes; nothing is guessed for them.
    /// </summary>
    /// <exception cref="GeoDataException">A provider has two rows for a period whose codes differ only in case (the
    /// flow table matches codes ignoring case, so they are the same practice); names both lines.</exception>
    public static List<IndicatorRecord> FromProviders(IndicatorAccumulator accumulator, FlowSource flows, IndicatorReadContext context,
        string path, string areaColumn, List<string> notes, IDictionary<string, InputOrigin>? origins = null)
    {
        var records = new List<IndicatorRecord>();
        var areas = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var byPeriod = accumulator.Slots.GroupBy(s => s.Period).OrderBy(g => g.Key);
        var several = accumulator.Slots.Select(s => s.Period).Distinct().Skip(1).Any();
        foreach (var slots in byPeriod)
        {
            var period = accumulator.PeriodAt(slots.Key);
            var proportions = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            var lines = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            foreach (var slot in slots)
            {
                if (!proportions.TryAdd(slot.Area, slot.Numerator))
                {
                    throw new GeoDataException(path, slot.Line, areaColumn,
                        $"'{slot.Area}' has a second row for period '{period}': also at line {lines[slot.Area]}; each provider has one row per period");
                }

                lines[slot.Area] = slot.Line;
            }

            var result = ProviderAttribution.Attribute(flows.Flows, proportions);
            foreach (var n in result.Neighbourhoods)
            {
                areas.Add(n.Code);
                origins?.TryAdd(n.Code, InputOrigin.Attributed);
                records.Add(new IndicatorRecord(n.Code, period, -1, n.Numerator, n.Denominator, lines[n.First]));
            }

            var of = several ? $" ({period})" : "";
            var estimated = result.Providers.Sum(p => p.Numerator);
            var patients = result.Providers.Sum(p => p.Denominator);
            notes.Add(IndicatorRowCounts.Invariant($"Attributed{of} through the flow table {flows.File} ({flows.Counts}): {result.Providers.Count:N0} {flows.Providers} with a figure and patients, ")
                + IndicatorRowCounts.Invariant($"{patients:N1} patients living in the dataset's neighbourhoods, an estimated count of {estimated:N1} (each provider's proportion times its patients, ")
                + "shared out in proportion to where they live; estimates, not whole numbers).");
            if (result.WithoutFlows.Count > 0)
            {
                notes.Add(IndicatorRowCounts.Invariant($"{result.WithoutFlows.Count:N0} {flows.Providers}{of} with a figure have no patients in the flow table's neighbourhoods of this dataset, so nothing of theirs is attributed: ")
                    + $"{List(result.WithoutFlows, Listed)}.");
            }

            if (result.WithoutFigure.Count > 0)
            {
                var left = result.WithoutFigure.Sum(p => p.Value);
                notes.Add(IndicatorRowCounts.Invariant($"{result.WithoutFigure.Count:N0} {flows.Providers}{of} of the flow table have no figure in the file; their {left:N1} patients are left out of ")
                    + $"numerators and denominators alike: {List(result.WithoutFigure.Select(p => p.Key).ToList(), Listed)}.");
            }

            var zero = slots.Where(s => s.Numerator == 0).Select(s => s.Area).Order(StringComparer.Ordinal).ToList();
            if (zero.Count > 0)
            {
                notes.Add(IndicatorRowCounts.Invariant($"{zero.Count:N0} {flows.Providers}{of} have a proportion of 0, attributed as published: {List(zero, Listed)}."));
            }
        }

        notes.Add(IndicatorRowCounts.Invariant($"{records.Count:N0} records for {areas.Count:N0} of the dataset's {context.Neighbourhoods.Count:N0} neighbourhoods."));
        if (areas.Count < context.Neighbourhoods.Count)
        {
            var missing = context.Neighbourhoods.Where(c => !areas.Contains(c)).Order(StringComparer.Ordinal).ToList();
            notes.Add(IndicatorRowCounts.Invariant($"{missing.Count:N0} of the dataset's neighbourhoods have no patient of a provider with a figure: {List(missing, Listed)}."));
        }

        return records;
    }

    private static InputOrigin Origin(Lsoa11Change change) => change switch
    {
        Lsoa11Change.Unchanged => InputOrigin.Lsoa2011Unchanged,
        Lsoa11Change.Split => InputOrigin.Lsoa2011Split,
        Lsoa11Change.Merged => InputOrigin.Lsoa2011Merged,
        _ => InputOrigin.Lsoa2011Complex,
    };

    private static string List(IReadOnlyList<string> codes, int max) =>
        codes.Count <= max ? string.Join(", ", codes) : string.Join(", ", codes.Take(max)) + IndicatorRowCounts.Invariant($" and {codes.Count - max:N0} more");

    /// <summary>A 2021 neighbourhood's figure for one period and band while 2011 figures are mapped onto it.</summary>
    private sealed class Mapped
    {
        public long Line { get; set; }

        public double Sum { get; set; }

        public double WeightedSum { get; set; }

        public double Weight { get; set; }

        public int Count { get; set; }

        public double Denominator { get; set; }
    }
}
