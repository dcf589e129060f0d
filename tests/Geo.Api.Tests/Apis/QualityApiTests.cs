using System.Net;
using System.Text.Json;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// The data quality answer (issue 19 §2) on tests/fixtures/quality, every figure worked out by hand from the fixture's
/// files: its lookup_2011.csv makes E01000001 unchanged, E01000002 and E01000003 the halves of a split, E01000004 a merge
/// and E01000005 and E01000006 a complex change; its deprivation file lacks E01000006; its population sums to 10,000 and
/// 10,000 (Alpha), 5,000 and 10,000 (Beta), 5,000 and 6,000 (Gamma).
/// </summary>
public sealed class QualityApiTests(QualityApiFactory factory) : IClassFixture<QualityApiFactory>
{
    private async Task<JsonElement> Quality(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private Task<JsonElement> Quality(string url) => Quality(factory.CreateClient(), url);

    [Fact]
    public async Task Quality_OfAPlaceMappedFrom2011_CountsItsNeighbourhoodsByChange()
    {
        var answer = await Quality("/api/indicators/admissions-2011/areas/E06000001/quality");

        var inputs = answer.GetProperty("quality").GetProperty("inputs");
        Assert.Equal(0, inputs.GetProperty("direct").GetInt32());
        Assert.Equal(1, inputs.GetProperty("unchanged").GetInt32()); // E01000001
        Assert.Equal(1, inputs.GetProperty("split").GetInt32()); // E01000002, half of E01100002
        Assert.Equal(0.5, inputs.GetProperty("mappedShare").GetDouble(), 12);
        Assert.Contains("2011", answer.GetProperty("quality").GetProperty("vintages").GetProperty("mapping").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_OfTheCountry_CountsEveryChangeOfTheLookup()
    {
        var inputs = (await Quality("/api/indicators/admissions-2011/areas/E92000001/quality")).GetProperty("quality").GetProperty("inputs");

        Assert.Equal(1, inputs.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, inputs.GetProperty("split").GetInt32());
        Assert.Equal(1, inputs.GetProperty("merged").GetInt32());
        Assert.Equal(2, inputs.GetProperty("complex").GetInt32());
        Assert.Equal(5.0 / 6, inputs.GetProperty("mappedShare").GetDouble(), 12);
        Assert.Equal(0, inputs.GetProperty("estimatedShare").GetDouble());
    }

    [Fact]
    public async Task Quality_OfDataReadDirectly_SaysSoWithTheResidentDenominator()
    {
        var quality = (await Quality("/api/indicators/falls/areas/E06000003/quality")).GetProperty("quality");

        var inputs = quality.GetProperty("inputs");
        Assert.Equal(2, inputs.GetProperty("direct").GetInt32());
        Assert.Equal(0, inputs.GetProperty("mappedShare").GetDouble());
        Assert.Equal(JsonValueKind.Null, quality.GetProperty("vintages").GetProperty("mapping").ValueKind);
        Assert.Equal("resident", quality.GetProperty("denominator").GetProperty("kind").GetString());
        Assert.Equal("hand-drawn 1 km squares", quality.GetProperty("vintages").GetProperty("boundaries").GetString());
        Assert.Equal("2023/24", quality.GetProperty("vintages").GetProperty("period").GetString());
    }

    [Fact]
    public async Task Quality_Coverage_IsThePopulationAndNeighbourhoodsBehindTheValue()
    {
        var coverage = (await Quality("/api/indicators/falls/areas/E06000003/quality")).GetProperty("quality").GetProperty("coverage");

        Assert.Equal(5_000 + 6_000, coverage.GetProperty("population").GetDouble());
        Assert.Equal(11_000, coverage.GetProperty("populationWithData").GetDouble());
        Assert.Equal(1, coverage.GetProperty("share").GetDouble());
        Assert.Equal(2, coverage.GetProperty("units").GetInt32());
        Assert.Equal(2, coverage.GetProperty("unitsWithData").GetInt32());
    }

    [Fact]
    public async Task Quality_NamesTheAreasUnmatchedCodes_AndNoFolderOfTheServer()
    {
        var gamma = (await Quality("/api/indicators/admissions-2011/areas/E06000003/quality")).GetProperty("quality").GetProperty("unmatched");
        var alpha = (await Quality("/api/indicators/admissions-2011/areas/E06000001/quality")).GetProperty("quality").GetProperty("unmatched");

        Assert.Equal(1, gamma.GetProperty("inArea").GetInt32());
        var code = Assert.Single(gamma.GetProperty("codes").EnumerateArray());
        Assert.Equal("E01000006", code.GetProperty("code").GetString());
        Assert.Equal("deprivation.csv", code.GetProperty("file").GetString());
        Assert.Equal(0, alpha.GetProperty("inArea").GetInt32());
        Assert.Equal(1, alpha.GetProperty("inDataset").GetInt32());
        var notes = gamma.GetProperty("importNotes").EnumerateArray().Select(n => n.GetString()!).ToArray();
        Assert.Contains(notes, n => n.Contains("through lookup_2011.csv", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Contains(QualityApiFactory.Folder, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportMetadata_CarriesTheQualityOfTheAreaTheRowsAreAbout()
    {
        var client = factory.CreateClient();
        var quality = await Quality(client, "/api/indicators/admissions-2011/areas/E06000001/quality");
        var children = await Quality(client, "/api/indicators/admissions-2011/areas/E06000001/children");

        var metadata = children.GetProperty("metadata").GetProperty("quality");
        Assert.Equal(quality.GetProperty("quality").GetRawText(), metadata.GetRawText());
    }

    [Fact]
    public async Task Quality_UnknownArea_Is404NamingTheCode()
    {
        var response = await factory.CreateClient().GetAsync("/api/indicators/falls/areas/E06999999/quality");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("E06999999", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>
/// Data quality of district data (tests/fixtures/apportion): Splitford (E07000001) is split between NHS Alpha and NHS
/// Beta, so each system holds one apportioned part among its places.
/// </summary>
public sealed class ApportionedQualityApiTests(ApportionApiFactory factory) : IClassFixture<ApportionApiFactory>
{
    [Fact]
    public async Task Quality_OfASystemWithASplitDistrict_CountsItsApportionedPart()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/indicators/register/areas/E54000001/quality"));
        var quality = document.RootElement.GetProperty("quality");

        // NHS Alpha's places: Splitford's part in Alpha (apportioned) and Othertown (whole).
        Assert.Equal("place", quality.GetProperty("dataLevel").GetString());
        Assert.Equal(2, quality.GetProperty("coverage").GetProperty("units").GetInt32());
        Assert.Equal(1, quality.GetProperty("inputs").GetProperty("apportioned").GetInt32());
        Assert.Equal(0.5, quality.GetProperty("inputs").GetProperty("estimatedShare").GetDouble(), 12);
        Assert.Equal("file", quality.GetProperty("denominator").GetProperty("kind").GetString());
    }
}

/// <summary>The suppressed share on the demo, against a second count: the place's neighbourhood rows marked suppressed.</summary>
public sealed class DemoQualityApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    [Fact]
    public async Task Quality_SuppressedShare_IsTheShareOfThePlacesNeighbourhoodsMarkedSuppressed()
    {
        var client = factory.CreateClient();
        using var places = JsonDocument.Parse(await client.GetStringAsync("/api/indicators/copd-emergency-admissions/levels/place"));
        foreach (var place in places.RootElement.GetProperty("rows").EnumerateArray().Take(4))
        {
            var code = place.GetProperty("code").GetString();
            using var children = JsonDocument.Parse(await client.GetStringAsync($"/api/indicators/copd-emergency-admissions/areas/{code}/children"));
            var rows = children.RootElement.GetProperty("rows").EnumerateArray().ToArray();
            var hidden = rows.Count(r => r.GetProperty("suppressed").ValueKind == JsonValueKind.String);
            using var answer = JsonDocument.Parse(await client.GetStringAsync($"/api/indicators/copd-emergency-admissions/areas/{code}/quality"));
            var suppression = answer.RootElement.GetProperty("quality").GetProperty("suppression");

            Assert.Equal(rows.Length, suppression.GetProperty("units").GetInt32());
            Assert.Equal(hidden, suppression.GetProperty("suppressed").GetInt32());
            Assert.Equal((double)hidden / rows.Length, suppression.GetProperty("share").GetDouble(), 12);
        }
    }
}
