using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Geo.Api.Hosting;

/// <summary>
/// Puts each endpoint's <see cref="ApiExample"/>, filled from the dataset being served, into the OpenAPI
/// document: the whole URL as <c>x-example-url</c> and each parameter's value as its example.
/// Stateless.
/// </summary>
public sealed class OpenApiExampleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiExample>().FirstOrDefault();
        if (example is null)
        {
            return Task.CompletedTask;
        }

        var url = context.ApplicationServices.GetRequiredService<ApiExamples>().Fill(example.Template);
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-example-url"] = new JsonNodeExtension(JsonValue.Create(url));

        var values = ExampleValues(context.Description.RelativePath ?? "", url);
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter p && p.Name is not null && values.TryGetValue(p.Name, out var value))
            {
                p.Example = JsonValue.Create(value);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Parameter values of an example URL: path values by the route template's placeholders, then the query.</summary>
    public static Dictionary<string, string> ExampleValues(string routeTemplate, string url)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var parts = url.Split('?', 2);
        var template = routeTemplate.Split('?')[0].Trim('/').Split('/');
        var path = parts[0].Trim('/').Split('/');
        for (var i = 0; i < Math.Min(template.Length, path.Length); i++)
        {
            var t = template[i];
            var open = t.IndexOf('{', StringComparison.Ordinal);
            var close = t.IndexOf('}', StringComparison.Ordinal);
            if (open < 0 || close < open)
            {
                continue;
            }

            // A segment like "{code}" or a literal around it ("children.csv" has none; "{id}" has no suffix).
            var suffix = t[(close + 1)..];
            var value = path[i];
            if (suffix.Length > 0 && value.EndsWith(suffix, StringComparison.Ordinal))
            {
                value = value[..^suffix.Length];
            }

            values[t[(open + 1)..close].Split(':')[0]] = Uri.UnescapeDataString(value[open..]);
        }

        if (parts.Length == 2)
        {
            foreach (var pair in parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                values[kv[0]] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            }
        }

        return values;
    }
}
