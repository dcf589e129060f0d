using System.Globalization;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Data.Import;
using Geo.Data.Loading;
using Geo.Model;
using Geo.Tests;

namespace Geo.Data.Tests.Indicators;

/// <summary>The England manifest's indicators on the real files in ../shared/data/england, loaded once.</summary>
public sealed partial class IndicatorReaderTests
{
    internal static readonly Lazy<Dataset> England = new(() =>
        DatasetLoader.Load(Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json"), SharedData.EnglandDirectory));

    private static IndicatorSource EnglandIndicator(string id) => England.Value.Indicators.Single(i => i.Definition.Id == id);

    [EnglandFact]
    public void Load_EnglandManifest_ReadsEveryIndicator()
    {
        Assert.Equal(["copd-prevalence-qof-2021-22", "imd-score", "acute-morbidity", "income-deprivation", "population-65-plus-2020",
            "copd-prevalence-qof-2019-20", "asthma-prevalence-qof-2021-22", "diabetes-prevalence-qof-2021-22", "hypertension-prevalence-qof-2021-22"],
            England.Value.Indicators.Select(i => i.Definition.Id));
        Assert.All(England.Value.Indicators, i => Assert.NotEmpty(i.ImportNotes));
    }

    [EnglandFact]
    public void Load_EnglandDeprivationIndicators_CoverEveryNeighbourhood()
    {
        var imd = EnglandIndicator("imd-score");
        Assert.Equal(IndicatorValueType.Score, imd.Definition.ValueType);
        Assert.Equal(33_755, imd.Records.Count);
        Assert.Equal(["2025"], imd.Periods);
        Assert.Equal(8.742, imd.Records.Single(r => r.Area == "E01000001").Numerator);

        Assert.Equal(33_755, EnglandIndicator("acute-morbidity").Records.Count);

        // Five neighbourhoods' income numerators are published empty (suppressed small counts): left out, and said.
        var income = EnglandIndicator("income-deprivation");
        Assert.Equal(33_750, income.Records.Count);
        Assert.All(income.Records, r => Assert.Null(r.Denominator));
        Assert.Contains(income.ImportNotes, n => n.Contains("5 rows skipped: 'income_domain_numerator' empty", StringComparison.Ordinal));
        Assert.Contains(income.ImportNotes, n => n.Contains("5 of the dataset's neighbourhoods have no figure", StringComparison.Ordinal));
    }

    [EnglandFact]
    public void Load_EnglandPopulation65Plus_CountsEveryMappedRow()
    {
        var notes = EnglandIndicator("population-65-plus-2020").ImportNotes;

        // 32,844 English and 1,909 Welsh 2011 neighbourhoods; the kinds, found from the lookup's shape, agree with
        // the ONS change codes counted by 2011 code (U 33,647, S 861, M 239, X 6).
        Assert.Contains(notes, n => n.Contains(
            "34,753 figures for 34,753 2011 codes: 33,647 unchanged, 861 split, 239 merged, 6 complex, 0 not in the lookup.", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("1,909 figures mapped only, and 0 partly, to 2021 neighbourhoods outside this dataset", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("33,755 records for 33,755 of the dataset's 33,755 neighbourhoods", StringComparison.Ordinal));
    }

    [EnglandFact]
    public void Load_EnglandPopulation65Plus_ConservesTheEnglishNumerator()
    {
        var mapped = EnglandIndicator("population-65-plus-2020").Records;
        var columns = Enumerable.Range(65, 25).Select(a => a.ToString(CultureInfo.InvariantCulture)).Append("90+").ToArray();
        double english = 0, englishTotal = 0;
        using (var table = CsvTable.Open(SharedData.England("population", "sape_mid2020_lsoa11_syoa_persons_ew.csv")))
        {
            var code = table.Column("lsoa11_code");
            var total = table.Column("total_population");
            var ages = columns.Select(table.Column).ToArray();
            while (table.Read())
            {
                if (table.GetText(code).StartsWith("E01", StringComparison.Ordinal))
                {
                    english += ages.Sum(table.GetDouble);
                    englishTotal += table.GetDouble(total);
                }
            }
        }

        Assert.Equal(english, mapped.Sum(r => r.Numerator), 1e-6 * english);
        Assert.Equal(englishTotal, mapped.Sum(r => r.Denominator!.Value), 1e-6 * englishTotal);
        Assert.True(english > 10_000_000, $"{english:N0} people aged 65 and over in England in mid-2020");
    }

    [EnglandFact]
    public void Load_EnglandQof_KeepsDistrictsAndReportsReorganisedOnes()
    {
        var copd = EnglandIndicator("copd-prevalence-qof-2019-20");

        Assert.Equal(Level.Place, copd.DataLevel);
        // 290 districts, of which 10 split between systems give 2 records each: 300.
        Assert.Equal(300, copd.Records.Count);
        Assert.Equal(["2019/20"], copd.Periods);
        var hartlepool = copd.Records.Single(r => r.Area == "E06000001");
        Assert.True(hartlepool.Numerator / hartlepool.Denominator!.Value is > 0.02 and < 0.05);

        // 2019/20 districts since merged (Cumbria, Northamptonshire, North Yorkshire, Somerset) and Welsh ones.
        Assert.Contains(copd.ImportNotes, n => n.Contains("290 records kept for 290 of the dataset's 296 districts", StringComparison.Ordinal));
        Assert.Contains(copd.ImportNotes, n => n.Contains("31 codes that are not districts of this dataset were skipped", StringComparison.Ordinal)
            && n.Contains("E07000026", StringComparison.Ordinal) && n.Contains("W06000002", StringComparison.Ordinal));
        // Counted among the 310 places the export shows: the 6 districts without a figure make 10 places (3 are split).
        Assert.Contains(copd.ImportNotes, n => n.Contains("10 of the dataset's 310 places have no figure: E06000061, E06000062, "
            + "E06000063-E54000048, E06000063-E54000050, E06000064-E54000048, E06000064-E54000050, E06000065-E54000048, E06000065-E54000051, "
            + "E06000065-E54000054, E06000066.", StringComparison.Ordinal));
    }

    [EnglandFact]
    public void Publish_EnglandQof_NoPartialPlaceOfADistrictWithAFigureIsBlank()
    {
        // The district's published COPD register and list, read straight from the raw file.
        var published = RawCsv.Read(SharedData.England("health", "qof_lad_2019_20", "output_lad_prevalence.csv"), "lad_code", "group_code", "register", "list")
            .Where(r => r[1] == "COPD")
            .ToDictionary(r => r[0], r => (Register: double.Parse(r[2], CultureInfo.InvariantCulture), List: double.Parse(r[3], CultureInfo.InvariantCulture)));
        var view = England.Value.Indicator("copd-prevalence-qof-2019-20").Publish("2019/20");
        var parts = England.Value.Geography.AtLevel(Level.Place).Where(p => p.IsPartial).ToList();
        var withFigure = parts.Where(p => published.ContainsKey(p.DistrictCode!)).ToList();

        Assert.Equal(27, parts.Count);
        Assert.Equal(20, withFigure.Count);
        Assert.All(withFigure, p =>
        {
            var row = view.Get(p.Code);
            Assert.NotNull(row.Value);
            Assert.Equal($"apportioned from district {p.DistrictCode} by population", row.Note);
        });
        foreach (var district in withFigure.GroupBy(p => p.DistrictCode!))
        {
            var rows = district.Select(p => view.Get(p.Code)).ToList();
            Assert.Equal(published[district.Key].Register, rows.Sum(r => r.Count!.Value), 1e-6);
            Assert.Equal(published[district.Key].List, rows.Sum(r => r.Denominator!.Value), 1e-6);
            Assert.All(rows, r => Assert.Equal(published[district.Key].Register / published[district.Key].List * 100, r.Value!.Value, 9));
        }

        // Left blank: only the places of the 6 districts merged since 2019/20, 3 of them split (10 places).
        Assert.Equal(10, view.AtLevel(Level.Place).Count(r => r.Value is null));
    }
}
