using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// The population under the click (issue 19 §5) on tests/fixtures/quality, worked by hand from its files. Population by
/// band (0-14, 15-64, 65+): Beta = E01000003 (1,000, 3,000, 1,000) + E01000004 (2,500, 5,500, 2,000) = (3,500, 8,500,
/// 3,000); the country (8,500, 26,000, 11,500), 46,000 in all. Falls by band: Beta (12, 34, 45), the country (28, 109,
/// 280). Broad bands worked by hand: Gamma's 4 falls aged 0-14 (and so its ICP's and system's) are the only small count of an
/// area above the neighbourhood, so 0-14 is merged with its one neighbour, 15-64, into 0-64; then E01000004's 5 falls aged
/// 65+ are small and E01000003 is hidden to protect them from Beta's 45, so every area but those two shows its rates.
/// </summary>
public sealed class PopulationApiTests(QualityApiFactory factory) : IClassFixture<QualityApiFactory>
{
    private const double Z95 = 1.959963984540054;

    private async Task<JsonElement> Get(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Population_OfAPlace_IsItsNeighbourhoodsBandsSummed()
    {
        var answer = await Get("/api/areas/E06000002/population");

        var bands = answer.GetProperty("bands").EnumerateArray().ToArray();
        Assert.Equal(["0-14", "15-64", "65+"], bands.Select(b => b.GetProperty("band").GetString()));
        Assert.Equal([3_500.0, 8_500, 3_000], bands.Select(b => b.GetProperty("count").GetDouble()));
        Assert.Equal(15_000, answer.GetProperty("total").GetDouble());
        Assert.Equal(46_000, answer.GetProperty("countryTotal").GetDouble());
        Assert.Equal(3_500.0 / 15_000, bands[0].GetProperty("share").GetDouble(), 6);
        Assert.Equal(11_500.0 / 46_000, bands[2].GetProperty("countryShare").GetDouble(), 6);
        Assert.Contains("persons", answer.GetProperty("sex").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Population_UnknownArea_Is404NamingTheCode()
    {
        var response = await factory.CreateClient().GetAsync("/api/areas/E06999999/population");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("E06999999", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Beta's 45 falls aged 65+ among 3,000: 1,500 per 100,000; Byar's limits on 45 are 32.8203 and 60.2150 (the
    /// exact Poisson limits, 32.823 and 60.214, agree to 0.01), so 1,094.0 to 2,007.2 per 100,000. Aged 0-64 (the broad band):
    /// 12 + 34 = 46 among 3,500 + 8,500.</summary>
    [Fact]
    public async Task AgeRates_OfAnAreaThatPasses_AreCountOverPopulationWithByarLimits()
    {
        var answer = await Get("/api/indicators/falls/areas/E06000002/age-rates");

        Assert.True(answer.GetProperty("shown").GetBoolean());
        var bands = answer.GetProperty("bands").EnumerateArray().ToArray();
        Assert.Equal(["0-64", "65+"], bands.Select(b => b.GetProperty("band").GetString()));
        Assert.Equal([46.0, 45], bands.Select(b => b.GetProperty("count").GetDouble()));
        Assert.Equal([12_000.0, 3_000], bands.Select(b => b.GetProperty("denominator").GetDouble()));
        Assert.Equal(46.0 / 12_000 * 100_000, bands[0].GetProperty("rate").GetDouble(), 5);
        Assert.Equal(1_500, bands[1].GetProperty("rate").GetDouble(), 6);
        Assert.Equal(32.820253 / 3_000 * 100_000, bands[1].GetProperty("lower95").GetDouble(), 3);
        Assert.Equal(60.214962 / 3_000 * 100_000, bands[1].GetProperty("upper95").GetDouble(), 3);
        Assert.Equal(Byar(45).Lower / 3_000 * 100_000, bands[1].GetProperty("lower95").GetDouble(), 5);
        Assert.Equal(32.823 / 3_000 * 100_000, bands[1].GetProperty("lower95").GetDouble(), tolerance: 0.2); // the exact limit
    }

    [Fact]
    public async Task AgeRates_BesideTheCountrysRatesInEveryBand()
    {
        var bands = (await Get("/api/indicators/falls/areas/E06000002/age-rates")).GetProperty("bands").EnumerateArray().ToArray();

        Assert.Equal((28.0 + 109) / (8_500 + 26_000) * 100_000, bands[0].GetProperty("countryRate").GetDouble(), 5);
        Assert.Equal(280.0 / 11_500 * 100_000, bands[1].GetProperty("countryRate").GetDouble(), 5);
        Assert.Equal(Byar(280).Upper / 11_500 * 100_000, bands[1].GetProperty("countryUpper95").GetDouble(), 5);
    }

    [Theory]
    [InlineData("E01000004")] // its own 65+ band holds 5 falls
    [InlineData("E01000003")] // hidden so that Beta's 45 minus its 40 does not give E01000004's 5
    public async Task AgeRates_OfAnAreaWithAHiddenBand_AreWithheldWhole(string code)
    {
        var answer = await Get($"/api/indicators/falls/areas/{code}/age-rates");

        Assert.False(answer.GetProperty("shown").GetBoolean());
        Assert.NotNull(answer.GetProperty("withheld").GetString());
        foreach (var band in answer.GetProperty("bands").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Null, band.GetProperty("count").ValueKind);
            Assert.Equal(JsonValueKind.Null, band.GetProperty("rate").ValueKind);
            Assert.Equal(JsonValueKind.Null, band.GetProperty("lower95").ValueKind);
        }
    }

    /// <summary>No small band count is ever shown, and no parent with its bands shown has exactly one child withheld
    /// (that child's bands would be the parent's minus its siblings').</summary>
    [Fact]
    public async Task AgeRates_AcrossEveryArea_ShowNoSmallCountAndNoLoneWithheldChild()
    {
        string[] codes = ["E92000001", "E54000001", "E54000002", "E06000001", "E06000002", "E06000003",
            "E01000001", "E01000002", "E01000003", "E01000004", "E01000005", "E01000006"];
        var shown = new Dictionary<string, bool>();
        foreach (var code in codes)
        {
            var answer = await Get($"/api/indicators/falls/areas/{code}/age-rates");
            shown[code] = answer.GetProperty("shown").GetBoolean();
            foreach (var band in answer.GetProperty("bands").EnumerateArray().Where(_ => shown[code]))
            {
                var count = band.GetProperty("count").GetDouble();
                Assert.True(count == 0 || count >= 8, $"{code} shows a band count of {count}");
            }
        }

        Assert.Equal(["E01000003", "E01000004"], shown.Where(s => !s.Value).Select(s => s.Key));
        (string Parent, string[] Children)[] families = [("E06000001", ["E01000001", "E01000002"]), ("E06000002", ["E01000003", "E01000004"]),
            ("E06000003", ["E01000005", "E01000006"])];
        foreach (var (parent, children) in families.Where(f => shown[f.Parent]))
        {
            Assert.NotEqual(1, children.Count(c => !shown[c]));
        }
    }

    [Fact]
    public async Task AgeRates_OfAnIndicatorWithoutAgeBands_GiveTheReason()
    {
        var answer = await Get("/api/indicators/admissions-2011/areas/E06000002/age-rates");

        Assert.Contains("no age-specific counts", answer.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(answer.GetProperty("bands").EnumerateArray());
    }

    private static (double Lower, double Upper) Byar(double o) => (
        o * Math.Pow(1 - 1 / (9 * o) - Z95 / (3 * Math.Sqrt(o)), 3),
        (o + 1) * Math.Pow(1 - 1 / (9 * (o + 1)) + Z95 / (3 * Math.Sqrt(o + 1)), 3));
}

/// <summary>Age-specific rates of the demo's pooled DSR: broad bands covering every age, each shown band's rate its count
/// over its person-years (five years of the band's population).</summary>
public sealed class DemoAgeRatesApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    [Fact]
    public async Task AgeRates_OfASystem_AreBroadBandsEachCountOverPersonYears()
    {
        var client = factory.CreateClient();
        using var systems = JsonDocument.Parse(await client.GetStringAsync("/api/indicators/copd-emergency-admissions/levels/system"));
        var code = systems.RootElement.GetProperty("rows")[0].GetProperty("code").GetString();
        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/indicators/copd-emergency-admissions/areas/{code}/age-rates"));
        using var population = JsonDocument.Parse(await client.GetStringAsync($"/api/areas/{code}/population"));

        var answer = document.RootElement;
        Assert.True(answer.GetProperty("shown").GetBoolean());
        var bands = answer.GetProperty("bands").EnumerateArray().ToArray();
        var people = population.RootElement.GetProperty("bands").EnumerateArray()
            .Select(b => (From: int.Parse(b.GetProperty("band").GetString()!.Split('-', '+')[0], CultureInfo.InvariantCulture), Count: b.GetProperty("count").GetDouble()))
            .ToArray();
        var next = 0;
        foreach (var band in bands)
        {
            var label = band.GetProperty("band").GetString()!;
            var from = int.Parse(label.Split('-', '+')[0], CultureInfo.InvariantCulture);
            var to = label.EndsWith('+') ? int.MaxValue : int.Parse(label.Split('-')[1], CultureInfo.InvariantCulture);
            Assert.Equal(next, from); // contiguous, from age 0
            next = to == int.MaxValue ? -1 : to + 1;
            var personYears = people.Where(p => p.From >= from && p.From <= to).Sum(p => p.Count) * 5; // pools of five years
            Assert.Equal(personYears, band.GetProperty("denominator").GetDouble(), 6);
            var count = band.GetProperty("count").GetDouble();
            Assert.True(count == 0 || count >= 8, $"{label}: a small count {count} is shown");
            Assert.Equal(count / personYears * 100_000, band.GetProperty("rate").GetDouble(), tolerance: 1e-6); // rounded to 6 decimals
        }

        Assert.Equal(-1, next); // up to the open top band
    }
}
