using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Apis;
using Geo.Api.Tests.Answers;
using Geo.Core.Catchments;
using Geo.Core.Indicators.Suppression;
using Geo.Tests;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Xunit.Abstractions;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// Catchments of England's GP practices (NHS England registrations by 2011 LSOA, July 2022), checked against the raw
/// registration file for Hartlepool's 2011 neighbourhoods that did not change in 2021 (their flows pass whole).
/// </summary>
[Collection(EnglandCollection.Name)]
public class EnglandCatchmentsTests(EnglandApiFactory england, ITestOutputHelper output)
{
    private const string Hartlepool = "E06000001";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private async Task<T> Get<T>(string url) => (await england.Factory.CreateClient().GetFromJsonAsync<T>(url, Json))!;

    /// <summary>Raw flows of Hartlepool's unchanged 2011 neighbourhoods: neighbourhood → practice → patients.</summary>
    private static Dictionary<string, Dictionary<string, double>> RawHartlepoolFlows()
    {
        var unchanged = RawCsv.Read(SharedData.England("lookups", "lsoa11_lsoa21_lad22_ew.csv"), "lsoa11_code", "change_code", "ltla22_code")
            .Where(r => r[1] == "U" && r[2] == Hartlepool).Select(r => r[0]).ToHashSet();
        var flows = unchanged.ToDictionary(c => c, _ => new Dictionary<string, double>());
        foreach (var r in RawCsv.Read(SharedData.England("health", "gp_practices", "gp_registered_patients_by_practice_lsoa11_jul2022.csv"),
            "OrganisationCode", "LSOA11CD", "Patient"))
        {
            if (flows.TryGetValue(r[1], out var byPractice))
            {
                byPractice[r[0]] = double.Parse(r[2], CultureInfo.InvariantCulture);
            }
        }

        return flows;
    }

    [EnglandFact]
    public async Task Catchments_Hartlepool_MembershipsAndSharesAsTheRawRegistrationsGive()
    {
        var raw = RawHartlepoolFlows();
        Assert.True(raw.Count > 50, $"{raw.Count} unchanged neighbourhoods");

        var list = await Get<CatchmentListDto>($"/api/catchments?area={Hartlepool}");
        var fptp = await Get<CatchmentListDto>($"/api/catchments?area={Hartlepool}&method=fptp");
        var members = new Dictionary<string, Dictionary<string, double>>();
        var winners = new Dictionary<string, string>();
        foreach (var item in list.Catchments)
        {
            foreach (var m in (await Get<CatchmentDto>($"/api/catchments/{item.Provider}")).Members.Where(m => raw.ContainsKey(m.Code)))
            {
                (members.TryGetValue(m.Code, out var shares) ? shares : members[m.Code] = [])[item.Provider] = m.Share;
            }
        }

        foreach (var item in fptp.Catchments)
        {
            foreach (var m in (await Get<CatchmentDto>($"/api/catchments/{item.Provider}?method=fptp")).Members.Where(m => raw.ContainsKey(m.Code)))
            {
                winners.Add(m.Code, item.Provider);
            }
        }

        foreach (var (code, byPractice) in raw)
        {
            var total = byPractice.Values.Sum();
            var expected = byPractice.Where(p => p.Value / total >= 0.3).ToDictionary(p => p.Key, p => p.Value / total);
            var got = members.GetValueOrDefault(code) ?? [];
            Assert.Equal(expected.Keys.Order(), got.Keys.Order());
            Assert.All(expected, e => Assert.Equal(e.Value, got[e.Key], 6));

            var largest = byPractice.Values.Max();
            Assert.Equal(byPractice.Where(p => p.Value == largest).Select(p => p.Key).Min(StringComparer.Ordinal), winners[code]);
        }

        output.WriteLine($"Hartlepool: {raw.Count} unchanged 2011 neighbourhoods checked; {list.Catchments.Count} practices' proportional catchments "
            + $"and {fptp.Catchments.Count} first-past-the-post ones reach it; England: {list.Summary.WithCatchment} of {list.Summary.Providers} practices "
            + $"have a proportional catchment, neighbourhoods by memberships [{string.Join(", ", list.Summary.NeighbourhoodsByMemberships)}], "
            + $"fptp ties {fptp.Summary.Ties}");
        Assert.Equal(33_755, list.Summary.NeighbourhoodsWithFlow);
        Assert.Equal(6_484, list.Summary.Providers);
    }

    [EnglandFact]
    public async Task Catchments_IndicatorRow_SumsTheRawFiguresOfItsMembers()
    {
        var income = RawCsv.Read(SharedData.England("deprivation", "imd2025_england_lsoa21_indicators.csv"), "lsoa21_code", "income_domain_numerator")
            .ToDictionary(r => r[0], r => r[1].Length == 0 ? (double?)null : double.Parse(r[1], CultureInfo.InvariantCulture));
        var people = RawCsv.Read(SharedData.England("population", "census2021_ts007a_age_5yr_bands_lsoa21_ew.csv"), "LSOA21CD", "Total")
            .ToDictionary(r => r[0], r => double.Parse(r[1], CultureInfo.InvariantCulture));
        var list = await Get<CatchmentListDto>($"/api/catchments?area={Hartlepool}&method=fptp");

        var shown = 0;
        foreach (var item in list.Catchments)
        {
            var catchment = await Get<CatchmentDto>($"/api/catchments/{item.Provider}?method=fptp");
            var answer = await Get<AreaAnswer>($"/api/catchments/{item.Provider}/indicators/income-deprivation?method=fptp");
            Assert.Equal("catchment", answer.Row.Level);
            Assert.Equal(Math.Round(catchment.Members.Where(m => income[m.Code] is not null).Sum(m => people[m.Code]), 6), answer.Row.Denominator);
            if (answer.Row.Suppressed is null)
            {
                shown++;
                Assert.Equal(catchment.Members.Sum(m => income[m.Code]!.Value), answer.Row.Count!.Value, 6);
                Assert.NotNull(answer.Row.VsEngland);
            }
            else
            {
                Assert.Equal("secondary", answer.Row.Suppressed);
            }
        }

        Assert.True(shown > 0, "some Hartlepool catchments have no suppressed neighbourhood");
    }

    [EnglandFact]
    public async Task Catchments_AllEnglandPractices_BuildAndOneBoundaryIsAValidUnion()
    {
        var dataset = england.Dataset;
        var proportional = dataset.Catchments(CatchmentOptions.Default);
        var largest = proportional.Catchments.Where(c => c.Members.Any(m => dataset.Geography.Get(m.Neighbourhood).ParentCode == Hartlepool))
            .OrderByDescending(c => c.Members.Count).First();

        var response = await england.Factory.CreateClient().GetAsync($"/api/catchments/{largest.Provider}/boundary");
        var feature = JsonSerializer.Deserialize<IFeature>(await response.Content.ReadAsStringAsync(), GeoJson)!;

        Assert.True(feature.Geometry.IsValid);
        Assert.InRange(feature.Geometry.Centroid.X, -1.5, -1.0);
        Assert.InRange(feature.Geometry.Centroid.Y, 54.5, 54.8);
        Assert.Equal(largest.Members.Count, Convert.ToInt32(feature.Attributes["neighbourhoods"], CultureInfo.InvariantCulture));
        Assert.Equal(SuppressionPolicy.Default, dataset.Suppression);
    }
}
