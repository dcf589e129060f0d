using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Query;

namespace Geo.Api.Tests.Queries;

/// <summary>Rolling pooled periods through <see cref="DatasetQueries"/>: sums worked here by hand.</summary>
public class PoolingQueryTests
{
    // N1 has 2, 3, 4, 5, 6, 7, 8 events in 1,000 person-years each year: small every year but the last.
    private static DatasetQueries Queries(int pool = 1) => TrendFixture.Queries(IndicatorValueType.CrudeRate, 100_000,
        new[] { 2.0, 3, 4, 5, 6, 7, 8 }.Select((c, p) => ("N1", p, c, 1000.0))
            .Concat(TrendFixture.Flat(50, 1000, "N2", "N3", "N4", "N5")), pool);

    [Fact]
    public void Indicator_PoolOfThree_SumsCountsAndDenominatorsAndLabelsThePool()
    {
        var pooled = Queries(pool: 3).AreaRow("test", null, "N1", 3);

        // 2021/22 pooled with the two years before: 6 + 7 + 8 = 21 events in 3,000 person-years, shown.
        Assert.Equal("2019/20 - 2021/22", pooled.Area.Period);
        Assert.Equal(21, pooled.Area.Count);
        Assert.Equal(3000, pooled.Area.Denominator);
        Assert.Equal(21 / 3000.0 * 100_000, pooled.Area.Value!.Value, 9);
        Assert.Equal(SuppressionReason.None, pooled.Area.Suppression);
    }

    [Fact]
    public void Indicator_PoolOfFive_RevealsWhatSingleYearsHide()
    {
        // 2017/18 alone: 4 events, hidden. Pooled over five years to 2019/20: 2 + 3 + 4 + 5 + 6 = 20, shown.
        Assert.Equal(SuppressionReason.Primary, Queries().AreaRow("test", "2017/18", "N1").Area.Suppression);
        var queries = Queries(pool: 5);
        var pooled = queries.AreaRow("test", "2019/20", "N1").Area;
        Assert.Equal("2015/16 - 2019/20", pooled.Period);
        Assert.Equal(20, pooled.Count);
        Assert.Equal(5000, pooled.Denominator);
        // The place D1 = N1 + N2 in the same pool: 20 + 5 × 50 events.
        Assert.Equal(270, queries.AreaRow("test", "2015/16 - 2019/20", "D1", 5).Area.Count);
    }

    [Fact]
    public void Indicator_OnePublicationPool_RefusesEveryOtherWindowing()
    {
        // Shown together, a pool of 3 less its other two years (if shown) gives the third away, and rolling pools of 3
        // beside pools of 5 give every year by differences: so an indicator is published in one windowing only.
        var single = Assert.Throws<QueryException>(() => Queries().AreaRow("test", null, "N1", 3));
        Assert.Equal("pool", single.Parameter);
        Assert.Equal("Indicator 'test' is published by single periods only, not in pools of 3: the same counts shown in two "
            + "windowings could be subtracted to recover a suppressed count (docs/methods.md, \"Pooled periods and suppression\").",
            single.Message);
        var pooled = Assert.Throws<QueryException>(() => Queries(pool: 3).AreaRow("test", "2021/22", "N1", 1));
        Assert.StartsWith("Indicator 'test' is published in rolling pools of 3 periods only, not by single periods", pooled.Message,
            StringComparison.Ordinal);
        Assert.Throws<QueryException>(() => Queries(pool: 3).AreaRow("test", null, "N1", 5));
        // without a pool, the published one
        Assert.Equal("2019/20 - 2021/22", Queries(pool: 3).AreaRow("test", null, "N1").Area.Period);
    }

    [Fact]
    public void Indicator_PoolWords_RefuseOtherSizesAndPeriodsOutsideThePools()
    {
        var queries = Queries(pool: 3);

        Assert.Equal("The pool must be 1, 3 or 5 periods, not 4.", Assert.Throws<QueryException>(() => queries.AreaRow("test", null, "N1", 4)).Message);
        var early = Assert.Throws<QueryException>(() => queries.AreaRow("test", "2016/17", "N1", 3));
        Assert.Equal("period", early.Parameter);
        Assert.StartsWith("Indicator 'test' has no period '2016/17' in pools of 3; its periods are: 2015/16 - 2017/18, ", early.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Indicator_PopulationDenominators_CountOncePerPooledYear()
    {
        // Records without a denominator take the population (1,000 per neighbourhood): a pool of 3 is 3,000 person-years.
        var queries = TrendFixture.Queries(IndicatorValueType.CrudeRate, 100_000,
            TrendFixture.Flat(30, double.NaN, TrendFixture.Neighbourhoods));
        var dataset = queries.Dataset;
        var source = dataset.Indicators[0];
        var own = new Geo.Model.Dataset
        {
            Name = dataset.Name,
            Synthetic = true,
            BoundaryVintage = dataset.BoundaryVintage,
            Geography = dataset.Geography,
            Boundaries = dataset.Boundaries,
            AgeBands = dataset.AgeBands,
            Population = dataset.Population,
            Deprivation = dataset.Deprivation,
            Report = dataset.Report,
            Suppression = dataset.Suppression,
            Indicators = [new IndicatorSource
            {
                Definition = source.Definition, Periods = source.Periods, File = source.File,
                Records = [.. source.Records.Select(r => r with { Denominator = null })],
                PublicationPool = 3,
            }],
        };

        var row = new DatasetQueries(own).AreaRow("test", null, "D3", 3).Area;

        Assert.Equal(2 * 3 * 30, row.Count);
        Assert.Equal(2 * 3 * 1000, row.Denominator);
    }
}
