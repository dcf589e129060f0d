using Geo.Core.Geography;
using Geo.Core.Reports;
using Geo.Core.Sources;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;

namespace Geo.Demo.Tests;

public sealed class DemoDatasetTests
{
    /// <summary>
    /// The default demo's fingerprint. It pins "same bytes on every machine": if this fails after a
    /// deliberate change to the generator, update it; if it fails on another machine or runtime with
    /// no change, something platform-dependent has crept into generation.
    /// </summary>
    private const string PinnedFingerprint = "f11777f11f660ee54f71129283d11d65548c72eed2e9f485a2beeddd290bfbd8";

    private static DatasetSource Source => DemoSample.Default.Source;

    [Fact]
    public void Generate_SameSeed_GivesIdenticalData()
    {
        var first = DemoDataset.Generate(7);
        var second = DemoDataset.Generate(7);

        Assert.Equal(DemoSample.Fingerprint(first), DemoSample.Fingerprint(second));
    }

    [Fact]
    public void Generate_DifferentSeed_GivesDifferentData()
    {
        var other = DemoDataset.Generate(7);

        Assert.NotEqual(DemoSample.Fingerprint(DemoSample.Default), DemoSample.Fingerprint(other));
        Assert.NotEqual(Source.Boundaries[0].Boundary.Coordinates, other.Source.Boundaries[0].Boundary.Coordinates);
    }

    [Fact]
    public void Generate_DefaultSeed_MatchesPinnedFingerprint()
    {
        Assert.Equal(PinnedFingerprint, DemoSample.Fingerprint(DemoSample.Default));
    }

    [Fact]
    public void Generate_Source_IsLabelledSyntheticWithFictionalCodes()
    {
        Assert.True(Source.Synthetic);
        Assert.Contains("ynthetic", Source.Name, StringComparison.Ordinal);
        Assert.Contains("ynthetic", Source.CountryName, StringComparison.Ordinal);
        Assert.Equal("X92000001", Source.CountryCode);
        Assert.Equal("synthetic neighbourhoods", Source.BoundaryVintage);
        Assert.StartsWith("demo:", Source.BoundaryFile, StringComparison.Ordinal);
        Assert.All(Source.Hierarchy, r =>
        {
            Assert.Matches("^X01[0-9]{6}$", r.Neighbourhood);
            Assert.Matches("^X06[0-9]{6}$", r.PlaceCode);
            Assert.Matches("^X54[0-9]{6}$", r.SystemCode);
            Assert.Matches("^[A-Z][a-z]+ [0-9]{3}[A-F]$", r.NeighbourhoodName!);
            Assert.StartsWith(r.PlaceName + " ", r.NeighbourhoodName!, StringComparison.Ordinal);
            Assert.Matches("^NHS [A-Z][a-z]+ and [A-Z][a-z]+ Integrated Care Board$", r.SystemName);
        });
        Assert.All(Source.Icps, r => Assert.Matches("^X-ICP-[A-Z]+$", r.IcpCode));
    }

    [Fact]
    public void Generate_Boundaries_FormACleanCoverage()
    {
        var polygons = Source.Boundaries.Select(b => b.Boundary).ToArray();

        Assert.All(polygons, p =>
        {
            Assert.IsType<Polygon>(p);
            Assert.Equal(27700, p.SRID);
            Assert.True(p.IsValid);
            Assert.InRange(p.EnvelopeInternal.MinX, 380_000, 470_000);
            Assert.InRange(p.EnvelopeInternal.MaxX, 380_000, 470_000);
            Assert.InRange(p.EnvelopeInternal.MinY, 400_000, 500_000);
            Assert.InRange(p.EnvelopeInternal.MaxY, 400_000, 500_000);
        });
        Assert.All(CoverageValidator.Validate(polygons), invalidEdges => Assert.Null(invalidEdges));
        var gaps = CoverageGapFinder.FindGaps(polygons, 1.0);
        Assert.True(gaps is null || gaps.IsEmpty, $"gaps: {gaps}");

        // The outline is the union of the cells: one piece, no holes, and exactly their summed area.
        var outline = CoverageUnion.Union(polygons);
        var region = Assert.IsType<Polygon>(outline);
        Assert.Equal(0, region.NumInteriorRings);
        Assert.Equal(outline.Area, polygons.Sum(p => p.Area), outline.Area * 1e-9);
    }

