using Geo.Core.Sources;
using Geo.Data.Import;

namespace Geo.Data.Indicators;

/// <summary>
/// Reads the <c>long</c> format: one row per area × period (× age band × sex), the columns named by the
/// manifest. Streams the file; every bad cell is a <see cref="GeoDataException"/> naming file, line and
/// column. Stateless.
/// </summary>
internal static class LongFormatReader
{
    public static void Read(string path, IndicatorPlan plan, IndicatorAccumulator accumulator, IndicatorRowCounts counts)
    {
        var file = plan.File;
        var problems = plan.Context.Problems;
        using var table = plan.Context.Content is { } content ? CsvTable.Open(content(), path) : CsvTable.Open(path);

        // With a problem list, every missing column is named before giving up; without, the first stops the read.
        CsvColumn Column(string name)
        {
            try
            {
                return table.Column(name);
            }
            catch (GeoDataException e) when (problems is not null)
            {
                problems.Add(e);
                return default;
            }
        }

        var area = Column(file.Area!);
        CsvColumn? period = file.Period is null ? null : Column(file.Period);
        CsvColumn? band = file.AgeBand is null ? null : Column(file.AgeBand);
        CsvColumn? sex = file.Sex is null ? null : Column(file.Sex);
        CsvColumn[] figures = plan.ReadsValue ? [Column(file.Value!)]
            : file.Numerators is { } several ? several.Select(Column).ToArray()
            : [Column(file.Numerator!)];
        CsvColumn? denominator = file.Denominator is null ? null : Column(file.Denominator);
        if (problems is { Count: > 0 })
        {
            return;
        }

        var filter = IndicatorCells.Filter(table, file.Filter, counts);
        var fixedPeriod = file.FixedPeriod?.Trim();

        while (table.Read())
        {
            counts.Read++;
            if (!IndicatorCells.Keeps(table, filter))
            {
                counts.Filtered++;
                continue;
            }

            try
            {
                var code = table.GetText(area);
                var when = period is { } p ? table.GetText(p) : fixedPeriod!;
                AgeBand? ageBand = band is { } b ? Band(table, b) : null;
                var sexText = sex is { } s ? table.GetText(s) : null;
                if (IndicatorCells.Numerator(table, figures, plan, counts, code) is not { } numerator)
                {
                    continue;
                }

                double? d = denominator is { } dc ? IndicatorCells.Denominator(table, dc) : null;
                accumulator.Add(table, area, code, when, ageBand, band?.Name, sexText, numerator, d);
            }
            catch (GeoDataException e) when (problems is not null)
            {
                // One problem a row: the first bad cell; the row is left out and reading goes on.
                problems.Add(e);
            }
        }
    }

    private static AgeBand Band(CsvTable table, CsvColumn column)
    {
        var text = table.GetText(column);
        return AgeBand.TryParse(text, out var band) ? band : throw table.Error(column, $"'{text}' is not an age band such as '0-4' or '90+'");
    }
}
