using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Apis;

namespace Geo.Api.Tests.Apis;

public class DatasetApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task GetDataset_OnDemo_CountsLevelsAndListsTheIndicator()
    {
        var dataset = await factory.CreateClient().GetFromJsonAsync<DatasetDto>("/api/dataset", Json);
        var expected = DemoData.Dataset(factory);

        Assert.True(dataset!.Synthetic);
        Assert.Equal(expected.Name, dataset.Name);
        Assert.Equal(expected.BoundaryVintage, dataset.Vintage);
        Assert.Equal(["country", "system", "icp", "place", "neighbourhood"], dataset.Levels.Select(l => l.Level));
        Assert.Equal(3, dataset.Levels.Single(l => l.Level == "system").Count);
        Assert.Equal(expected.Geography.Count, dataset.Levels.Sum(l => l.Count));
        var indicator = Assert.Single(dataset.Indicators);
        Assert.Equal(DemoData.Indicator, indicator.Id);
        Assert.Equal("dsr", indicator.ValueType);
        Assert.Equal(indicator.Periods[^1], indicator.LatestPeriod);
        Assert.Contains("1 to 7", dataset.SuppressionRule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListIndicators_OnDemo_GivesPeriodsOfTheEngine()
    {
        var indicators = await factory.CreateClient().GetFromJsonAsync<IndicatorDto[]>("/api/indicators", Json);

        var indicator = Assert.Single(indicators!);
        Assert.Equal(DemoData.Dataset(factory).Indicator(DemoData.Indicator, pool: 1).Periods, indicator.Periods);
        Assert.Equal("higher-is-worse", indicator.Polarity);
        Assert.Equal(100_000, indicator.Multiplier);
    }
}
