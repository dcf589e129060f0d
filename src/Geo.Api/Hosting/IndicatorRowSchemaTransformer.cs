using Geo.Api.Apis;
using Geo.Core.Indicators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Geo.Api.Hosting;

/// <summary>
/// Describes <see cref="IndicatorRowDto"/> in the OpenAPI document from the row schema
/// (<see cref="IndicatorColumns"/>): the row is written by a converter, so the generator cannot see its
/// properties. Each column becomes a property with its JSON type, whether it may be null, and its description
/// and unit; <see cref="ColumnTable"/> likewise, each column an array. Stateless and thread-safe.
/// </summary>
public sealed class IndicatorRowSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(IndicatorRowDto))
        {
            Describe(schema);
        }
        else if (context.JsonTypeInfo.Type == typeof(ColumnTable))
        {
            DescribeTable(schema);
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.Object;
        schema.Description = "One published row: the columns of geo export, in order (only those named by fields=, in that "
            + "order, when the request chose some); null where the export has an empty cell.";
        schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schema.AdditionalPropertiesAllowed = false;
        foreach (var column in IndicatorColumns.All)
        {
            schema.Properties[column.Name] = Cell(column);
        }
    }

    private static void DescribeTable(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.Object;
        schema.Description = "The rows by column: each chosen field (fields=) with an array of the rows' values in row order, "
            + "the same cells as the rows form.";
        schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schema.AdditionalPropertiesAllowed = false;
        foreach (var column in IndicatorColumns.All)
        {
            schema.Properties[column.Name] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Cell(column) };
        }
    }

    /// <summary>A column's value: its JSON type, null when the column may be empty, its meaning and unit.</summary>
    private static OpenApiSchema Cell(IndicatorColumn column)
    {
        var type = column.Type switch
        {
            IndicatorColumnType.Text => JsonSchemaType.String,
            IndicatorColumnType.Integer => JsonSchemaType.Integer,
            _ => JsonSchemaType.Number,
        };
        return new OpenApiSchema
        {
            Type = column.Nullable ? type | JsonSchemaType.Null : type,
            Description = column.Unit is null ? column.Description : $"{column.Description} ({column.Unit})",
        };
    }
}
