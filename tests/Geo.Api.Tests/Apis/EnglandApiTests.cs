using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Tests.Answers;
using Geo.Api.Hosting;
using Geo.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Apis;

public class EnglandApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [EnglandFact]
    public async Task GetChildren_NorthEastAndNorthCumbria_AreTheFourIcpsAsPublished()
    {
        using var england = factory.WithWebHostBuilder(b => b
            .UseSetting("Geo:Dataset", Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json"))
            .UseSetting("Geo:DataRoot", SharedData.EnglandDirectory));
        var dataset = england.Services.GetRequiredService<DatasetHost>().Dataset;
        var engine = dataset.Indicator("income-deprivation");
        var view = engine.Publish(engine.LatestPeriod);

        var answer = await england.CreateClient().GetFromJsonAsync<RowsAnswer>(
            "/api/indicators/income-deprivation/areas/E54000050/children", Json);

        Assert.Equal(4, answer!.Rows.Count);
        Assert.Equal(view.Children("E54000050").Select(r => RowAnswer.Of(r, view.Definition.Polarity)), answer.Rows);
        Assert.False(answer.Metadata.Synthetic);
    }
}
