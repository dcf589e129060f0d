using Geo.Core.Indicators;

namespace Geo.Data.Export;

/// <summary>One column of an export as its metadata describes it, from <see cref="IndicatorColumns"/>.</summary>
/// <param name="Name">The CSV header and JSON property.</param>
/// <param name="Type"><c>text</c>, <c>number</c> (up to 6 decimals) or <c>integer</c>.</param>
/// <param name="Unit">What the numbers count or measure (e.g. <c>events</c>, <c>share 0-1</c>); null for text and ranks.</param>
/// <param name="Description">What the column holds, in words.</param>
public sealed record ExportColumn(string Name, string Type, string? Unit, string Description)
{
    /// <summary>The description of every column, in order.</summary>
    public static IReadOnlyList<ExportColumn> All { get; } = [.. IndicatorColumns.All.Select(Of)];

    private static ExportColumn Of(IndicatorColumn column) => new(
        column.Name,
        column.Type switch
        {
            IndicatorColumnType.Text => "text",
            IndicatorColumnType.Integer => "integer",
            _ => "number",
        },
        column.Unit,
        column.Description);
}
