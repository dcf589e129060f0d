using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Core.Statistics;

namespace Geo.Demo;

/// <summary>
/// The embedded demo: a synthetic dataset that looks and behaves like real data, so the tool starts
/// with no arguments. About 2,400 fictional neighbourhoods (a clean polygon coverage in British National
/// Grid), 14 places (one cut between two systems), 3 systems (one with 3 area ICPs), population by ESP
/// 2013 age band, clustered deprivation, ten years of COPD emergency admissions and 40 GP practices with the
/// patients each registers from each neighbourhood (for catchments). Every name and
/// figure is made up and the dataset says so. The same seed gives the same bytes on every machine:
/// the generator uses its own random numbers and arithmetic only, on one thread. Thread-safe.
/// </summary>
public static class DemoDataset
{
    public const int DefaultSeed = 2021;

    public const string Name = "Synthetic demo (fictional places and figures)";

    public const string BoundaryVintage = "synthetic neighbourhoods";

    public const string CountryCode = "X92000001";

    public const string CountryName = "Demo country (synthetic)";

    public const string ManifestFileName = "demo.dataset.json";

    /// <summary>The long CSV of <see cref="DemoData.CopdAdmissions"/>, written beside the manifest.</summary>
    public const string CopdFileName = "copd_emergency_admissions.csv";

    /// <summary>The flow table of <see cref="DemoData.Registrations"/>, written beside the manifest.</summary>
    public const string RegistrationsFileName = "gp_registrations.csv";

    /// <summary>Places: one per town.</summary>
    private const int TownCount = 14;

    /// <summary>Neighbourhoods aimed at; the region's outline makes the count a little different.</summary>
    private const int NeighbourhoodTarget = 2_400;

    private const int MaxAttempts = 20;

    /// <summary>The demo's one indicator.</summary>
    public static DemoIndicator Copd { get; } = new(
        "copd-emergency-admissions",
        "Emergency hospital admissions for COPD (synthetic)",
        "Emergency admissions with a primary diagnosis of chronic obstructive pulmonary disease, by "
            + "neighbourhood, financial year and five-year age band. Synthetic: made up for the demo.",
        "Emergency admissions for COPD",
        "Resident population",
        DemoAdmissions.Periods);

    /// <summary>
    /// The demo's admissions are published in rolling pools of five years, as Fingertips publishes small-area
    /// admissions: single years leave most neighbourhoods under the suppression threshold (51 of 2,400 shown in
    /// 2023/24), five-year pools show most of them (about 1,950), so the drill ends in neighbourhood values and hot
    /// spots. One windowing only: single years beside pools would give hidden years away by differences.
    /// </summary>
    public const int CopdPool = 5;

    /// <summary>The demo's indicator as the indicator engine sees it: a directly age-standardised rate per
    /// 100,000 on the 2013 European Standard Population, the dataset's population as denominator.</summary>
    public static IndicatorDefinition CopdDefinition { get; } = new(
        Copd.Id,
        Copd.Name,
        IndicatorValueType.DirectlyStandardisedRate,
        100_000,
        Polarity.HigherIsWorse,
        "per 100,000 population, directly age-standardised (2013 European Standard Population)",
        "Synthetic: made up by Geo's demo generator; no real people or places");

    /// <summary>Makes the demo for <paramref name="seed"/>: the same seed gives the same data, everywhere.
    /// Takes about a tenth of a second once the code is warm, a few tenths cold.</summary>
    public static DemoData Generate(int seed = DefaultSeed)
    {
        DemoTerrain terrain;
        DemoTessellation cells;
        DemoGeography? geography = null;
        var attempt = 0;
        do
        {
            // Rarely, a land fails the demo's promises (a town squeezed out by its neighbours); draw
            // another from the same seed.
            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"No demo land for seed {seed} met the requirements in {MaxAttempts} attempts.");
            }

