using System.Text.Json;

namespace Geo.Api.Tests.Hosting;

/// <summary>The OpenAPI document of the level endpoint: both layouts of its 200, its fields and format parameters.</summary>
public class OpenApiLevelTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    [Fact]
    public async Task OpenApiDocument_Level_AnswersRowsOrColumnsAndDescribesFieldsAndFormat()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var get = root.GetProperty("paths").GetProperty("/api/indicators/{id}/levels/{level}").GetProperty("get");

        var ok = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var parameters = get.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var table = root.GetProperty("components").GetProperty("schemas").GetProperty("ColumnTable").GetProperty("properties");

        Assert.Equal(["#/components/schemas/IndicatorRowsDto", "#/components/schemas/IndicatorColumnsDto"],
            ok.GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString()));
        Assert.Contains("columns", parameters["format"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("code,value", parameters["fields"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
        Assert.Equal(Apis.RowSchemaTests.Names, table.EnumerateObject().Select(p => p.Name));
        Assert.All(table.EnumerateObject(), p => Assert.Equal("array", p.Value.GetProperty("type").GetString()));
    }
}
