using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Tests.Answers;
using Geo.Core.Geography;
using Geo.Tests;
using Xunit.Abstractions;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// Acceptance on real England data: North East and North Cumbria ICB (E54000050), its ICPs and each of its places,
/// income deprivation (IoD 2025 income domain numerator over Census 2021 residents). Figures are checked against
/// direct sums over the raw IMD, indicator, population and lookup files, read here by a plain CSV reader.
/// </summary>
[Collection(EnglandCollection.Name)]
public class EnglandInequalityTests(EnglandApiFactory england, ITestOutputHelper output)
{
    private const string Nenc = "E54000050";
    private const string Indicator = "income-deprivation";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<T> Get<T>(string url) => (await england.Factory.CreateClient().GetFromJsonAsync<T>(url, Json))!;

    /// <summary>Per 2021 neighbourhood in the ICB: IMD decile, income numerator (null where published empty), Census residents.</summary>
    private static Dictionary<string, (int Decile, double? Income, double People)> RawNenc()
    {
        var inNenc = RawCsv.Read(SharedData.England("lookups", "lsoa21_sicbl24_icb24_lad24_rgn24_nhser_en.csv"), "LSOA21CD", "ICB24CD")
            .Where(r => r[1] == Nenc).Select(r => r[0]).ToHashSet();
        var decile = RawCsv.Read(SharedData.England("deprivation", "imd2025_england_lsoa21.csv"), "lsoa21_code", "IMD_decile")
            .Where(r => inNenc.Contains(r[0])).ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture));
        var income = RawCsv.Read(SharedData.England("deprivation", "imd2025_england_lsoa21_indicators.csv"), "lsoa21_code", "income_domain_numerator")
            .Where(r => inNenc.Contains(r[0])).ToDictionary(r => r[0], r => r[1].Length == 0 ? (double?)null : double.Parse(r[1], CultureInfo.InvariantCulture));
        var people = RawCsv.Read(SharedData.England("population", "census2021_ts007a_age_5yr_bands_lsoa21_ew.csv"), "LSOA21CD", "Total")
            .Where(r => inNenc.Contains(r[0])).ToDictionary(r => r[0], r => double.Parse(r[1], CultureInfo.InvariantCulture));
        return inNenc.ToDictionary(c => c, c => (decile[c], income[c], people[c]));
    }

    [EnglandFact]
    public async Task Inequality_NencAndEveryIcpAndPlace_AnswersCore20SiiAndGiStar()
    {
        var geography = england.Dataset.Geography;
        var system = geography.Get(Nenc);
        var areas = new List<Area> { system };
        foreach (var icp in geography.Children(system))
        {
            areas.Add(icp);
            areas.AddRange(geography.Children(icp));
        }

        Assert.True(areas.Count(a => a.Level == Level.Place) >= 12, $"{areas.Count} areas");
        foreach (var area in areas)
        {
            var profile = await Get<InequalityAnswer>($"/api/indicators/{Indicator}/areas/{area.Code}/inequality");
            var hotspots = await Get<RowsAnswer>($"/api/indicators/{Indicator}/areas/{area.Code}/hotspots?by=gistar&top=1000");
            var inside = geography.Neighbourhoods(area).Select(n => n.Code).ToHashSet();

            Assert.Equal("national", profile.DecileBasis);
            Assert.InRange(profile.Core20.PopulationShare, 0, 1);
            Assert.NotNull(profile.Core20.Count);
            Assert.NotNull(profile.Slope);
            Assert.True(profile.Slope!.Sii < 0, $"{area.Code}: income deprivation falls from the most to the least deprived decile");
            Assert.True(profile.Slope.SiiLower95 < profile.Slope.Sii && profile.Slope.Sii < profile.Slope.SiiUpper95);
            Assert.True(profile.Slope.Rii < 1);
            Assert.All(hotspots.Rows, r => Assert.Contains(r.Code, inside));
            Assert.All(hotspots.Rows, r => Assert.Null(r.Suppressed));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{area.Code} {area.Level.ToName(),-7} {area.Name,-45} Core20 people {profile.Core20.PopulationShare:P1} events {profile.Core20.EventShare:P1} SII {profile.Slope.Sii:F2} ({profile.Slope.SiiLower95:F2} to {profile.Slope.SiiUpper95:F2}) RII {profile.Slope.Rii:F3} Gi* hot spots {hotspots.Rows.Count}"));
        }

        var nencHotspots = await Get<RowsAnswer>($"/api/indicators/{Indicator}/areas/{Nenc}/hotspots?by=gistar&top=1000");
        Assert.True(nencHotspots.Rows.Count > 50, $"{nencHotspots.Rows.Count} Gi* hot spots in the ICB");
    }

    [EnglandFact]
    public async Task Inequality_Nenc_Core20SharesEqualDirectSumsOverTheRawFiles()
    {
        var raw = RawNenc();
        var withData = raw.Values.Where(r => r.Income is not null).ToArray();
        var core20 = withData.Where(r => r.Decile <= 2).ToArray();
        var populationShare = core20.Sum(r => r.People) / withData.Sum(r => r.People);
        var eventShare = core20.Sum(r => r.Income!.Value) / withData.Sum(r => r.Income!.Value);

        var profile = await Get<InequalityAnswer>($"/api/indicators/{Indicator}/areas/{Nenc}/inequality");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NENC: {raw.Count} neighbourhoods, {raw.Count - withData.Length} without an income figure; Core20 {core20.Length} neighbourhoods, "
            + $"{core20.Sum(r => r.People):N0} of {withData.Sum(r => r.People):N0} residents ({populationShare:P3}), "
            + $"{core20.Sum(r => r.Income!.Value):N0} of {withData.Sum(r => r.Income!.Value):N0} income deprived ({eventShare:P3})"));
        Assert.Equal(core20.Length, profile.Core20.Neighbourhoods);
        Assert.Equal(core20.Sum(r => r.People), profile.Core20.Population, 6);
        Assert.Equal(populationShare, profile.Core20.PopulationShare, 6);
        Assert.Equal(core20.Sum(r => r.Income!.Value), profile.Core20.Count!.Value, 6);
        Assert.Equal(eventShare, profile.Core20.EventShare!.Value, 6);
        Assert.Equal(100 * core20.Sum(r => r.Income!.Value) / core20.Sum(r => r.People), profile.Core20.Value!.Value, 6);
    }

    [EnglandFact]
    public async Task Inequality_Nenc_SiiEqualsAWeightedFitToTheRawDecileRates()
    {
        // Deciles' proportions from direct sums; SII = slope of the population-weighted least-squares line on the mid-point
        // ranks of the cumulative population (Low and Low 2004), written out here independently of SlopeIndex.
        var raw = RawNenc().Values.Where(r => r.Income is not null).ToArray();
        var deciles = raw.GroupBy(r => r.Decile).OrderBy(g => g.Key)
            .Select(g => (People: g.Sum(r => r.People), Rate: 100 * g.Sum(r => r.Income!.Value) / g.Sum(r => r.People))).ToArray();
        var total = deciles.Sum(d => d.People);
        double cumulative = 0, sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
        foreach (var (people, rate) in deciles)
        {
            var w = people / total;
            var x = cumulative + (w / 2);
            cumulative += w;
            sw += w;
            swx += w * x;
            swy += w * rate;
            swxx += w * x * x;
            swxy += w * x * rate;
        }

        var slope = ((sw * swxy) - (swx * swy)) / ((sw * swxx) - (swx * swx));
        var intercept = (swy - (slope * swx)) / sw;

        var profile = await Get<InequalityAnswer>($"/api/indicators/{Indicator}/areas/{Nenc}/inequality");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NENC SII by direct fit {slope:F4}, RII {(intercept + slope) / intercept:F4}; API {profile.Slope!.Sii} / {profile.Slope.Rii}"));
        Assert.Equal(deciles.Length, profile.Deciles.Count(d => d.InSlope));
        Assert.Equal(slope, profile.Slope!.Sii, 4);
        Assert.Equal((intercept + slope) / intercept, profile.Slope.Rii, 4);
    }

    [EnglandFact]
    public async Task Inequality_NencLocalDeciles_TenGroupsOfItsOwnNeighbourhoods()
    {
        var count = england.Dataset.Geography.Neighbourhoods(england.Dataset.Geography.Get(Nenc)).Count();

        var profile = await Get<InequalityAnswer>($"/api/indicators/{Indicator}/areas/{Nenc}/inequality?deciles=local");

        Assert.Equal("local", profile.DecileBasis);
        Assert.Equal(Enumerable.Range(1, 10), profile.Deciles.Select(d => d.Decile));
        Assert.Equal(count, profile.Deciles.Sum(d => d.Neighbourhoods));
        Assert.InRange(profile.Deciles.Max(d => d.Neighbourhoods) - profile.Deciles.Min(d => d.Neighbourhoods), 0, 1);
        Assert.True(profile.Slope!.Sii < 0);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NENC local deciles: SII {profile.Slope.Sii:F2} ({profile.Slope.SiiLower95:F2} to {profile.Slope.SiiUpper95:F2}), RII {profile.Slope.Rii:F3}"));
    }
}
