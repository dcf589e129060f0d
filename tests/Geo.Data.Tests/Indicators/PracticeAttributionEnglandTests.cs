using System.Globalization;
using Geo.Core.Attribution;
using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Geo.Tests;
using Xunit.Abstractions;

namespace Geo.Data.Tests.Indicators;

/// <summary>
/// QOF 2021/22 practice prevalence attributed to England's neighbourhoods (the England manifest's
/// <c>copd-prevalence-qof-2021-22</c>), checked against the two NHS files read here with plain code
/// (<see cref="RawCsv"/>, not Geo's importer), and against the House of Commons Library's 2019/20 district estimates.
/// </summary>
public sealed class PracticeAttributionEnglandTests(ITestOutputHelper output)
{
    private const string Copd = "copd-prevalence-qof-2021-22";
    private const string Period = "2021/22";

    private static readonly Lazy<RawPractices> Raw = new(() => RawPractices.Read("COPD-prevalance"));

    [EnglandFact]
    public void Load_EnglandCopd_AttributedTotalIsTheFilesRegisterTotalOfEnglishPatients()
    {
        var raw = Raw.Value;
        var records = IndicatorReaderTests.England.Value.Indicators.Single(i => i.Definition.Id == Copd).Records;

        // The file's national register: Σ over practices in both files of prevalence × list size (all its patients).
        var matched = raw.Prevalence.Keys.Where(raw.All.ContainsKey).ToArray();
        var national = matched.Sum(p => raw.Prevalence[p] * raw.All[p]);

        // What England's neighbourhoods can hold: the same over patients living in English LSOAs (E01…); the rest
        // live in Wales or have no LSOA (NO2011).
        var english = matched.Sum(p => raw.Prevalence[p] * raw.English.GetValueOrDefault(p));
        var englishPatients = matched.Sum(p => raw.English.GetValueOrDefault(p));
        var attributed = records.Sum(r => r.Numerator);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"national register {national:N1}; of English residents {english:N1}; attributed {attributed:N1} over {records.Count:N0} neighbourhoods"));

        Assert.Equal(english, attributed, 1e-9 * english);
        Assert.Equal(englishPatients, records.Sum(r => r.Denominator!.Value), 1e-9 * englishPatients);
        Assert.True(national - attributed is > 0 and < 1_000, $"{national - attributed:N1} of the register live outside England's neighbourhoods");
        Assert.Equal(33_755, records.Count);
    }

    [EnglandFact]
    public void Attribute_EnglandCopd_EachPracticesRegisterIsDistributedWhole()
    {
        var raw = Raw.Value;
        var result = ProviderAttribution.Attribute(IndicatorReaderTests.England.Value.Flows!.Flows, raw.Prevalence);
        var byPractice = result.Providers.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);

        var checkedPractices = 0;
        foreach (var (practice, patients) in raw.English)
        {
            if (!raw.Prevalence.TryGetValue(practice, out var prevalence))
            {
                continue;
            }

            var expected = prevalence * patients;
            Assert.Equal(expected, byPractice[practice].Numerator, 1e-9 * Math.Max(1, expected));
            Assert.Equal(patients, byPractice[practice].Denominator, 1e-9 * Math.Max(1, patients));
            checkedPractices++;
        }

        Assert.Equal(checkedPractices, result.Providers.Count);
        Assert.Equal(raw.Prevalence.Keys.Where(p => !raw.All.ContainsKey(p)).Order(StringComparer.Ordinal), result.WithoutFlows);
        Assert.Equal(raw.All.Keys.Where(p => !raw.Prevalence.ContainsKey(p)).Order(StringComparer.Ordinal), result.WithoutFigure.Select(p => p.Key));
        output.WriteLine($"{checkedPractices:N0} practices distributed whole; {result.WithoutFlows.Count} with a figure but no patients; {result.WithoutFigure.Count} with patients but no figure");
    }

    [EnglandFact]
    public void Load_EnglandCopdByDistrict_RanksAsTheHouseOfCommonsLibrary201920Estimates()
    {
        // Districts of each 2021 neighbourhood from the lookup itself; the 2021/22 attribution summed to them.
        var district = RawCsv.Read(SharedData.England("lookups", "lsoa21_sicbl24_icb24_lad24_rgn24_nhser_en.csv"), "LSOA21CD", "LAD24CD")
            .ToDictionary(r => r[0], r => r[1]);
        var sums = new Dictionary<string, (double Register, double List)>();
        foreach (var r in IndicatorReaderTests.England.Value.Indicators.Single(i => i.Definition.Id == Copd).Records)
        {
            var d = district[r.Area];
            var (register, list) = sums.GetValueOrDefault(d);
            sums[d] = (register + r.Numerator, list + r.Denominator!.Value);
        }

        var library = RawCsv.Read(SharedData.England("health", "qof_lad_2019_20", "output_lad_prevalence.csv"), "lad_code", "group_code", "register", "list")
            .Where(r => r[1] == "COPD")
            .ToDictionary(r => r[0], r => Number(r[2]) / Number(r[3]));
        var both = sums.Keys.Where(library.ContainsKey).Order(StringComparer.Ordinal).ToArray();
        var ours = both.Select(d => sums[d].Register / sums[d].List).ToArray();
        var theirs = both.Select(d => library[d]).ToArray();

        var spearman = Pearson(Ranks(ours), Ranks(theirs));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{both.Length} districts in both; Spearman {spearman:F4}; Pearson {Pearson(ours, theirs):F4}; mean difference {ours.Zip(theirs, (a, b) => a - b).Average() * 100:F3} points"));
        Assert.Equal(290, both.Length);
        Assert.True(spearman > 0.9, $"Spearman {spearman:F4}");
    }

    [EnglandFact]
    public void Publish_EnglandCopd_SmallEstimatedCountsAreHidden()
    {
        var engine = IndicatorReaderTests.England.Value.Indicator(Copd);
        var truth = engine.Compute(Period).Where(r => r.Area.Level == Level.Neighbourhood).ToDictionary(r => r.Area.Code, r => r.Count!.Value);
        var view = engine.Publish(Period);

        var small = truth.Where(t => t.Value is > 0 and < 8).Select(t => t.Key).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{small.Length} neighbourhoods with an estimated count between 0 and 8, e.g. {string.Join(", ", small.Take(5).Select(c => $"{c} {truth[c]:F2}"))}"));
        Assert.NotEmpty(small);
        Assert.All(small, c =>
        {
            Assert.Equal(SuppressionReason.Primary, view.Get(c).Suppression);
            Assert.Null(view.Get(c).Count);
            Assert.Null(view.Get(c).Value);
        });
        Assert.All(view.AtLevel(Level.Neighbourhood).Where(r => r.Count is not null), r => Assert.True(r.Count!.Value is 0 or >= 8, $"{r.Area.Code} shows {r.Count}"));
    }

    [EnglandFact]
    public void Compute_EnglandCopd_MiddlesbroughAboveEngland()
    {
        var rows = IndicatorReaderTests.England.Value.Indicator(Copd).Compute(Period).ToDictionary(r => r.Area.Code);
        var england = rows["E92000001"];
        var middlesbrough = rows["E06000002"];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"England {england.Value:F3}% ({england.Count:N1} of {england.Denominator:N0}); Middlesbrough {middlesbrough.Value:F3}% ({middlesbrough.Lower95:F3} to {middlesbrough.Upper95:F3}; {middlesbrough.Count:N1} of {middlesbrough.Denominator:N0})"));

        Assert.True(middlesbrough.Lower998 > england.Value, "Middlesbrough's COPD prevalence is significantly above England's");
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Ranks from 1, ties sharing their mean rank.</summary>
    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = ((i + j) / 2.0) + 1;
            }

            i = j + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>The two NHS files as plain numbers: each practice's prevalence, and its patients in all and in English LSOAs.</summary>
    private sealed record RawPractices(Dictionary<string, double> Prevalence, Dictionary<string, double> All, Dictionary<string, double> English)
    {
        public static RawPractices Read(string column)
        {
            var prevalence = RawCsv.Read(SharedData.England("health", "gp_practices", "qof_2021_22_practice_prevalence.csv"), "OrganisationCode", column)
                .ToDictionary(r => r[0], r => Number(r[1]));
            var all = new Dictionary<string, double>();
            var english = new Dictionary<string, double>();
            foreach (var r in RawCsv.Read(SharedData.England("health", "gp_practices", "gp_registered_patients_by_practice_lsoa11_jul2022.csv"), "OrganisationCode", "LSOA11CD", "Patient"))
            {
                var patients = Number(r[2]);
                all[r[0]] = all.GetValueOrDefault(r[0]) + patients;
                if (r[1].StartsWith("E01", StringComparison.Ordinal))
                {
                    english[r[0]] = english.GetValueOrDefault(r[0]) + patients;
                }
            }

            return new RawPractices(prevalence, all, english);
        }
    }
}
