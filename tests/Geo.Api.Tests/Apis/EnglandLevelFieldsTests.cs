using System.Text.Json;
using Geo.Tests;

namespace Geo.Api.Tests.Apis;

/// <summary>The compact level answer on England's 33,755 neighbourhoods: small, and the full answer's cells.</summary>
[Collection(EnglandCollection.Name)]
public class EnglandLevelFieldsTests(EnglandApiFactory england)
{
    private const string Url = "/api/indicators/income-deprivation/levels/neighbourhood";

    [EnglandFact]
    public async Task GetLevel_CompactColumnsOfEveryNeighbourhood_AreAtMost2MBAndTheFullAnswersCells()
    {
        var client = england.Factory.CreateClient();
        using var full = JsonDocument.Parse(await client.GetByteArrayAsync(Url));

        var bytes = await client.GetByteArrayAsync(Url + "?format=columns");

        Assert.True(bytes.Length <= 2_000_000, $"{bytes.Length:N0} bytes");
        using var compact = JsonDocument.Parse(bytes);
        var rows = full.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(33_755, rows.Length);
        Assert.Equal(33_755, compact.RootElement.GetProperty("count").GetInt32());
        foreach (var column in compact.RootElement.GetProperty("columns").EnumerateObject())
        {
            Assert.Equal(rows.Select(r => r.GetProperty(column.Name).GetRawText()), column.Value.EnumerateArray().Select(c => c.GetRawText()));
        }
    }
}
