using Geo.Api.Apis;
using Geo.Core.Indicators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Geo.Api.Hosting;

/// <summary>
/// Describes <see cref="IndicatorRowDto"/> in the OpenAPI document from the row schema
/// (<see cref="IndicatorColumns"/>): the row is written by a converter, so the generator cannot see its
/// properties. Each column becomes a property with its JSON type, whether it may be null, and its description
/// and unit. Stateless and thread-safe.
/// </summary>
public sealed class IndicatorRowSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(IndicatorRowDto))
        {
            Describe(schema);
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.Object;
        schema.Description = "One published row: the columns of geo export, in order; null where the export has an empty cell.";
        schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schema.Required = new HashSet<string>(StringComparer.Ordinal);
        schema.AdditionalPropertiesAllowed = false;
        foreach (var column in IndicatorColumns.All)
        {
            var type = column.Type switch
            {
                IndicatorColumnType.Text => JsonSchemaType.String,
                IndicatorColumnType.Integer => JsonSchemaType.Integer,
                _ => JsonSchemaType.Number,
            };
            schema.Properties[column.Name] = new OpenApiSchema
            {
                Type = column.Nullable ? type | JsonSchemaType.Null : type,
                Description = column.Unit is null ? column.Description : $"{column.Description} ({column.Unit})",
            };
            schema.Required.Add(column.Name);
        }
    }
}
