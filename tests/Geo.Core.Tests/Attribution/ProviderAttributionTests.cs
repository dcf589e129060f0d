using Geo.Core.Attribution;
using Geo.Core.Sources;

namespace Geo.Core.Tests.Attribution;

/// <summary>
/// Three practices and three neighbourhoods, worked by hand. P1 (2% COPD) has 100 patients in N1 and 300 in N2;
/// P2 (5%) has 200 in N2 and 50 in N3; P3 (10%) has 40 in N3. P4 has 60 patients in N1 but no figure; P5 has a
/// figure but no patients.
/// </summary>
public class ProviderAttributionTests
{
    private const double Tolerance = 1e-9;

    private static readonly ProviderFlow[] Flows =
    [
        new("P1", "N1", 100, 2), new("P1", "N2", 300, 3), new("P2", "N2", 200, 4), new("P2", "N3", 50, 5),
        new("P3", "N3", 40, 6), new("P4", "N1", 60, 7),
    ];

    private static readonly Dictionary<string, double> Prevalence = new() { ["P1"] = 0.02, ["p2"] = 0.05, ["P3"] = 0.10, ["P5"] = 0.03 };

    [Fact]
    public void Attribute_HandWorked_EachNeighbourhoodSumsProportionTimesPatients()
    {
        var r = ProviderAttribution.Attribute(Flows, Prevalence).Neighbourhoods.ToDictionary(n => n.Code);

        // N1: .02 × 100 = 2 of 100 patients (P4's 60 have no figure and are left out of both).
        Assert.Equal(2, r["N1"].Numerator, Tolerance);
        Assert.Equal(100, r["N1"].Denominator, Tolerance);

        // N2: .02 × 300 + .05 × 200 = 6 + 10 = 16 of 500.
        Assert.Equal(16, r["N2"].Numerator, Tolerance);
        Assert.Equal(500, r["N2"].Denominator, Tolerance);

        // N3: .05 × 50 + .10 × 40 = 2.5 + 4 = 6.5 of 90: not a whole number.
        Assert.Equal(6.5, r["N3"].Numerator, Tolerance);
        Assert.Equal(90, r["N3"].Denominator, Tolerance);
        Assert.Equal(["N1", "N2", "N3"], r.Keys);
        Assert.Equal("P2", r["N3"].First);
    }

    [Fact]
    public void Attribute_HandWorked_EachRegisterIsDistributedWhole()
    {
        var result = ProviderAttribution.Attribute(Flows, Prevalence);
        var providers = result.Providers.ToDictionary(p => p.Code);

        // P1: .02 × 400 = 8; P2: .05 × 250 = 12.5; P3: .10 × 40 = 4; in all 24.5 = 2 + 16 + 6.5.
        Assert.Equal(8, providers["P1"].Numerator, Tolerance);
        Assert.Equal(400, providers["P1"].Denominator, Tolerance);
        Assert.Equal(12.5, providers["P2"].Numerator, Tolerance);
        Assert.Equal(4, providers["P3"].Numerator, Tolerance);
        Assert.Equal(24.5, result.Neighbourhoods.Sum(n => n.Numerator), Tolerance);
        Assert.Equal(690, result.Neighbourhoods.Sum(n => n.Denominator), Tolerance);
    }

    [Fact]
    public void Attribute_UnmatchedProviders_AreReportedNotGuessed()
    {
        var result = ProviderAttribution.Attribute(Flows, Prevalence);

        Assert.Equal(["P5"], result.WithoutFlows);
        Assert.Equal([new KeyValuePair<string, double>("P4", 60)], result.WithoutFigure);
    }

    [Fact]
    public void Attribute_PairListedTwice_AddsUp()
    {
        var result = ProviderAttribution.Attribute([new("P1", "N1", 100, 2), new("P1", "N1", 50, 3)], Prevalence);

        Assert.Equal(3, result.Neighbourhoods.Single().Numerator, Tolerance);
        Assert.Equal(150, result.Neighbourhoods.Single().Denominator, Tolerance);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Attribute_ProportionOutside0To1_Throws(double proportion)
    {
        var e = Assert.Throws<ArgumentException>(() => ProviderAttribution.Attribute(Flows, new Dictionary<string, double> { ["P1"] = proportion }));
        Assert.Contains("P1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_NegativeFlow_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => ProviderAttribution.Attribute([new("P1", "N1", -1, 9)], Prevalence));
        Assert.Contains("line 9", e.Message, StringComparison.Ordinal);
    }
}