            terrain = new DemoTerrain(seed, attempt++, TownCount);
            cells = DemoTessellation.Build(terrain, NeighbourhoodTarget);
            geography = DemoGeography.Build(terrain, cells, seed);
        }
        while (geography is null);

        var deprivation = DemoPeople.Deprivation(terrain, cells, seed);
        var population = DemoPeople.Population(terrain, cells, deprivation, seed);
        var admissions = DemoAdmissions.Generate(population, deprivation, geography.CellDistrict, geography.DistrictCode.Length, seed);
        var registrations = DemoPractices.Generate(terrain, cells, population, geography, seed);

        var order = geography.Order;
        var boundaries = new NeighbourhoodBoundary[order.Length];
        var hierarchy = new HierarchyRecord[order.Length];
        var people = new PopulationRecord[order.Length];
        var deprived = new DeprivationRecord[order.Length];
        var copd = new List<DemoIndicatorRecord>(order.Length * Copd.Periods.Count * AgeBand.Esp2013.Count);
        var copdRecords = new List<IndicatorRecord>(copd.Capacity);
        for (var i = 0; i < order.Length; i++)
        {
            var c = order[i];
            var code = geography.CellCode[c];
            var district = geography.CellDistrict[c];
            var system = geography.CellSystem[c];

            // Lines as in the files WriteFiles writes: a header, then a row per neighbourhood.
            var line = i + 2L;
            boundaries[i] = new NeighbourhoodBoundary(code, geography.CellName[c], cells.Cells[c], i + 1);
            hierarchy[i] = new HierarchyRecord(code, geography.CellName[c], geography.DistrictCode[district],
                geography.DistrictName[district], geography.SystemCode[system], geography.SystemName[system], line);
            people[i] = new PopulationRecord(code, population[c].Select(p => (double)p).ToArray(), line);
            deprived[i] = new DeprivationRecord(code, deprivation[c].Decile, deprivation[c].Score, line);
            for (var p = 0; p < Copd.Periods.Count; p++)
            {
                for (var b = 0; b < AgeBand.Esp2013.Count; b++)
                {
                    // Lines as in the COPD file: a header, then a row per neighbourhood, period and band.
                    copdRecords.Add(new IndicatorRecord(code, Copd.Periods[p], b, admissions[c][p][b], null, copd.Count + 2L));
                    copd.Add(new DemoIndicatorRecord(code, Copd.Periods[p], AgeBand.Esp2013[b], admissions[c][p][b]));
                }
            }
        }

        var icps = geography.IcpRows.Select((r, i) => new IcpRecord(
            geography.SystemCode[r.System], r.Code, r.Name, geography.DistrictCode[r.District], i + 2L)).ToArray();

        var source = new DatasetSource
        {
            Name = Name,
            Synthetic = true,
            BoundaryVintage = BoundaryVintage,
            CountryCode = CountryCode,
            CountryName = CountryName,
            Boundaries = boundaries,
            BoundaryFile = "demo:boundaries",
            Hierarchy = hierarchy,
            HierarchyFile = "demo:lookup",
            Icps = icps,
            IcpFile = "demo:icps",
            AgeBands = AgeBand.Esp2013,
            Population = people,
            PopulationFile = "demo:population",
            Deprivation = deprived,
            DeprivationFile = "demo:deprivation",
            Indicators =
            [
                new IndicatorSource
                {
                    Definition = CopdDefinition,
                    Periods = Copd.Periods,
                    Bands = AgeBand.Esp2013,
                    Records = copdRecords,
                    File = "demo:" + Copd.Id,
                    PublicationPool = CopdPool,
                    ImportNotes = ["Synthetic: generated by the demo, not read from a file."],
                },
            ],
            Flows = DemoPractices.Source(registrations),
        };

        return new DemoData { Seed = seed, Source = source, Copd = Copd, CopdAdmissions = copd, Registrations = registrations };
    }

    /// <summary>
    /// Writes the demo as the files people have (GeoJSON boundaries in EPSG:27700, lookup, ICP,
    /// population, deprivation and COPD CSVs, a README) and a dataset manifest the importers read.
    /// Creates <paramref name="directory"/> if needed and overwrites the files. UTF-8 without a byte
    /// order mark, LF line endings, invariant culture. Returns the manifest's path.
    /// </summary>
    public static string WriteFiles(DemoData data, string directory)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return DemoFiles.Write(data, directory);
    }
}
