using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Hosting;

public class OpenApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private IReadOnlyList<string> ApiRoutes() => factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(r => r.StartsWith("/api/", StringComparison.Ordinal) && !r.StartsWith("/api/tiles", StringComparison.Ordinal))
        .Select(r => r.TrimEnd('/'))
        .Distinct()
        .ToArray();

    [Fact]
    public async Task OpenApiDocument_ListsEveryRouteWithSummaryDescriptionAndExample()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        var routes = ApiRoutes();
        Assert.True(routes.Count >= 14, string.Join(", ", routes));
        foreach (var route in routes)
        {
            Assert.True(paths.TryGetProperty(route, out var path), $"{route} is missing from the OpenAPI document");
            var get = path.GetProperty("get");
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()), route);
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("description").GetString()), route);
            Assert.StartsWith("/api/", get.GetProperty("x-example-url").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenApiDocument_IndicatorRow_DescribesEachColumnsTypeNullabilityAndMeaning()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var properties = schemas.GetProperty("IndicatorRowDto").GetProperty("properties").EnumerateObject().ToArray();

        Assert.Equal(Apis.RowSchemaTests.Names, properties.Select(p => p.Name));
        foreach (var (property, column) in properties.Zip(Apis.RowSchemaTests.Columns))
        {
            var type = property.Value.GetProperty("type");
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToArray() : [type.GetString()];
            Assert.Contains(column.Type == "text" ? "string" : column.Type, types);
            Assert.Equal(column.Name is not ("code" or "name" or "level" or "period" or "coverage"), types.Contains("null"));
            Assert.False(string.IsNullOrWhiteSpace(property.Value.GetProperty("description").GetString()), column.Name);
        }

        Assert.Contains("#/components/schemas/IndicatorRowDto", schemas.GetProperty("IndicatorRowsDto").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiExamples_AllAnswer200()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var client = factory.CreateClient();

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (path.Value.GetProperty("get").TryGetProperty("x-example-url", out var url))
            {
                var response = await client.GetAsync(url.GetString());
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task ReferencePage_RendersEveryEndpointWithoutScripts()
    {
        var response = await factory.CreateClient().GetAsync("/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var route in ApiRoutes())
        {
            Assert.Contains("<code>" + System.Net.WebUtility.HtmlEncode(route) + "</code>", html, StringComparison.Ordinal);
        }

        Assert.Contains("Example: <a href=\"/api/indicators/" + DemoData.Indicator, html, StringComparison.Ordinal);
        Assert.Contains("synthetic", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("https://www.rfc-editor.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
