using System.ComponentModel;
using System.Net;
using System.Reflection;
using System.Text;
using Geo.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Geo.Api.Apis;

/// <summary>
/// <c>GET /docs</c>: the API reference as one self-contained HTML page (no scripts, no external
/// files), rendered on the server from the same endpoint metadata as the OpenAPI document, with an
/// example URL per endpoint that works against the dataset being served.
/// </summary>
public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/docs", GetReference)
            .WithName("GetApiReference")
            .WithSummary("This API's reference as an HTML page.")
            .ExcludeFromDescription();
        return app;
    }

    public static ContentHttpResult GetReference(IApiDescriptionGroupCollectionProvider explorer, ApiExamples examples, DatasetHost host)
    {
        var endpoints = explorer.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true)
            .OrderBy(d => d.RelativePath, StringComparer.Ordinal)
            .ToArray();
        var dataset = host.Dataset;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Geo HTTP API</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}\n")
            .Append("h2{font-size:1.1rem;margin-top:2rem;border-top:1px solid #ccc;padding-top:1rem}code{background:#f4f4f4;padding:0 .2rem}\n")
            .Append("table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}\n")
            .Append(".method{font-weight:bold;color:#05a}\n</style>\n</head>\n<body>\n")
            .Append("<h1>Geo HTTP API</h1>\n<p>Serving <strong>").Append(Encode(dataset.Name)).Append("</strong> (boundaries ")
            .Append(Encode(dataset.BoundaryVintage)).Append(')').Append(dataset.Synthetic ? ", a <strong>synthetic</strong> dataset: its figures are not real" : "")
            .Append(". ").Append(Encode(dataset.Suppression.Describe()))
            .Append(" Errors are RFC 9457 problem details. The machine-readable description is <a href=\"/openapi/v1.json\">/openapi/v1.json</a>.</p>\n")
            .Append("<ul>\n");
        foreach (var d in endpoints)
        {
            html.Append("<li><a href=\"#").Append(Encode(Anchor(d))).Append("\"><code>").Append(Encode(d.HttpMethod)).Append(" /")
                .Append(Encode(Path(d))).Append("</code></a></li>\n");
        }

        html.Append("</ul>\n");
        foreach (var d in endpoints)
        {
            var metadata = d.ActionDescriptor.EndpointMetadata;
            var summary = metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary;
            var description = metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description;
            var example = metadata.OfType<ApiExample>().FirstOrDefault();
            html.Append("<h2 id=\"").Append(Encode(Anchor(d))).Append("\"><span class=\"method\">").Append(Encode(d.HttpMethod))
                .Append("</span> <code>/").Append(Encode(Path(d))).Append("</code></h2>\n");
            if (summary is not null)
            {
                html.Append("<p><strong>").Append(Encode(summary)).Append("</strong></p>\n");
            }

            if (description is not null)
            {
                html.Append("<p>").Append(Encode(description)).Append("</p>\n");
            }

            var parameters = d.ParameterDescriptions
                .Where(p => p.Source.Id is "Path" or "Query")
                .ToArray();
            if (parameters.Length > 0)
            {
                html.Append("<table>\n<tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr>\n");
                foreach (var p in parameters)
                {
                    html.Append("<tr><td><code>").Append(Encode(p.Name)).Append("</code></td><td>").Append(p.Source.Id.ToLowerInvariant())
                        .Append("</td><td>").Append(Encode(TypeName(p.Type))).Append(p.IsRequired ? "" : ", optional").Append("</td><td>")
                        .Append(Encode(Description(p) ?? "")).Append("</td></tr>\n");
                }

                html.Append("</table>\n");
            }

            if (example is not null)
            {
                var url = examples.Fill(example.Template);
                html.Append("<p>Example: <a href=\"").Append(Encode(url)).Append("\"><code>").Append(Encode(url)).Append("</code></a></p>\n");
            }
        }

        html.Append("</body>\n</html>\n");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string Path(ApiDescription d) => d.RelativePath?.TrimEnd('/') ?? "";

    private static string Anchor(ApiDescription d) =>
        d.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName ?? d.RelativePath ?? "";

    private static string? Description(ApiParameterDescription p) =>
        (p.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttribute<DescriptionAttribute>()?.Description;

    private static string TypeName(Type? type)
    {
        var t = Nullable.GetUnderlyingType(type ?? typeof(string)) ?? type ?? typeof(string);
        return t == typeof(int) ? "integer" : t == typeof(double) ? "number" : t == typeof(bool) ? "boolean" : "string";
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
