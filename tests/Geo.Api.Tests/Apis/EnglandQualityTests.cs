using System.Net;
using System.Text.Json;
using Geo.Tests;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// Data quality and population on England, against the published files read here by a second route: the ONS lookup's own
/// change codes (the importer reads the lookup's shape, not that column) and the Census file's stated total.
/// </summary>
[Collection(EnglandCollection.Name)]
public class EnglandQualityTests(EnglandApiFactory england)
{
    private async Task<JsonElement> Json(string url)
    {
        var response = await england.Factory.CreateClient().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Each English 2021 neighbourhood by the greatest change_code (U &lt; S &lt; M &lt; X) of its rows in the lookup:
    /// 31,810 U, 1,842 S, 97 M, 6 X; the mid-2020 estimates come by 2011 neighbourhood, so every one is mapped.</summary>
    [EnglandFact]
    public async Task Quality_OfEnglandMappedFrom2011_CountsEachNeighbourhoodByTheLookupsChangeCode()
    {
        var changes = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(SharedData.England("lookups", "lsoa11_lsoa21_lad22_ew.csv")).Skip(1))
        {
            var cells = line.Trim('"').Split("\",\""); // every field is quoted; district names hold commas
            var (change, code21) = (cells[2][0], cells[4]);
            if (code21.StartsWith('E'))
            {
                changes[code21] = changes.TryGetValue(code21, out var before) && "USMX".IndexOf(before) > "USMX".IndexOf(change) ? before : change;
            }
        }

        var inputs = (await Json("/api/indicators/population-65-plus-2020/areas/E92000001/quality")).GetProperty("quality").GetProperty("inputs");

        Assert.Equal(changes.Values.Count(c => c == 'U'), inputs.GetProperty("unchanged").GetInt32());
        Assert.Equal(changes.Values.Count(c => c == 'S'), inputs.GetProperty("split").GetInt32());
        Assert.Equal(changes.Values.Count(c => c == 'M'), inputs.GetProperty("merged").GetInt32());
        Assert.Equal(changes.Values.Count(c => c == 'X'), inputs.GetProperty("complex").GetInt32());
        Assert.Equal(0, inputs.GetProperty("direct").GetInt32());
    }

    /// <summary>East Suffolk (E07000244) is split between two ICBs: NHS Suffolk and North East Essex holds one apportioned
    /// part among its seven places for district data (QOF 2019/20), and practice-attributed data are registered patients.</summary>
    [EnglandFact]
    public async Task Quality_OfAnIcbWithASplitDistrict_CountsItsApportionedPart_AndPracticeDataAreRegistered()
    {
        var district = (await Json("/api/indicators/copd-prevalence-qof-2019-20/areas/E54000023/quality")).GetProperty("quality");
        var practices = (await Json("/api/indicators/copd-prevalence-qof-2021-22/areas/E54000023/quality")).GetProperty("quality");

        Assert.Equal(1, district.GetProperty("inputs").GetProperty("apportioned").GetInt32());
        Assert.Equal(7, district.GetProperty("coverage").GetProperty("units").GetInt32());
        Assert.Equal("registered", practices.GetProperty("denominator").GetProperty("kind").GetString());
        Assert.Equal(practices.GetProperty("coverage").GetProperty("unitsWithData").GetInt32(),
            practices.GetProperty("inputs").GetProperty("attributed").GetInt32());
    }

    /// <summary>The Census 2021 file's England total (56,490,091 usual residents), summed from the 18 bands of every
    /// neighbourhood.</summary>
    [EnglandFact]
    public async Task Population_OfEngland_IsTheCensusTotal()
    {
        var answer = await Json("/api/areas/E92000001/population");

        Assert.Equal(56_490_091, answer.GetProperty("total").GetDouble());
        Assert.Equal(18, answer.GetProperty("bands").GetArrayLength());
        Assert.Equal(1, answer.GetProperty("bands").EnumerateArray().Sum(b => b.GetProperty("share").GetDouble()), 5);
    }
}
