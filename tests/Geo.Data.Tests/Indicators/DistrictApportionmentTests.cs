using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Data.Loading;
using Geo.Model;

namespace Geo.Data.Tests.Indicators;

/// <summary>
/// District figures on partial places, on tests/fixtures/apportion: Splitford (E07000001) is split between Alpha
/// (E54000001: neighbourhoods of 1,200 and 1,800 people, 2,500 of them aged 0-64 and 500 aged 65+) and Beta (E54000002:
/// one neighbourhood of 7,000, 5,000 aged 0-64 and 2,000 aged 65+). Expected figures are worked by hand from those numbers.
/// </summary>
public class DistrictApportionmentTests
{
    private const string PartInAlpha = "E07000001-E54000001";
    private const string PartInBeta = "E07000001-E54000002";
    private const string Note = "apportioned from district E07000001 by population";

    private static readonly Lazy<Dataset> Fixture = new(() =>
        DatasetLoader.Load(Path.Combine(AppContext.BaseDirectory, "fixtures", "apportion", "apportion.dataset.json")));

    private static IndicatorView Published(string id, string period) => Fixture.Value.Indicator(id).Publish(period);

    [Fact]
    public void Publish_DistrictCountAndDenominator_SplitByPartPopulation()
    {
        var view = Published("register", "2019/20");

        // 100 on the register over a list of 10,000; the parts hold 3,000 and 7,000 people: 30 and 70, lists 3,000 and 7,000.
        var alpha = view.Get(PartInAlpha);
        var beta = view.Get(PartInBeta);
        Assert.Equal(30, alpha.Count!.Value, 9);
        Assert.Equal(3_000, alpha.Denominator!.Value, 9);
        Assert.Equal(70, beta.Count!.Value, 9);
        Assert.Equal(7_000, beta.Denominator!.Value, 9);
        Assert.Equal(1.0, alpha.Value!.Value, 9);
        Assert.Equal(1.0, beta.Value!.Value, 9);
        Assert.Equal(Note, alpha.Note);
        Assert.Equal(Note, beta.Note);

        // Whole districts keep their figures and carry no note; Alpha = part (30) + Othertown (80).
        Assert.Equal(150, view.Get("E07000002").Count);
        Assert.Null(view.Get("E07000002").Note);
        Assert.Equal(110, view.Get("E54000001").Count!.Value, 9);
        Assert.Equal(330, view.Get("E92000001").Count!.Value, 9);
    }

    [Fact]
    public void Publish_AgeBandedCounts_SplitBandByBand()
    {
        var view = Published("admissions-by-age", "2019/20");

        // 0-64: 40 events, Alpha's part holds 2,500 of 7,500 → 13 1/3; 65+: 60 events, 500 of 2,500 → 12.
        var alpha = view.Get(PartInAlpha);
        var beta = view.Get(PartInBeta);
        Assert.Equal((40.0 / 3) + 12, alpha.Count!.Value, 9);
        Assert.Equal((80.0 / 3) + 48, beta.Count!.Value, 9);
        Assert.Equal(100, alpha.Count.Value + beta.Count.Value, 9);

        // The denominator is the dataset's population of each part's neighbourhoods.
        Assert.Equal(3_000, alpha.Denominator!.Value, 9);
        Assert.Equal(7_000, beta.Denominator!.Value, 9);
        Assert.Equal(((40.0 / 3) + 12) / 3_000 * 100_000, alpha.Value!.Value, 6);
        Assert.Equal(Note, alpha.Note);
    }

    [Fact]
    public void Publish_Score_EachPartTakesTheDistrictsValue()
    {
        var view = Published("score", "2019");

        Assert.Equal(25.5, view.Get(PartInAlpha).Value!.Value, 9);
        Assert.Equal(25.5, view.Get(PartInBeta).Value!.Value, 9);
        Assert.Equal(Note, view.Get(PartInBeta).Note);

        // Alpha: population-weighted mean of the part (25.5 over 3,000) and Othertown (30 over 4,000).
        Assert.Equal(((25.5 * 3_000) + (30 * 4_000)) / 7_000, view.Get("E54000001").Value!.Value, 9);
    }

    [Fact]
    public void Publish_OnePartSmall_BothPartsAndASiblingOfEachHidden()
    {
        var view = Published("small-counts", "2019/20");

        // 20 events split 3,000/7,000: 6 (small) and 14. Showing 14 would give the district's 20 (14 / 0.7) and so the 6.
        var alpha = view.Get(PartInAlpha);
        var beta = view.Get(PartInBeta);
        Assert.Equal(SuppressionReason.Primary, alpha.Suppression);
        Assert.Equal(SuppressionReason.Secondary, beta.Suppression);
        Assert.Null(alpha.Count);
        Assert.Null(beta.Count);
        Assert.Null(beta.Value);
        Assert.Contains(Note, beta.Note, StringComparison.Ordinal);

        // Each system = its part + one whole district: the whole districts are hidden too, or subtraction gives the parts.
        Assert.Equal(SuppressionReason.Secondary, view.Get("E07000003").Suppression);
        Assert.Equal(SuppressionReason.Secondary, view.Get("E07000002").Suppression);
        Assert.Equal(306, view.Get("E54000001").Count!.Value, 9);
        Assert.Equal(514, view.Get("E54000002").Count!.Value, 9);
    }

    [Fact]
    public void Publish_BothPartsSmall_BothHiddenAsSmall()
    {
        var view = Published("small-counts", "2020/21");

        // 10 events: 3 and 7.
        Assert.Equal(SuppressionReason.Primary, view.Get(PartInAlpha).Suppression);
        Assert.Equal(SuppressionReason.Primary, view.Get(PartInBeta).Suppression);
    }

    [Fact]
    public void Publish_NoPartShownBesideAHiddenOne_InEveryPeriod()
    {
        foreach (var period in new[] { "2019/20", "2020/21" })
        {
            var view = Published("small-counts", period);
            Assert.Equal(view.Get(PartInAlpha).Count is null, view.Get(PartInBeta).Count is null);
        }
    }

    [Fact]
    public void Describe_DistrictData_StatesTheApportioning()
    {
        Assert.Contains("apportioned to their parts (partial places) by the 2021 population", Fixture.Value.Indicator("register").Describe(),
            StringComparison.Ordinal);
        Assert.Contains("apportioned", Published("register", "2019/20").Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DistrictData_NotesTheApportioningAndCountsPlaces()
    {
        var source = Fixture.Value.Indicators.Single(i => i.Definition.Id == "register");

        Assert.Equal([PartInAlpha, PartInBeta, "E07000002", "E07000003"], source.Records.Select(r => r.Area).Order(StringComparer.Ordinal));
        Assert.Contains(source.ImportNotes, n => n.Contains("1 district split between systems apportioned to their 2 partial places by population", StringComparison.Ordinal)
            && n.Contains("E07000001 (E07000001-E54000001 30.0%, E07000001-E54000002 70.0%)", StringComparison.Ordinal));
        Assert.DoesNotContain(source.ImportNotes, n => n.Contains("have no figure", StringComparison.Ordinal));
    }
}
