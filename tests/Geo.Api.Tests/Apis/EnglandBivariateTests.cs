using System.Text.Json;
using Geo.Tests;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// The bivariate endpoint on England, where indicators come at two levels: a place-level indicator has no values across a
/// place's neighbourhoods (a reason naming the parameter), and across the systems both do (ρ checked by a second computation).
/// </summary>
[Collection(EnglandCollection.Name)]
public class EnglandBivariateTests(EnglandApiFactory england)
{
    private static double[] NaiveRanks(double[] v) =>
        [.. v.Select(a => 1 + v.Count(b => b < a) + ((v.Count(b => b == a) - 1) / 2.0))];

    private static double RankCorrelation(JsonElement answer)
    {
        var pairs = answer.GetProperty("pairs").EnumerateArray().ToArray();
        var rx = NaiveRanks([.. pairs.Select(p => p.GetProperty("x").GetDouble())]);
        var ry = NaiveRanks([.. pairs.Select(p => p.GetProperty("y").GetDouble())]);
        double mx = rx.Average(), my = ry.Average();
        return rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum() / Math.Sqrt(rx.Sum(a => (a - mx) * (a - mx)) * ry.Sum(b => (b - my) * (b - my)));
    }

    [EnglandFact]
    public async Task Bivariate_PlaceLevelIndicatorAcrossAPlacesNeighbourhoods_ReasonNamingWith()
    {
        var answer = await england.Json("/api/indicators/imd-score/areas/E06000002/bivariate?with=copd-prevalence-qof-2019-20");

        Assert.Equal("with: indicator 'copd-prevalence-qof-2019-20' is published by place, so the neighbourhoods of E06000002 have no "
            + "values of their own; choose an area above the places.", answer.GetProperty("reason").GetString());
        Assert.Empty(answer.GetProperty("pairs").EnumerateArray());
    }

    [EnglandFact]
    public async Task Bivariate_IncomeDeprivationAndImdAcrossMiddlesbroughsNeighbourhoods_StrongRhoAsRecomputed()
    {
        var answer = await england.Json("/api/indicators/income-deprivation/areas/E06000002/bivariate?with=imd-score");

        var rho = RankCorrelation(answer);
        Assert.Equal(rho, answer.GetProperty("spearman").GetProperty("rho").GetDouble(), 6);
        // income is the IMD's largest domain (22.5% of its weight): the two rank almost alike
        Assert.True(rho > 0.8, $"rho {rho}");
        Assert.True(answer.GetProperty("spearman").GetProperty("lower95").GetDouble() > 0.7, answer.GetProperty("spearman").ToString());
    }

    [EnglandFact]
    public async Task Bivariate_PlaceLevelCopdAndImdAcrossTheSystems_RhoAsRecomputed()
    {
        var root = england.Dataset.Geography.Root.Code;

        var answer = await england.Json($"/api/indicators/copd-prevalence-qof-2019-20/areas/{root}/bivariate?with=imd-score");

        Assert.Equal(JsonValueKind.Null, answer.GetProperty("reason").ValueKind);
        Assert.Equal(RankCorrelation(answer), answer.GetProperty("spearman").GetProperty("rho").GetDouble(), 6);
        Assert.Equal(answer.GetProperty("children").GetInt32(), answer.GetProperty("pairs").GetArrayLength()
            + answer.GetProperty("suppressed").GetInt32() + answer.GetProperty("noValue").GetInt32());
    }
}
