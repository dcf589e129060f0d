using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Reports;
using Geo.Core.Sources;
using Geo.Core.Statistics;

namespace Geo.Core.Tests.Indicators;

/// <summary>
/// Country C → systems S1 (places D1 = N1+N2, D2 = N3) and S2 (place D3 = N4+N5), one ICP each.
/// </summary>
internal static class TinyGeography
{
    public static readonly string[] Neighbourhoods = ["N1", "N2", "N3", "N4", "N5"];

    public static Core.Geography.Geography Build()
    {
        (string N, string Place, string System)[] lookup =
            [("N1", "D1", "S1"), ("N2", "D1", "S1"), ("N3", "D2", "S1"), ("N4", "D3", "S2"), ("N5", "D3", "S2")];
        var source = new DatasetSource
        {
            Name = "tiny",
            BoundaryVintage = "none",
            CountryCode = "C",
            CountryName = "Country",
            Boundaries = [],
            BoundaryFile = "none",
            Hierarchy = lookup.Select((r, i) => new HierarchyRecord(r.N, r.N, r.Place, r.Place, r.System, r.System, i + 2)).ToArray(),
            HierarchyFile = "lookup.csv",
        };
        return HierarchyBuilder.Build(source, new DatasetReport());
    }

    public static IndicatorSource Source(IndicatorValueType type, double multiplier, IEnumerable<IndicatorRecord> records,
        IReadOnlyList<AgeBand>? bands = null, Level level = Level.Neighbourhood, Polarity polarity = Polarity.HigherIsWorse)
    {
        var list = records.ToArray();
        return new IndicatorSource
        {
            Definition = new IndicatorDefinition("test", "Test", type, multiplier, polarity, "unit", "hand-made"),
            Periods = list.Select(r => r.Period).Distinct().Order(StringComparer.Ordinal).ToArray(),
            Bands = bands ?? [],
            DataLevel = level,
            Records = list,
            File = "test.csv",
        };
    }

    /// <summary>All-ages records of one period: (area, numerator).</summary>
    public static IEnumerable<IndicatorRecord> Counts(params (string Area, double Count)[] counts) =>
        counts.Select((c, i) => new IndicatorRecord(c.Area, "2024", -1, c.Count, null, i + 2));

    /// <summary>Population in one all-ages band ("0+").</summary>
    public static IReadOnlyDictionary<string, double[]> Population(params (string Area, double People)[] people) =>
        people.ToDictionary(p => p.Area, p => new[] { p.People });

    public static readonly IReadOnlyList<AgeBand> AllAges = [new AgeBand(0, null)];

    public static IndicatorEngine Engine(IndicatorSource source, IReadOnlyDictionary<string, double[]> population,
        IReadOnlyList<AgeBand>? populationBands = null, SuppressionPolicy? policy = null) =>
        new(Build(), source, populationBands ?? AllAges, population, policy ?? SuppressionPolicy.None);
}