    [Fact]
    public void Generate_Boundaries_LookLikeLsoas()
    {
        var areas = Source.Boundaries.Select(b => b.Boundary.Area / 1e6).Order().ToArray();

        // Small in towns, large in the country: a wide spread of sizes in square kilometres.
        Assert.InRange(areas[0], 0.02, 0.5);
        Assert.InRange(areas[areas.Length / 2], 0.4, 4);
        Assert.InRange(areas[^1], 5, 60);
        Assert.All(DemoSample.Neighbours, n => Assert.InRange(n.Length, 2, 20));
    }

    [Fact]
    public void Generate_Hierarchy_MeetsTheDemoRequirements()
    {
        var rows = Source.Hierarchy;
        var systems = rows.Select(r => r.SystemCode).Distinct().ToArray();
        var districts = rows.GroupBy(r => r.PlaceCode).ToArray();
        var icpSystems = Source.Icps.GroupBy(i => i.SystemCode).ToArray();

        Assert.InRange(rows.Count, 2_000, 3_000);
        Assert.Equal(rows.Count, rows.Select(r => r.Neighbourhood).Distinct().Count());
        Assert.Equal(rows.Select(r => r.Neighbourhood), Source.Boundaries.Select(b => b.Code));
        Assert.True(systems.Length >= 2);
        Assert.True(districts.Length >= 12);
        Assert.Single(districts, d => d.Select(r => r.SystemCode).Distinct().Count() == 2);
        Assert.DoesNotContain(districts, d => d.Select(r => r.SystemCode).Distinct().Count() > 2);

        // One system has three or more area ICPs and lists each of its places; the others have no rows.
        var withIcps = Assert.Single(icpSystems);
        Assert.True(withIcps.Select(i => i.IcpCode).Distinct().Count() >= 3);
        var placesOfIcpSystem = rows.Where(r => r.SystemCode == withIcps.Key).Select(r => r.PlaceCode).Distinct().Order();
        Assert.Equal(placesOfIcpSystem, withIcps.Select(i => i.PlaceCode).Order());
    }

    [Fact]
    public void Generate_Places_AreContiguous()
    {
        // Each place (a district's neighbourhoods within one system) is one piece of land, except the
        // part of the straddling district across the system boundary, which may come in pieces.
        var rows = Source.Hierarchy;
        var straddling = rows.GroupBy(r => r.PlaceCode).Single(d => d.Select(r => r.SystemCode).Distinct().Count() == 2).Key;
        var mainSystem = rows.Where(r => r.PlaceCode == straddling).GroupBy(r => r.SystemCode).MaxBy(g => g.Count())!.Key;
        foreach (var place in rows.Select((r, i) => (r, i)).GroupBy(x => (x.r.PlaceCode, x.r.SystemCode)))
        {
            if (place.Key.PlaceCode == straddling && place.Key.SystemCode != mainSystem)
            {
                continue;
            }

            var members = place.Select(x => x.i).ToHashSet();
            Assert.Equal(members.Count, Reach(members.Min(), members));
        }
    }

    [Fact]
    public void HierarchyBuilder_OnDemo_GivesTheExpectedLevelsAndOnePartialPair()
    {
        var report = new DatasetReport();
        var geography = HierarchyBuilder.Build(Source, report);

        var rows = Source.Hierarchy;
        var systems = rows.Select(r => r.SystemCode).Distinct().Count();
        var districts = rows.Select(r => r.PlaceCode).Distinct().Count();
        var areas = geography.Areas;
        Assert.Equal(rows.Count, areas.Count(a => a.Level == Level.Neighbourhood));
        Assert.Equal(districts + 1, areas.Count(a => a.Level == Level.Place));
        Assert.Equal(systems, areas.Count(a => a.Level == Level.System));
        Assert.Equal(3 + (systems - 1), areas.Count(a => a.Level == Level.Icp));
        var partial = areas.Where(a => a.IsPartial).ToArray();
        Assert.Equal(2, partial.Length);
        Assert.Equal(partial[0].DistrictCode, partial[1].DistrictCode);
        Assert.NotEqual(partial[0].ParentCode, partial[1].ParentCode);
        Assert.Empty(report.UnmatchedCodes);
    }

