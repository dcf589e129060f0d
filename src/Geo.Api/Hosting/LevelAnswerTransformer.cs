using Geo.Api.Apis;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Geo.Api.Hosting;

/// <summary>
/// The level endpoint answers rows (<see cref="IndicatorRowsDto"/>) or, with <c>format=columns</c>, columns
/// (<see cref="IndicatorColumnsDto"/>), both with status 200; the generator keeps one of the two, so its 200 is set here to
/// one of either. Stateless.
/// </summary>
public sealed class LevelAnswerTransformer : IOpenApiOperationTransformer
{
    public const string OperationId = "GetIndicatorLevel";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId != OperationId || operation.Responses?.GetValueOrDefault("200")?.Content is not { } content)
        {
            return;
        }

        var rows = await context.GetOrCreateSchemaAsync(typeof(IndicatorRowsDto), null, cancellationToken);
        var columns = await context.GetOrCreateSchemaAsync(typeof(IndicatorColumnsDto), null, cancellationToken);
        context.Document?.AddComponent(nameof(IndicatorRowsDto), rows);
        context.Document?.AddComponent(nameof(IndicatorColumnsDto), columns);
        content["application/json"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Description = "Rows (IndicatorRowsDto), or with format=columns one array per field (IndicatorColumnsDto).",
                OneOf = [
                    new OpenApiSchemaReference(nameof(IndicatorRowsDto), context.Document),
                    new OpenApiSchemaReference(nameof(IndicatorColumnsDto), context.Document),
                ],
            },
        };
    }
}
