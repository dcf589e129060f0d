using Geo.Data.Import;
using Geo.Data.Manifest;

namespace Geo.Data.Indicators;

/// <summary>Reading an indicator row's figures from a <see cref="CsvTable"/>, with the checks shared by every format. Stateless.</summary>
internal static class IndicatorCells
{
    /// <summary>
    /// The numerator (the sum of <paramref name="columns"/>) or the score, or null when a cell is empty and the
    /// plan says to skip such rows. Counts must be 0 or more; a score may be any number.
    /// </summary>
    public static double? Numerator(CsvTable table, IReadOnlyList<CsvColumn> columns, IndicatorPlan plan, IndicatorRowCounts counts, string area)
    {
        var total = 0.0;
        foreach (var column in columns)
        {
            var value = table.GetOptionalDouble(column);
            if (value is null)
            {
                switch (plan.Blank)
                {
                    case BlankNumeratorRule.Skip:
                        counts.BlankColumn ??= column.Name;
                        counts.AddBlank(area);
                        return null;
                    case BlankNumeratorRule.Zero:
                        continue;
                    default:
                        throw table.Error(column, plan.IsScore
                            ? "is empty; a score is required (set file.blankNumerator to skip if empty cells mean no figure)"
                            : plan.IsProviderShare
                            ? "is empty; a proportion is required (set file.blankNumerator to skip to leave such providers out, and so their patients)"
                            : "is empty; a count is required (set file.blankNumerator to skip or zero if the publisher leaves small counts empty)");
                }
            }

            if (plan.IsProviderShare && value is < 0 or > 1)
            {
                throw table.Error(column, $"'{table.GetRaw(column)}' is not a proportion of the provider's patients: it must be from 0 to 1 (divide a percentage by 100)");
            }

            if (!plan.IsScore && value < 0)
            {
                throw table.Error(column, $"'{table.GetRaw(column)}' is negative; a count is 0 or more");
            }

            total += value.Value;
        }

        return total;
    }

    /// <summary>The denominator, which must be present and more than 0.</summary>
    public static double Denominator(CsvTable table, CsvColumn column)
    {
        var value = table.GetDouble(column);
        return value > 0 ? value : throw table.Error(column, $"'{table.GetRaw(column)}' is not a denominator: it must be more than 0");
    }

    /// <summary>The manifest's row filter as a column and value, or null.</summary>
    public static (CsvColumn Column, string Value)? Filter(CsvTable table, IndicatorFilterSpec? filter, IndicatorRowCounts counts)
    {
        if (filter is null)
        {
            return null;
        }

        var column = table.Column(filter.Column);
        var value = (filter.EqualTo ?? "").Trim();
        counts.FilterText = $"{column.Name} is not '{value}'";
        return (column, value);
    }

    public static bool Keeps(CsvTable table, (CsvColumn Column, string Value)? filter) =>
        filter is not { } f || string.Equals(table.GetRaw(f.Column), f.Value, StringComparison.OrdinalIgnoreCase);
}