    [Fact]
    public void Generate_Population_HasEsp2013BandsAndLsoaSizedTotals()
    {
        Assert.Equal(AgeBand.Esp2013, Source.AgeBands);
        Assert.Equal(Source.Hierarchy.Select(r => r.Neighbourhood), Source.Population.Select(p => p.Neighbourhood));
        Assert.All(Source.Population, p =>
        {
            Assert.Equal(19, p.Counts.Length);
            Assert.All(p.Counts, c => Assert.True(c >= 0 && c == Math.Floor(c)));
            Assert.InRange(p.Total, 1_000, 3_000);
        });
        Assert.InRange(Source.Population.Average(p => p.Total), 1_400, 2_000);
    }

    [Fact]
    public void Generate_Population_IsOlderWhereLessDeprived()
    {
        var decile = Source.Deprivation.ToDictionary(d => d.Neighbourhood, d => d.Decile);
        double ShareAged65Plus(Func<int, bool> deciles)
        {
            var chosen = Source.Population.Where(p => deciles(decile[p.Neighbourhood])).ToArray();
            return chosen.Sum(p => p.Counts.Skip(13).Sum()) / chosen.Sum(p => p.Total);
        }

        var all = ShareAged65Plus(_ => true);
        Assert.InRange(all, 0.14, 0.24);
        Assert.True(ShareAged65Plus(d => d >= 9) > ShareAged65Plus(d => d <= 2) + 0.04);
    }

    [Fact]
    public void Generate_Deprivation_HasTenEqualDecilesAndMatchingScores()
    {
        var records = Source.Deprivation;
        Assert.Equal(Source.Hierarchy.Select(r => r.Neighbourhood), records.Select(d => d.Neighbourhood));
        foreach (var group in records.GroupBy(d => d.Decile))
        {
            Assert.InRange(group.Key, 1, 10);
            Assert.InRange(group.Count(), records.Count / 10 - 1, records.Count / 10 + 1);
        }

        // Decile 1 is the most deprived: the highest scores.
        var byDecile = records.GroupBy(d => d.Decile).OrderBy(g => g.Key).Select(g => (Min: g.Min(d => d.Score!.Value), Max: g.Max(d => d.Score!.Value))).ToArray();
        for (var k = 1; k < byDecile.Length; k++)
        {
            Assert.True(byDecile[k].Max <= byDecile[k - 1].Min);
        }
    }

    [Fact]
    public void Generate_Deprivation_IsSpatiallyClustered()
    {
        var deciles = Source.Deprivation.Select(d => (double)d.Decile).ToArray();
        var neighbours = DemoSample.Neighbours;

        Assert.True(MoransI(deciles, neighbours) > 0.3, $"Moran's I {MoransI(deciles, neighbours):F3}");

        // Neighbours differ far less than they would if the deciles were scattered at random.
        var shuffled = deciles.ToArray();
        new Random(20_21).Shuffle(shuffled);
        Assert.True(MeanNeighbourDifference(deciles, neighbours) < 0.5 * MeanNeighbourDifference(shuffled, neighbours));
        Assert.InRange(MoransI(shuffled, neighbours), -0.1, 0.1);
    }

    [Fact]
    public void Generate_Copd_HasACountForEveryNeighbourhoodPeriodAndBand()
    {
        var data = DemoSample.Default;
        Assert.Equal("copd-emergency-admissions", data.Copd.Id);
        Assert.Equal(["2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"],
            data.Copd.Periods);
        Assert.Equal(Source.Hierarchy.Count * 10 * 19, data.CopdAdmissions.Count);
        Assert.All(data.CopdAdmissions, r => Assert.True(r.Count >= 0));
        var expected = Source.Hierarchy.SelectMany(h => data.Copd.Periods.SelectMany(p => AgeBand.Esp2013.Select(b => (h.Neighbourhood, p, b))));
        Assert.Equal(expected, data.CopdAdmissions.Select(r => (r.Neighbourhood, r.Period, r.Band)));
    }

    [Fact]
    public void Generate_Copd_HasSmallNeighbourhoodCountsAndLargeSystemCounts()
    {
        var data = DemoSample.Default;
        var perNeighbourhood = data.CopdAdmissions.GroupBy(r => (r.Neighbourhood, r.Period)).Select(g => g.Sum(r => r.Count)).ToArray();
        var small = perNeighbourhood.Count(c => c <= 7) / (double)perNeighbourhood.Length;
        Assert.InRange(small, 0.5, 0.99);

        var systemOf = Source.Hierarchy.ToDictionary(r => r.Neighbourhood, r => r.SystemCode);
        var perSystem = data.CopdAdmissions.GroupBy(r => (systemOf[r.Neighbourhood], r.Period)).Select(g => g.Sum(r => r.Count));
        Assert.All(perSystem, total => Assert.True(total > 1_000, $"a system has only {total} admissions in a period"));
    }

