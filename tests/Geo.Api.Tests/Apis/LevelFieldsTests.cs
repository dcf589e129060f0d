using System.Net;
using System.Text.Json;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// The level endpoint's fields= and format=columns: the same cells as the full answer, only fewer or laid out by column,
/// so that a compact answer publishes nothing the full one hides.
/// </summary>
public class LevelFieldsTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private const string Url = "/api/indicators/" + DemoData.Indicator + "/levels/neighbourhood";

    private static readonly string[] Every = [.. IndicatorColumns.All.Select(c => c.Name)];

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    [Fact]
    public async Task GetLevel_Fields_RowsHaveOnlyThoseColumnsInTheOrderAskedWithTheFullAnswersCells()
    {
        var (_, full) = await Get(Url);

        var (status, chosen) = await Get(Url + "?fields=value,CODE,suppressed,value");

        Assert.Equal(HttpStatusCode.OK, status);
        string[] names = ["value", "code", "suppressed"];
        Assert.Equal(names, chosen.GetProperty("metadata").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var fullRows = full.GetProperty("rows").EnumerateArray().ToArray();
        var rows = chosen.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(fullRows.Length, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(names, rows[i].EnumerateObject().Select(p => p.Name));
            foreach (var name in names)
            {
                Assert.Equal(fullRows[i].GetProperty(name).GetRawText(), rows[i].GetProperty(name).GetRawText());
            }
        }

        Assert.Equal(names, chosen.GetProperty("area").EnumerateObject().Select(p => p.Name));
        Assert.Equal(full.GetProperty("area").GetProperty("value").GetRawText(), chosen.GetProperty("area").GetProperty("value").GetRawText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("&period=2021/22")]
    public async Task GetLevel_ColumnsOfEveryField_IsTheFullAnswerTransposedCellForCell(string period)
    {
        var (_, full) = await Get(Url + "?" + period);

        var (status, columns) = await Get(Url + "?format=columns&fields=" + string.Join(',', Every) + period);

        Assert.Equal(HttpStatusCode.OK, status);
        var fullRows = full.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(fullRows.Length, columns.GetProperty("count").GetInt32());
        var table = columns.GetProperty("columns");
        Assert.Equal(Every, table.EnumerateObject().Select(p => p.Name));
        foreach (var name in Every)
        {
            var cells = table.GetProperty(name).EnumerateArray().Select(c => c.GetRawText()).ToArray();
            Assert.Equal(fullRows.Select(r => r.GetProperty(name).GetRawText()), cells);
        }

        Assert.Equal(full.GetProperty("area").GetRawText(), columns.GetProperty("area").GetRawText());
    }

    [Fact]
    public async Task GetLevel_CompactColumns_PublishNoCountOrValueOfASuppressedNeighbourhood()
    {
        // the engine's published view, read directly: which neighbourhoods are hidden, and why
        var view = DemoData.Latest(factory);
        var hidden = view.Rows.Where(r => r.Area.Level == Core.Geography.Level.Neighbourhood && r.Suppression != SuppressionReason.None)
            .ToDictionary(r => r.Area.Code, r => r.Suppression == SuppressionReason.Primary ? "primary" : "secondary");
        Assert.NotEmpty(hidden);

        var (_, compact) = await Get(Url + "?format=columns&fields=code,count,value,lower95,upper95,excess,suppressed");

        var table = compact.GetProperty("columns");
        var codes = table.GetProperty("code").EnumerateArray().Select(c => c.GetString()!).ToArray();
        for (var i = 0; i < codes.Length; i++)
        {
            var suppressed = table.GetProperty("suppressed")[i];
            if (hidden.TryGetValue(codes[i], out var reason))
            {
                Assert.Equal(reason, suppressed.GetString());
                foreach (var name in (string[])["count", "value", "lower95", "upper95", "excess"])
                {
                    Assert.Equal(JsonValueKind.Null, table.GetProperty(name)[i].ValueKind);
                }
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, suppressed.ValueKind);
            }
        }

        Assert.Equal(hidden.Count, table.GetProperty("suppressed").EnumerateArray().Count(c => c.ValueKind != JsonValueKind.Null));
    }

    [Fact]
    public async Task GetLevel_ColumnsWithoutFields_AreTheCompactDefault()
    {
        var (status, compact) = await Get(Url + "?format=columns");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["code", "value", "lower95", "upper95", "vs_england", "suppressed"],
            compact.GetProperty("columns").EnumerateObject().Select(p => p.Name));
        Assert.Equal(DemoData.Latest(factory).Rows.Count(r => r.Area.Level == Core.Geography.Level.Neighbourhood), compact.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("?fields=value,ward", "fields", "'ward'")]
    [InlineData("?fields=value,,code", "fields", "empty name")]
    [InlineData("?format=columns&fields=values", "fields", "'values'")]
    [InlineData("?format=table", "format", "'table'")]
    public async Task GetLevel_UnknownFieldOrFormat_Is400NamingItAndListingTheValidOnes(string query, string parameter, string named)
    {
        var (status, problem) = await Get(Url + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(named, detail, StringComparison.Ordinal);
        Assert.Contains(parameter == "fields" ? "code, name, level, parent, period, count" : "rows", detail, StringComparison.Ordinal);
    }
}
