using System.Globalization;

namespace Geo.Core.Tests.Statistics;

/// <summary>One record of a <see cref="ReferenceCsv"/>, read by column name.</summary>
internal sealed class ReferenceRow(ReferenceCsv table, int line, string[] fields)
{
    public int Line { get; } = line;

    public string this[string column]
    {
        get
        {
            var i = table.IndexOf(column);
            return i < fields.Length ? fields[i].Trim() : string.Empty;
        }
    }

    public bool Has(string column) => this[column].Length > 0;

    public double Number(string column) =>
        OptionalNumber(column) ?? throw new InvalidDataException($"{table.Name} line {Line}: '{column}' is empty");

    public double? OptionalNumber(string column)
    {
        var text = this[column];
        return text.Length == 0 ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>A missing value read as zero, as the R package does for counts (<c>na.zero</c>).</summary>
    public double NumberOrZero(string column) => OptionalNumber(column) ?? 0;

    public override string ToString() => $"{table.Name} line {Line}";
}
