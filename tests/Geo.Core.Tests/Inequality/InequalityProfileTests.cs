using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Inequality;
using Geo.Core.Reports;
using Geo.Core.Sources;
using Geo.Core.Statistics;
using Geo.Core.Tests.Indicators;

namespace Geo.Core.Tests.Inequality;

public class InequalityProfileTests
{
    private static IndicatorSource Source(IndicatorValueType type, Level level = Level.Neighbourhood) => new()
    {
        Definition = new IndicatorDefinition("x", "X", type, 100_000, Polarity.HigherIsWorse, "per 100,000", "test"),
        Periods = ["2024"],
        Records = [],
        File = "test",
        DataLevel = level,
    };

    [Fact]
    public void Unsupported_ScoresAndPlaceData_SayWhy_CountsAreSupported()
    {
        Assert.Contains("score", InequalityProfile.Unsupported(Source(IndicatorValueType.Score)), StringComparison.Ordinal);
        Assert.Contains("place", InequalityProfile.Unsupported(Source(IndicatorValueType.CrudeRate, Level.Place)), StringComparison.Ordinal);
        Assert.Null(InequalityProfile.Unsupported(Source(IndicatorValueType.DirectlyStandardisedRate)));
        Assert.Null(InequalityProfile.Unsupported(Source(IndicatorValueType.Proportion)));
    }

    [Fact]
    public void NeighbourhoodContiguity_Within_KeepsOnlyLinksInsideTheList()
    {
        // 3 × 3 squares: a0 a1 a2 / a3 a4 a5 / a6 a7 a8
        var squares = TestGrid.Squares(3, 3);
        var contiguity = NeighbourhoodContiguity.Build([.. squares.Select((g, i) => ($"a{i}", g))]);

        var graph = contiguity.Within(["a0", "a1", "a8", "missing"]);

        Assert.Equal(8, contiguity.Graph.Neighbours(4).Count);
        Assert.Equal([1], graph.Neighbours(0));
        Assert.Equal([0], graph.Neighbours(1));
        Assert.Empty(graph.Neighbours(2));
        Assert.Empty(graph.Neighbours(3));
    }

    /// <summary>
    /// Tiny hierarchy (N1, N2 in D1; N3 in D2; N4, N5 in D3), crude rate per 100,000, whole country profiled.
    /// Deciles: N1 1, N2 2, N3 5, N4 9, N5 1, so Core20 = N1 + N2 + N5 and the rest = N3 + N4.
    /// People 1,000, 2,000, 3,000, 3,000, 1,000 (10,000); events 40, 50, 70, 20, 30 (210). England's rate is
    /// 0.021 a head, so expected = 21, 42, 63, 63, 21 and excess = +19, +8, +7, −43, +9: positive excess 43,
    /// of which Core20 has 19 + 8 + 9 = 36.
    /// </summary>
    [Fact]
    public void Calculate_TinyHierarchy_GroupSumsAndSharesAsByHand()
    {
        var engine = TinyEngine([("N1", 40), ("N2", 50), ("N3", 70), ("N4", 20), ("N5", 30)], SuppressionPolicy.Default);
        var geography = TinyGeography.Build();

        var profile = InequalityProfile.Calculate(engine, "2024", geography.Root, geography, TinyDeprivation());

        var core20 = profile.Core20;
        Assert.Equal(3, core20.Neighbourhoods);
        Assert.Equal(4000, core20.Population, 9);
        Assert.Equal(0.4, core20.PopulationShare, 12);
        Assert.Equal(120, core20.Count!.Value, 9);
        Assert.Equal(120.0 / 210, core20.EventShare!.Value, 12);
        Assert.Equal(36.0 / 43, core20.PositiveExcessShare!.Value, 12);
        Assert.Equal(3000, core20.Value!.Value, 9);

        var rest = profile.Rest;
        Assert.Equal(2, rest.Neighbourhoods);
        Assert.Equal(6000, rest.Population, 9);
        Assert.Equal(0.6, rest.PopulationShare, 12);
        Assert.Equal(90, rest.Count!.Value, 9);
        Assert.Equal(90.0 / 210, rest.EventShare!.Value, 12);
        Assert.Equal(7.0 / 43, rest.PositiveExcessShare!.Value, 12);
        Assert.Equal(1500, rest.Value!.Value, 9);

        // Crude-rate limits are the Poisson limits of the group's count over its people.
        var limits = PoissonInterval.Calculate(120, ConfidenceLevel.Percent95);
        Assert.Equal(limits.Lower / 4000 * 100_000, core20.Lower95!.Value, 9);
        Assert.Equal(limits.Upper / 4000 * 100_000, core20.Upper95!.Value, 9);

        // Deciles 1 (N1 + N5: 70 events among 2,000), 2, 5 and 9; national basis.
        Assert.Equal(DecileBasis.National, profile.Basis);
        Assert.Equal([1, 2, 5, 9], profile.Deciles.Select(d => d.Decile));
        Assert.Equal([2000.0, 2000, 3000, 3000], profile.Deciles.Select(d => d.Population));
        Assert.Equal(3500, profile.Deciles[0].Value!.Value, 9);
        Assert.Equal(0, profile.WithoutDecile);
        Assert.NotNull(profile.Slope);
        Assert.True(profile.Slope!.Sii < 0, "rates are highest in the most deprived deciles here");
    }

