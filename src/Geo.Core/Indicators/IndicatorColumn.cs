using System.Globalization;

namespace Geo.Core.Indicators;

/// <summary>
/// One column of a published <see cref="IndicatorRow"/>: its name, type, unit and meaning, and how to read its
/// value from the row. <see cref="IndicatorColumns"/> declares them all, in order; every format (CSV, GeoJSON
/// properties, the API's JSON, the export metadata, the OpenAPI description) is written from that one list.
/// Immutable and thread-safe. A value is null where the row has none (suppressed, undefined or not applicable):
/// an empty CSV cell, a JSON null.
/// </summary>
public sealed record IndicatorColumn
{
    private readonly Func<IndicatorRow, IndicatorDefinition, string?>? _text;
    private readonly Func<IndicatorRow, double?>? _number;

    private IndicatorColumn(string name, IndicatorColumnType type, string? unit, bool nullable, string description,
        Func<IndicatorRow, IndicatorDefinition, string?>? text, Func<IndicatorRow, double?>? number)
    {
        Name = name;
        Type = type;
        Unit = unit;
        Nullable = nullable;
        Description = description;
        _text = text;
        _number = number;
    }

    /// <summary>The column's name: the CSV header, the JSON property.</summary>
    public string Name { get; }

    public IndicatorColumnType Type { get; }

    /// <summary>What the numbers count or measure (e.g. "events", "share 0-1"); null for text and for ranks.</summary>
    public string? Unit { get; }

    /// <summary>False for the columns every row has (code, name, level, period, coverage).</summary>
    public bool Nullable { get; }

    /// <summary>What the column holds, in words.</summary>
    public string Description { get; }

    /// <summary>A text column.</summary>
    public static IndicatorColumn OfText(string name, string description, Func<IndicatorRow, IndicatorDefinition, string?> value,
        bool nullable = true) =>
        new(name, IndicatorColumnType.Text, null, nullable, description, value, null);

    /// <summary>A number column, published rounded to 6 decimals.</summary>
    public static IndicatorColumn OfNumber(string name, string unit, string description, Func<IndicatorRow, double?> value,
        bool nullable = true) =>
        new(name, IndicatorColumnType.Number, unit, nullable, description, null, value);

    /// <summary>A whole-number column.</summary>
    public static IndicatorColumn OfInteger(string name, string description, Func<IndicatorRow, int?> value) =>
        new(name, IndicatorColumnType.Integer, null, true, description, null, row => value(row));

    /// <summary>The published text of a <see cref="IndicatorColumnType.Text"/> column; null rather than empty.</summary>
    /// <exception cref="InvalidOperationException">The column holds numbers.</exception>
    public string? TextOf(IndicatorRow row, IndicatorDefinition definition) =>
        _text is null
            ? throw new InvalidOperationException($"Column {Name} holds numbers, not text.")
            : _text(row, definition) is { Length: > 0 } text ? text : null;

    /// <summary>The published number of a number or integer column: rounded to 6 decimals.</summary>
    /// <exception cref="InvalidOperationException">The column holds text.</exception>
    public double? NumberOf(IndicatorRow row) =>
        _number is null
            ? throw new InvalidOperationException($"Column {Name} holds text, not numbers.")
            : _number(row) is { } v ? Math.Round(v, IndicatorColumns.Decimals) : null;

    /// <summary>The value as a CSV cell: invariant culture, up to 6 decimals, no thousands separators; empty for null.</summary>
    public string Cell(IndicatorRow row, IndicatorDefinition definition) =>
        Type == IndicatorColumnType.Text
            ? TextOf(row, definition) ?? ""
            : NumberOf(row)?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
}
