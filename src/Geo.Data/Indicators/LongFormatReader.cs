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
        using var table = CsvTable.Open(path);
        var area = table.Column(file.Area!);
        CsvColumn? period = file.Period is null ? null : table.Column(file.Period);
        CsvColumn? band = file.AgeBand is null ? null : table.Column(file.AgeBand);
        CsvColumn? sex = file.Sex is null ? null : table.Column(file.Sex);
        CsvColumn[] figures = plan.ReadsValue ? [table.Column(file.Value!)]
            : file.Numerators is { } several ? several.Select(table.Column).ToArray()
            : [table.Column(file.Numerator!)];
        CsvColumn? denominator = file.Denominator is null ? null : table.Column(file.Denominator);
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
    }

    private static AgeBand Band(CsvTable table, CsvColumn column)
    {
        var text = table.GetText(column);
        return AgeBand.TryParse(text, out var band) ? band : throw table.Error(column, $"'{text}' is not an age band such as '0-4' or '90+'");
    }
}