    [Fact]
    public void Calculate_OneSuppressedNeighbourhoodInAGroup_HidesBothGroupCounts()
    {
        // N5 has 3 events (suppressed): Core20 minus its two shown neighbourhoods would give it away, and the
        // rest is the country's total minus Core20.
        var engine = TinyEngine([("N1", 40), ("N2", 50), ("N3", 70), ("N4", 20), ("N5", 3)], SuppressionPolicy.Default);
        var geography = TinyGeography.Build();

        var profile = InequalityProfile.Calculate(engine, "2024", geography.Root, geography, TinyDeprivation());

        Assert.Null(profile.Core20.Count);
        Assert.Null(profile.Core20.Value);
        Assert.Null(profile.Core20.EventShare);
        Assert.Null(profile.Core20.PositiveExcessShare);
        Assert.Null(profile.Rest.Count);
        Assert.Equal(0.4, profile.Core20.PopulationShare, 12);
        Assert.Contains("suppressed", profile.Core20.Note, StringComparison.Ordinal);
    }

    /// <summary>
    /// One place of 20 neighbourhoods all in national decile 5 (no national gradient to fit), IMD scores 20
    /// (L01) down to 1 (L20). Local deciles pair them by rank: L01 + L02 are local decile 1 … L19 + L20 decile 10.
    /// Events fall with rank: L(k) has 41 − 2k per 1,000 people, so each local decile's rate is known by hand.
    /// </summary>
    [Fact]
    public void Calculate_LocalDeciles_RanksTheAreasOwnNeighbourhoods()
    {
        var codes = Enumerable.Range(1, 20).Select(k => $"L{k:00}").ToArray();
        var source = new DatasetSource
        {
            Name = "local",
            BoundaryVintage = "none",
            CountryCode = "C",
            CountryName = "Country",
            Boundaries = [],
            BoundaryFile = "none",
            Hierarchy = codes.Select((c, i) => new HierarchyRecord(c, c, "P1", "Place", "S1", "System", i + 2)).ToArray(),
            HierarchyFile = "lookup.csv",
        };
        var geography = HierarchyBuilder.Build(source, new DatasetReport());
        var records = codes.Select((c, i) => new IndicatorRecord(c, "2024", -1, 41 - (2 * (i + 1)), null, i + 2));
        var engine = new IndicatorEngine(geography, TinyGeography.Source(IndicatorValueType.CrudeRate, 100_000, records),
            TinyGeography.AllAges, codes.ToDictionary(c => c, _ => new[] { 1000.0 }), SuppressionPolicy.None);
        var deprivation = codes.Select((c, i) => new DeprivationRecord(c, 5, 20 - i, i + 2)).ToDictionary(r => r.Neighbourhood);
        var place = geography.Get("P1");

        var national = InequalityProfile.Calculate(engine, "2024", place, geography, deprivation);
        var local = InequalityProfile.Calculate(engine, "2024", place, geography, deprivation, DecileBasis.Local);

        Assert.Single(national.Deciles);
        Assert.Null(national.Slope);
        Assert.Equal(DecileBasis.Local, local.Basis);
        Assert.Equal(Enumerable.Range(1, 10), local.Deciles.Select(d => d.Decile));
        for (var d = 1; d <= 10; d++)
        {
            // L(2d−1) and L(2d): (41 − 2(2d−1)) + (41 − 2(2d)) = 84 − 8d events among 2,000 people.
            var decile = local.Deciles[d - 1];
            Assert.Equal(2, decile.Neighbourhoods);
            Assert.Equal((84 - (8 * d)) / 2000.0 * 100_000, decile.Value!.Value, 9);
        }

        Assert.NotNull(local.Slope);
        Assert.True(local.Slope!.Sii < 0);
        Assert.Equal(national.Core20.Population, local.Core20.Population);
    }

    private static IndicatorEngine TinyEngine((string Area, double Count)[] counts, SuppressionPolicy policy) =>
        TinyGeography.Engine(
            TinyGeography.Source(IndicatorValueType.CrudeRate, 100_000, TinyGeography.Counts(counts)),
            TinyGeography.Population(("N1", 1000), ("N2", 2000), ("N3", 3000), ("N4", 3000), ("N5", 1000)),
            policy: policy);

    private static Dictionary<string, DeprivationRecord> TinyDeprivation() =>
        new[] { ("N1", 1), ("N2", 2), ("N3", 5), ("N4", 9), ("N5", 1) }
            .ToDictionary(d => d.Item1, d => new DeprivationRecord(d.Item1, d.Item2, 10.0 - d.Item2, 2));
}
