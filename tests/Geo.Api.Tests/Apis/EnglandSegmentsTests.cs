using System.Globalization;
using Geo.Tests;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// Segments on England, where indicators come at two levels: a place-level indicator has no neighbourhood values (a reason
/// naming indicators), and Middlesbrough's 90 neighbourhoods on IMD, income deprivation and acute morbidity are clustered
/// with their profiles matching a second computation from the CSV.
/// </summary>
[Collection(EnglandCollection.Name)]
public class EnglandSegmentsTests(EnglandApiFactory england)
{
    [EnglandFact]
    public async Task Segments_PlaceLevelIndicator_ReasonNamingIndicators()
    {
        var answer = await england.Json("/api/areas/E06000002/segments?indicators=imd-score,copd-prevalence-qof-2019-20");

        Assert.Equal("indicators: 'copd-prevalence-qof-2019-20' is published by place, so neighbourhoods have no values of their own to "
            + "cluster on; leave it out.", answer.GetProperty("reason").GetString());
        Assert.Empty(answer.GetProperty("areas").EnumerateArray());
    }

    [EnglandFact]
    public async Task Segments_MiddlesbroughOnThreeDeprivationIndicators_ProfilesMatchTheCsv()
    {
        const string Query = "indicators=imd-score,income-deprivation,acute-morbidity&k=3";
        var answer = await england.Json($"/api/areas/E06000002/segments?{Query}");
        var csv = await england.Factory.CreateClient().GetStringAsync($"/api/areas/E06000002/segments.csv?{Query}");

        var rows = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(90, answer.GetProperty("neighbourhoods").GetInt32());
        Assert.Equal(answer.GetProperty("clustered").GetInt32(), rows.Length);
        foreach (var cluster in answer.GetProperty("clusters").EnumerateArray())
        {
            var number = cluster.GetProperty("cluster").GetInt32().ToString(CultureInfo.InvariantCulture);
            var imd = rows.Where(r => r[2] == number).Select(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(imd.Length, cluster.GetProperty("size").GetInt32());
            Assert.Equal(imd.Average(), cluster.GetProperty("profile")[0].GetProperty("mean").GetDouble(), 1e-6);
            Assert.Equal(imd.Min(), cluster.GetProperty("profile")[0].GetProperty("min").GetDouble());
        }

        // deprivation separates: the clusters' mean IMD scores are far apart
        var means = answer.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("profile")[0].GetProperty("mean").GetDouble()).Order().ToArray();
        Assert.True(means[^1] - means[0] > 20, string.Join(", ", means));
    }
}