    [Fact]
    public void Generate_Copd_RisesSteeplyWithAgeAndMildlyOverTime()
    {
        var data = DemoSample.Default;
        var population = AgeBand.Esp2013.Select((_, b) => Source.Population.Sum(p => p.Counts[b])).ToArray();
        var byBand = AgeBand.Esp2013.Select(band => data.CopdAdmissions.Where(r => r.Band == band).Sum(r => r.Count)).ToArray();
        double Rate(int band) => byBand[band] / (10 * population[band]) * 100_000;

        Assert.All(Enumerable.Range(0, 8), b => Assert.True(Rate(b) < 10, $"rate under 40 is {Rate(b):F1} per 100,000"));
        Assert.InRange(Rate(17), 1_000, 2_500);
        Assert.InRange(Rate(18), 1_200, 2_800);

        // The three latest years rise mildly after the pandemic's dip in 2020/21.
        var byPeriod = data.Copd.Periods.Select(p => data.CopdAdmissions.Where(r => r.Period == p).Sum(r => r.Count)).ToArray();
        Assert.True(byPeriod[7] < byPeriod[8] && byPeriod[8] < byPeriod[9]);
        Assert.True(byPeriod[9] < 1.25 * byPeriod[7]);
        Assert.True(byPeriod[6] < 0.9 * byPeriod[5]);
    }

    [Fact]
    public void Generate_Copd_ShowsTheDeprivationGradient()
    {
        var data = DemoSample.Default;
        var decile = Source.Deprivation.ToDictionary(d => d.Neighbourhood, d => d.Decile);
        double CrudeRate(Func<int, bool> deciles)
        {
            var admissions = data.CopdAdmissions.Where(r => deciles(decile[r.Neighbourhood])).Sum(r => r.Count);
            var population = Source.Population.Where(p => deciles(decile[p.Neighbourhood])).Sum(p => p.Total);
            return admissions / (10 * population) * 100_000;
        }

        var mostDeprived = CrudeRate(d => d <= 2);
        var leastDeprived = CrudeRate(d => d >= 9);
        Assert.True(mostDeprived > 1.5 * leastDeprived, $"deciles 1-2: {mostDeprived:F0}, 9-10: {leastDeprived:F0} per 100,000");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(2024)]
    public void Generate_OtherSeeds_StillMeetTheRequirements(int seed)
    {
        var source = DemoDataset.Generate(seed).Source;
        var districts = source.Hierarchy.GroupBy(r => r.PlaceCode).ToArray();

        Assert.True(source.Boundaries.Count >= 2_000);
        Assert.True(districts.Length >= 12);
        Assert.Single(districts, d => d.Select(r => r.SystemCode).Distinct().Count() == 2);
        Assert.True(source.Icps.Select(i => i.IcpCode).Distinct().Count() >= 3);
        Assert.All(CoverageValidator.Validate(source.Boundaries.Select(b => b.Boundary).ToArray()), e => Assert.Null(e));
        var geography = HierarchyBuilder.Build(source, new DatasetReport());
        Assert.Equal(2, geography.Areas.Count(a => a.IsPartial));
    }

    private static int Reach(int start, HashSet<int> members)
    {
        var seen = new HashSet<int> { start };
        var queue = new Queue<int>([start]);
        while (queue.TryDequeue(out var v))
        {
            foreach (var w in DemoSample.Neighbours[v])
            {
                if (members.Contains(w) && seen.Add(w))
                {
                    queue.Enqueue(w);
                }
            }
        }

        return seen.Count;
    }

    /// <summary>Moran's I with binary weights on shared edges: I = (n / W) Σ w_ij z_i z_j / Σ z_i².</summary>
    private static double MoransI(double[] x, int[][] neighbours)
    {
        var mean = x.Average();
        var z = x.Select(v => v - mean).ToArray();
        double cross = 0, weights = 0;
        for (var i = 0; i < x.Length; i++)
        {
            foreach (var j in neighbours[i])
            {
                cross += z[i] * z[j];
                weights++;
            }
        }

        return x.Length / weights * cross / z.Sum(v => v * v);
    }

    private static double MeanNeighbourDifference(double[] x, int[][] neighbours) =>
        Enumerable.Range(0, x.Length).SelectMany(i => neighbours[i].Select(j => Math.Abs(x[i] - x[j]))).Average();
}
