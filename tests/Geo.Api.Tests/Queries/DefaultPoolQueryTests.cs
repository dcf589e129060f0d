using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Apis;
using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Query;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Queries;

/// <summary>
/// The pool a first look uses (<see cref="DatasetQueries.DefaultPool"/>): the smallest of 1, 3 and 5 periods with which at
/// least half of the neighbourhoods with data get a published value. Counts worked by hand on the trend fixture, and the
/// demo's figures as documented (README: 51, 1,139 and 1,950 of its 2,400 neighbourhoods).
/// </summary>
public class DefaultPoolQueryTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void DefaultPool_EveryNeighbourhoodShownInSingleYears_IsOne()
    {
        var queries = TrendFixture.Queries(IndicatorValueType.CrudeRate, 100_000, TrendFixture.Flat(50, 1000, TrendFixture.Neighbourhoods));

        var chosen = queries.DefaultPool("test");

        Assert.Equal(1, chosen.Pool);
        Assert.Equal(Level.Neighbourhood, chosen.Level);
        Assert.Equal([new PoolCoverage(1, "2021/22", 5, 5)], chosen.Tried);
    }

    [Fact]
    public void DefaultPool_ThreeOfFiveHiddenInSingleYears_PoolsThree()
    {
        // N1, N2, N3: 3 events a year, hidden alone (1-7); 9 over three years, shown. N4, N5: 50 a year.
        var queries = TrendFixture.Queries(IndicatorValueType.CrudeRate, 100_000,
            TrendFixture.Flat(3, 1000, "N1", "N2", "N3").Concat(TrendFixture.Flat(50, 1000, "N4", "N5")));

        var chosen = queries.DefaultPool("test");

        Assert.Equal(3, chosen.Pool);
        Assert.Equal([new PoolCoverage(1, "2021/22", 2, 5), new PoolCoverage(3, "2019/20 - 2021/22", 5, 5)], chosen.Tried);
    }

    [Fact]
    public void DefaultPool_NoPoolShowsAnything_StaysWithSingleYears()
    {
        // 1 event a year everywhere: 5 over five years, still hidden (1-7), so no pool shows a neighbourhood.
        var queries = TrendFixture.Queries(IndicatorValueType.CrudeRate, 100_000, TrendFixture.Flat(1, 1000, TrendFixture.Neighbourhoods));

        var chosen = queries.DefaultPool("test");

        Assert.Equal(1, chosen.Pool);
        Assert.Equal(
            [new PoolCoverage(1, "2021/22", 0, 5), new PoolCoverage(3, "2019/20 - 2021/22", 0, 5), new PoolCoverage(5, "2017/18 - 2021/22", 0, 5)],
            chosen.Tried);
    }

    [Fact]
    public void DefaultPool_Score_IsOneWhateverItShows()
    {
        var queries = TrendFixture.Queries(IndicatorValueType.Score, 1, TrendFixture.Flat(3, 1, TrendFixture.Neighbourhoods));

        var chosen = queries.DefaultPool("test");

        Assert.Equal(1, chosen.Pool);
        Assert.Empty(chosen.Tried);
    }

    [Fact]
    public void DefaultPool_UnknownIndicator_IsNotFound()
    {
        var queries = TrendFixture.Queries(IndicatorValueType.CrudeRate, 100_000, TrendFixture.Flat(50, 1000, TrendFixture.Neighbourhoods));

        Assert.Equal(QueryFault.NotFound, Assert.Throws<QueryException>(() => queries.DefaultPool("nope")).Fault);
    }

    [Fact]
    public void DefaultPool_Demo_IsFiveYears_AsItsDocumentedCountsSay()
    {
        var chosen = factory.Services.GetRequiredService<DatasetHost>().Queries.DefaultPool(DemoData.Indicator);

        Assert.Equal(5, chosen.Pool);
        Assert.Equal(
            [new PoolCoverage(1, "2023/24", 51, 2400), new PoolCoverage(3, "2021/22 - 2023/24", 1139, 2400), new PoolCoverage(5, "2019/20 - 2023/24", 1950, 2400)],
            chosen.Tried);
    }

    [Fact]
    public async Task IndicatorLists_OnDemo_CarryTheDefaultPool_WhileRequestsWithoutPoolStaySingleYears()
    {
        var client = factory.CreateClient();
        var listed = await client.GetFromJsonAsync<IndicatorDto[]>("/api/indicators", Json);
        var dataset = await client.GetFromJsonAsync<DatasetDto>("/api/dataset", Json);

        Assert.Equal(5, Assert.Single(listed!).DefaultPool);
        Assert.Equal(5, Assert.Single(dataset!.Indicators).DefaultPool);
        using var row = JsonDocument.Parse(await client.GetStringAsync($"/api/indicators/{DemoData.Indicator}/areas/X92000001"));
        Assert.Equal("2023/24", row.RootElement.GetProperty("row").GetProperty("period").GetString());
    }
}
