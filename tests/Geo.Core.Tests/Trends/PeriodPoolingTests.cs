using Geo.Core.Trends;

namespace Geo.Core.Tests.Trends;

public class PeriodPoolingTests
{
    private static readonly PeriodCounts[] FiveYears =
    [
        new("2019/20", 4, 1_000),
        new("2020/21", 6, 1_010),
        new("2021/22", 3, 1_020),
        new("2022/23", 9, 1_030),
        new("2023/24", 5, 1_040),
    ];

    [Fact]
    public void Rolling_ThreeOfFiveYears_GivesThreePoolsLabelledFirstToLast()
    {
        var pools = PeriodPooling.Rolling(FiveYears, 3);

        Assert.Equal(["2019/20 - 2021/22", "2020/21 - 2022/23", "2021/22 - 2023/24"], pools.Select(p => p.Label));
        Assert.Equal(["2020/21", "2021/22", "2022/23"], pools[1].Periods);
        Assert.Equal("2020/21", pools[1].FirstPeriod);
        Assert.Equal("2022/23", pools[1].LastPeriod);
    }

    [Fact]
    public void Rolling_SumsCountsAndDenominators()
    {
        var pools = PeriodPooling.Rolling(FiveYears, 3);

        // 4 + 6 + 3 = 13 over 1,000 + 1,010 + 1,020 = 3,030; 6 + 3 + 9 = 18 over 3,060; 3 + 9 + 5 = 17 over 3,090
        Assert.Equal([13.0, 18.0, 17.0], pools.Select(p => p.Count));
        Assert.Equal([3_030.0, 3_060.0, 3_090.0], pools.Select(p => p.Denominator));
        Assert.All(pools, p => Assert.Null(p.BandCounts));
    }

    [Fact]
    public void Rolling_AllFiveYears_GivesOnePoolOfEverything()
    {
        var pool = Assert.Single(PeriodPooling.Rolling(FiveYears, 5));

        Assert.Equal("2019/20 - 2023/24", pool.Label);
        Assert.Equal(27, pool.Count); // 4 + 6 + 3 + 9 + 5
        Assert.Equal(5_100, pool.Denominator);
    }

    [Fact]
    public void Rolling_PoolOfOne_IsLabelledWithThePeriodItself()
    {
        var pools = PeriodPooling.Rolling(FiveYears, 1);

        Assert.Equal(FiveYears.Select(p => p.Period), pools.Select(p => p.Label));
        Assert.Equal(FiveYears.Select(p => p.Count), pools.Select(p => p.Count));
    }

    [Fact]
    public void Rolling_FewerPeriodsThanThePool_GivesNoPools() =>
        Assert.Empty(PeriodPooling.Rolling(FiveYears[..2], 3));

    [Fact]
    public void Rolling_AgeBands_AreSummedBandByBand()
    {
        PeriodCounts[] years =
        [
            new("2021", 3, 300, [1, 2], [100, 200]),
            new("2022", 5, 310, [2, 3], [105, 205]),
            new("2023", 4, 320, [0, 4], [110, 210]),
        ];

        var pool = Assert.Single(PeriodPooling.Rolling(years, 3));

        Assert.Equal("2021 - 2023", pool.Label);
        Assert.Equal([3.0, 9.0], pool.BandCounts!);          // 1+2+0, 2+3+4
        Assert.Equal([315.0, 615.0], pool.BandDenominators!); // 100+105+110, 200+205+210
    }

    [Fact]
    public void Rolling_InputIsNotChanged()
    {
        PeriodCounts[] years = [new("2021", 1, 10, [1], [10]), new("2022", 2, 20, [2], [20])];

        PeriodPooling.Rolling(years, 2);

        Assert.Equal([1.0], years[0].BandCounts!);
        Assert.Equal([10.0], years[0].BandDenominators!);
    }

    [Fact]
    public void Rolling_PoolSizeBelowOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodPooling.Rolling(FiveYears, 0));

    [Fact]
    public void Rolling_RepeatedPeriod_IsRejected() =>
        Assert.Throws<ArgumentException>(() => PeriodPooling.Rolling([new("2021", 1, 10), new("2021", 2, 10)], 2));

    [Fact]
    public void Rolling_NegativeOrMissingCount_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => PeriodPooling.Rolling([new("2021", -1, 10)], 1));
        Assert.Throws<ArgumentException>(() => PeriodPooling.Rolling([new("2021", 1, double.NaN)], 1));
    }

    [Fact]
    public void Rolling_BandsOnSomePeriodsOnly_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => PeriodPooling.Rolling([new("2021", 1, 10, [1], [10]), new("2022", 1, 10)], 2));
        Assert.Throws<ArgumentException>(() => PeriodPooling.Rolling([new("2021", 1, 10, [1], [10]), new("2022", 1, 10, [1, 0], [5, 5])], 2));
        Assert.Throws<ArgumentException>(() => PeriodPooling.Rolling([new("2021", 1, 10, [1], null)], 1));
    }
}
