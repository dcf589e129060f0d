using System.Text.Json.Serialization;
using Geo.Core.Indicators;

namespace Geo.Api.Apis;

/// <summary>
/// One published row in the API's answers: written column by column from <see cref="IndicatorColumns"/> (by
/// <see cref="IndicatorRowDtoConverter"/>), so it has exactly the columns of <c>geo export</c>, same names,
/// same rounding to 6 decimals, numbers as numbers and null where the export has an empty cell (suppressed,
/// undefined or not applicable). Written only, never read. Immutable and thread-safe.
/// </summary>
[JsonConverter(typeof(IndicatorRowDtoConverter))]
public sealed record IndicatorRowDto
{
    private IndicatorRowDto(IndicatorRow row, IndicatorDefinition definition, IReadOnlyList<IndicatorColumn> columns)
    {
        Row = row;
        Definition = definition;
        Columns = columns;
    }

    /// <summary>The published value, rounded as written; null when suppressed or undefined.</summary>
    public double? Value => IndicatorColumns.Value.NumberOf(Row);

    internal IndicatorRow Row { get; }

    internal IndicatorDefinition Definition { get; }

    /// <summary>The columns written, in order: every column unless the request chose some (<c>fields</c>).</summary>
    internal IReadOnlyList<IndicatorColumn> Columns { get; }

    /// <summary>The row of <paramref name="row"/>, its comparisons worded by <paramref name="definition"/>'s polarity.</summary>
    public static IndicatorRowDto From(IndicatorRow row, IndicatorDefinition definition) => new(row, definition, IndicatorColumns.All);

    /// <summary>The row of <paramref name="row"/> with only <paramref name="columns"/>, in their order.</summary>
    public static IndicatorRowDto From(IndicatorRow row, IndicatorDefinition definition, IReadOnlyList<IndicatorColumn> columns) =>
        new(row, definition, columns);
}
