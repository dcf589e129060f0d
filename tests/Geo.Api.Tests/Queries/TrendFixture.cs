using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Reports;
using Geo.Core.Sources;
using Geo.Core.Statistics;
using Geo.Model;
using Geo.Query;

namespace Geo.Api.Tests.Queries;

/// <summary>
/// A hand-made dataset for trends: country C → systems S1 (places D1 = N1 + N2, D2 = N3) and S2 (D3 = N4 + N5), one
/// indicator with its own denominators over the years 2015/16 to 2021/22, suppression 1-7.
/// </summary>
internal static class TrendFixture
{
    public static readonly string[] Periods = ["2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22"];

    public static readonly string[] Neighbourhoods = ["N1", "N2", "N3", "N4", "N5"];

    /// <summary>The queries on a dataset whose records are (area, period index, count, denominator).</summary>
    public static DatasetQueries Queries(IndicatorValueType type, double multiplier, IEnumerable<(string Area, int Period, double Count, double Denominator)> records)
    {
        (string N, string Place, string System)[] lookup =
            [("N1", "D1", "S1"), ("N2", "D1", "S1"), ("N3", "D2", "S1"), ("N4", "D3", "S2"), ("N5", "D3", "S2")];
        var source = new DatasetSource
        {
            Name = "trend fixture",
            BoundaryVintage = "none",
            CountryCode = "C",
            CountryName = "Country",
            Boundaries = [],
            BoundaryFile = "none",
            Hierarchy = lookup.Select((r, i) => new HierarchyRecord(r.N, r.N, r.Place, r.Place, r.System, r.System, i + 2)).ToArray(),
            HierarchyFile = "lookup.csv",
        };
        var report = new DatasetReport();
        var geography = HierarchyBuilder.Build(source, report);
        var indicator = new IndicatorSource
        {
            Definition = new IndicatorDefinition("test", "Test", type, multiplier, Polarity.HigherIsWorse, "unit", "hand-made"),
            Periods = Periods,
            Records = records.Select((r, i) => new IndicatorRecord(r.Area, Periods[r.Period], -1, r.Count, r.Denominator, i + 2)).ToArray(),
            File = "test.csv",
        };
        var dataset = new Dataset
        {
            Name = "trend fixture",
            Synthetic = true,
            BoundaryVintage = "none",
            Geography = geography,
            Boundaries = new Dictionary<string, NetTopologySuite.Geometries.Geometry>(),
            AgeBands = [new AgeBand(0, null)],
            Population = Neighbourhoods.ToDictionary(n => n, _ => new[] { 1000.0 }),
            Deprivation = new Dictionary<string, DeprivationRecord>(),
            Report = report,
            Indicators = [indicator],
            Suppression = SuppressionPolicy.Default,
        };
        return new DatasetQueries(dataset);
    }

    /// <summary>Every neighbourhood with <paramref name="count"/> of <paramref name="denominator"/> in every period.</summary>
    public static IEnumerable<(string, int, double, double)> Flat(double count, double denominator, params string[] areas) =>
        areas.SelectMany(a => Periods.Select((_, p) => (a, p, count, denominator)));
}
