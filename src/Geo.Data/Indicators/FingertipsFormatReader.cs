using Geo.Data.Import;

namespace Geo.Data.Indicators;

/// <summary>
/// Reads an OHID Fingertips export. Columns are found by their usual names, with or without spaces
/// ("Area Code" or "AreaCode"), unless the manifest names them. Rows are taken for one indicator, one
/// sex (Persons unless <c>file.sexValue</c> says otherwise), one age and no sub-group (empty Category
/// Type). A count-based indicator reads Count and Denominator; a score reads Value. Periods are ordered by
/// "Time period Sortable" when the file has it. Stateless.
/// </summary>
internal static class FingertipsFormatReader
{
    private const string PersonsSex = "Persons";

    /// <returns>The sort key of each period, or null when the file has no sortable column.</returns>
    public static IReadOnlyDictionary<string, double>? Read(string path, IndicatorPlan plan, IndicatorAccumulator accumulator, IndicatorRowCounts counts)
    {
        var file = plan.File;
        using var table = CsvTable.Open(path);
        var area = Required(table, file.Area, "AreaCode");
        CsvColumn? period = file.FixedPeriod is null ? Required(table, file.Period, "TimePeriod") : null;
        var value = plan.IsScore ? Required(table, file.Value, "Value") : Optional(table, file.Value, "Value");
        CsvColumn? count = plan.IsScore ? null : Required(table, file.Numerator, "Count");
        CsvColumn? denominator = plan.IsScore ? null : Required(table, file.Denominator, "Denominator");
        var indicator = Optional(table, null, "IndicatorID");
        var sex = Optional(table, file.Sex, "Sex");
        var age = Optional(table, null, "Age");
        var category = Optional(table, null, "CategoryType");
        var sortable = Optional(table, null, "TimeperiodSortable");
        var filter = IndicatorCells.Filter(table, file.Filter, counts);
        if (file.IndicatorId is not null && indicator is null)
        {
            throw table.Error(null, "file.indicatorId is set but the file has no IndicatorID column");
        }

        var wantedSex = file.SexValue?.Trim() ?? PersonsSex;
        var wantedIndicator = file.IndicatorId?.Trim();
        var wantedAge = file.AgeValue?.Trim();
        (string Value, long Line)? firstIndicator = null;
        (string Value, long Line)? firstAge = null;
        var sortKeys = sortable is null ? null : new Dictionary<string, double>(StringComparer.Ordinal);
        var fixedPeriod = file.FixedPeriod?.Trim();
        CsvColumn[] figures = plan.IsScore ? [value!.Value] : [count!.Value];

        while (table.Read())
        {
            counts.Read++;
            if (indicator is { } ic)
            {
                var id = table.GetText(ic);
                if (wantedIndicator is not null)
                {
                    if (!string.Equals(id, wantedIndicator, StringComparison.OrdinalIgnoreCase))
                    {
                        counts.OtherIndicators++;
                        continue;
                    }
                }
                else if (firstIndicator is { } first && !string.Equals(first.Value, id, StringComparison.OrdinalIgnoreCase))
                {
                    throw table.Error(ic, $"the file holds several indicators ('{first.Value}' at line {first.Line}, '{id}' here); set file.indicatorId to the one to take");
                }
                else
                {
                    firstIndicator ??= (id, table.Line);
                }
            }

            if (category is { } cc && table.GetRaw(cc).Length > 0)
            {
                counts.SubGroups++;
                continue;
            }

            if (sex is { } sc && !string.Equals(table.GetRaw(sc), wantedSex, StringComparison.OrdinalIgnoreCase))
            {
                counts.OtherSexes++;
                continue;
            }

            if (!IndicatorCells.Keeps(table, filter))
            {
                counts.Filtered++;
                continue;
            }

            if (age is { } ac)
            {
                var a = table.GetRaw(ac);
                if (wantedAge is not null)
                {
                    if (!string.Equals(a, wantedAge, StringComparison.OrdinalIgnoreCase))
                    {
                        counts.OtherAges++;
                        continue;
                    }
                }
                else if (firstAge is { } first && !string.Equals(first.Value, a, StringComparison.OrdinalIgnoreCase))
                {
                    throw table.Error(ac, $"the file holds several ages ('{first.Value}' at line {first.Line}, '{a}' here); set file.ageValue to the one to take");
                }
                else
                {
                    firstAge ??= (a, table.Line);
                }
            }

            var code = table.GetText(area);
            var when = period is { } p ? table.GetText(p) : fixedPeriod!;
            if (sortKeys is not null && table.GetOptionalDouble(sortable!.Value) is { } key)
            {
                sortKeys[when] = Math.Min(key, sortKeys.GetValueOrDefault(when, double.MaxValue));
            }

            var figure = table.GetRaw(figures[0]);
            if (figure.Length == 0)
            {
                var published = value is { } vc ? table.GetRaw(vc) : "";
                if (plan.IsScore || published.Length == 0)
                {
                    counts.NoData++;
                    continue;
                }

                if (plan.Blank == BlankNumeratorRule.Error)
                {
                    throw table.Error(count, $"is empty but Value is '{published}': a {IndicatorTerms.Name(plan.Definition.ValueType)} is summed from counts, and a published rate cannot be added up; leave such areas out, import the indicator as a score, or set file.blankNumerator to skip");
                }
            }

            if (IndicatorCells.Numerator(table, figures, plan, counts, code) is not { } numerator)
            {
                continue;
            }

            double? d = denominator is { } dc ? IndicatorCells.Denominator(table, dc) : null;
            accumulator.Add(table, area, code, when, null, null, null, numerator, d);
        }

        return sortKeys;
    }

    /// <summary>The manifest's column when it names one, else the usual Fingertips column, which must exist.</summary>
    private static CsvColumn Required(CsvTable table, string? configured, string usual) =>
        configured is not null ? table.Column(configured) : Find(table, usual) ?? table.Column(usual);

    private static CsvColumn? Optional(CsvTable table, string? configured, string usual) =>
        configured is not null ? table.Column(configured) : Find(table, usual);

    /// <summary>A column whose name matches ignoring case and spaces: Fingertips' own downloads say "Area Code",
    /// other tools write "AreaCode".</summary>
    private static CsvColumn? Find(CsvTable table, string usual)
    {
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (string.Equals(table.Headers[i].Replace(" ", "", StringComparison.Ordinal), usual, StringComparison.OrdinalIgnoreCase))
            {
                return new CsvColumn(i, table.Headers[i]);
            }
        }

        return null;
    }
}
