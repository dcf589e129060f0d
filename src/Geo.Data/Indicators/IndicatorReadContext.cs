using Geo.Core.Geography;
using Geo.Core.Sources;

namespace Geo.Data.Indicators;

/// <summary>
/// What <see cref="IndicatorReader"/> needs from the rest of the dataset to map an indicator's area codes:
/// the dataset's neighbourhood and place codes, the parts of districts split between systems, the 2021
/// population by neighbourhood (to apportion 2011 figures and district figures) and its age bands, plus where the entry came from for messages. Immutable; build one per
/// dataset with <see cref="ForDataset"/> and derive one per entry with <c>with</c>. Thread-safe.
/// </summary>
public sealed record IndicatorReadContext
{
    /// <summary>The manifest file, named by errors in the entry.</summary>
    public required string Manifest { get; init; }

    /// <summary>The entry's path in the manifest, e.g. <c>indicators[0]</c>; errors name fields under it.</summary>
    public string Entry { get; init; } = "indicators[0]";

    /// <summary>The resolved path of the entry's LSOA 2011 → 2021 lookup; needed for <c>neighbourhood-2011</c>.</summary>
    public string? Lsoa11LookupPath { get; init; }

    /// <summary>For <c>provider</c> data: the flow table the providers' figures are attributed through, on the dataset's
    /// 2021 neighbourhoods.</summary>
    public FlowSource? ProviderFlows { get; init; }

    /// <summary>The entry file's bytes when they are not on disk (an upload held in memory): opened instead of the
    /// path, which then only names the file in messages. Each call gives a new stream from the start.</summary>
    public Func<Stream>? Content { get; init; }

    /// <summary>When set, bad rows, unknown codes and missing columns are collected here and reading goes on, and the
    /// reader throws once at the end (nothing is loaded); when null, the first problem throws.</summary>
    public IndicatorProblems? Problems { get; init; }

    /// <summary>The dataset's neighbourhood (2021 LSOA) codes, compared ignoring case.</summary>
    public required IReadOnlySet<string> Neighbourhoods { get; init; }

    /// <summary>The dataset's place (district) codes, compared ignoring case.</summary>
    public required IReadOnlySet<string> Places { get; init; }

    /// <summary>The districts whose neighbourhoods fall in more than one system, each with its parts (one partial place per
    /// system, in code order), compared ignoring case. Empty when no district is split.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DistrictPart>> SplitDistricts { get; init; } =
        new Dictionary<string, IReadOnlyList<DistrictPart>>();

    /// <summary>Population by 2021 neighbourhood code and age band (<see cref="AgeBands"/>); empty when the dataset has no
    /// population file.</summary>
    public IReadOnlyDictionary<string, double[]> BandPopulation { get; init; } = new Dictionary<string, double[]>();

    /// <summary>Total population by 2021 neighbourhood code; may hold neighbourhoods outside the dataset
    /// (a population file for England and Wales). Empty when the dataset has no population file.</summary>
    public IReadOnlyDictionary<string, double> Population { get; init; } = new Dictionary<string, double>();

    /// <summary>The dataset population's age bands; empty when it has no population file.</summary>
    public IReadOnlyList<AgeBand> AgeBands { get; init; } = [];

    /// <summary>The context of a dataset read from <paramref name="manifest"/>: codes from its lookup,
    /// populations and bands from its population file.</summary>
    public static IndicatorReadContext ForDataset(
        string manifest,
        IEnumerable<HierarchyRecord> hierarchy,
        IReadOnlyList<AgeBand> ageBands,
        IEnumerable<PopulationRecord> population)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(population);
        var rows = hierarchy as IReadOnlyCollection<HierarchyRecord> ?? hierarchy.ToList();
        var neighbourhoods = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var places = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            neighbourhoods.Add(r.Neighbourhood);
            places.Add(r.PlaceCode);
        }

        var totals = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var byBand = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in population)
        {
            byBand[r.Neighbourhood] = r.Counts;
            var total = 0.0;
            foreach (var count in r.Counts)
            {
                total += count;
            }

            totals[r.Neighbourhood] = total;
        }

        return new IndicatorReadContext
        {
            Manifest = manifest,
            Neighbourhoods = neighbourhoods,
            Places = places,
            SplitDistricts = Split(rows),
            Population = totals,
            BandPopulation = byBand,
            AgeBands = ageBands,
        };
    }

    /// <summary>The districts of the lookup in more than one system, grouped as <see cref="HierarchyBuilder"/> groups them.</summary>
    private static Dictionary<string, IReadOnlyList<DistrictPart>> Split(IEnumerable<HierarchyRecord> hierarchy)
    {
        var split = new Dictionary<string, IReadOnlyList<DistrictPart>>(StringComparer.OrdinalIgnoreCase);
        foreach (var district in hierarchy.GroupBy(r => r.PlaceCode, StringComparer.OrdinalIgnoreCase))
        {
            var systems = district.GroupBy(r => r.SystemCode, StringComparer.OrdinalIgnoreCase).ToList();
            if (systems.Count > 1)
            {
                split[district.Key] = systems
                    .Select(s => new DistrictPart(HierarchyBuilder.PartialPlaceCode(district.Key, s.Key), s.Key, s.Select(r => r.Neighbourhood).ToArray()))
                    .OrderBy(p => p.Code, StringComparer.Ordinal)
                    .ToArray();
            }
        }

        return split;
    }
}
