using System.Diagnostics;
using System.Globalization;
using System.Text;
using Geo.Api.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Geo.Api.Tests.Disclosure;

/// <summary>
/// Issue 12.3, disclosure control attacked: an attacker gathers everything the demo's API shows of an indicator (every
/// surface, every period, catchments of both methods at thresholds 0.05 to 1 in steps of 0.05, the inequality profile on
/// both decile bases, an uploaded CSV of small counts) and tries to recover each suppressed count, exactly (Gauss–Jordan
/// over the rationals) and by bounds (non-negative counts, primary ones 1 to 7). It must recover none.
/// docs/reliability.md, "Disclosure control, attacked", lists the attacks and what they found.
/// </summary>
public sealed class DisclosureAttackTests(DemoApiFactory factory, ITestOutputHelper output) : IClassFixture<DemoApiFactory>
{
    /// <summary>0.05, 0.10 … 1.00: every threshold step a user is likely to try (the API accepts any in (0, 1]).</summary>
    internal static readonly double[] Sweep = [.. Enumerable.Range(1, 20).Select(i => i * 0.05)];

    private Dictionary<string, (int, double?)> Deprivation() =>
        factory.Services.GetRequiredService<DatasetHost>().Dataset.Deprivation.ToDictionary(
            d => d.Key, d => (d.Value.Decile, d.Value.Score), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Solver_RecoversWhatSubtractionAndEliminationGiveAway()
    {
        // A place of 30 = a + b + 12 + 10 with a, b hidden: a + b = 8, nothing determined; with a decile holding a and a
        // shown 12 (count 15), a = 3 and then b = 5.
        var system = new SumsSystem(wholeCounts: true);
        system.Know("n3", 12);
        system.Know("n4", 10);
        system.Hide("n1", 1, 7);
        system.Hide("n2", 1, 7);
        system.Add("place", ["n1", "n2", "n3", "n4"], 30);
        system.Protect("a and b", ["n1", "n2"], cell: true);
        var before = system.Attack();
        Assert.Empty(before.Determined);
        Assert.Equal(["a and b"], before.TargetsDetermined); // the pair's sum is the place minus the shown
        Assert.Empty(before.Pinned);

        system.Add("decile", ["n1", "n3"], 15);
        var after = system.Attack();
        Assert.Equal(["n1", "n2"], after.Determined);

        // Bounds alone: two primary counts adding to 2 are both 1.
        var bounds = new SumsSystem(wholeCounts: true);
        bounds.Hide("x", 1, 7);
        bounds.Hide("y", 1, 7);
        bounds.Add("pair", ["x", "y"], 2);
        Assert.Equal(2, bounds.Attack().Pinned.Count);
    }

    [Fact]
    public Task Demo_EveryPeriodEverySurface_RecoversNoSuppressedCount() => Demo();

    /// <summary>
    /// Pools of 3 and 5 years beside the single years determined 346 hidden single-year counts (pool minus its shown years;
    /// docs/reliability.md). An indicator is now published in one windowing only: the attacker asking the demo's indicator,
    /// published in five-year pools, for single years or three-year pools on every surface it uses is refused, so other
    /// windowings' equations never join the published pools'.
    /// </summary>
    [Theory]
    [InlineData("/areas/X92000001?pool={0}")]
    [InlineData("/areas/X54000001/children?pool={0}")]
    [InlineData("/areas/X54000001/children.csv?pool={0}")]
    [InlineData("/levels/neighbourhood?pool={0}")]
    [InlineData("/levels/neighbourhood/values?pool={0}")]
    [InlineData("/areas/X54000001/hotspots?by=excess&pool={0}")]
    [InlineData("/areas/X54000001/hotspot-classes?pool={0}")]
    [InlineData("/areas/X54000001/inequality?pool={0}")]
    public async Task Demo_OtherWindowingsBesideItsPools_AreRefusedOnEverySurface(string path)
    {
        foreach (var pool in new[] { 1, 3 })
        {
            var response = await factory.CreateClient().GetAsync($"/api/indicators/{DemoData.Indicator}" + string.Format(System.Globalization.CultureInfo.InvariantCulture, path, pool));
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        }

        var compare = await factory.CreateClient().GetAsync($"/api/compare?indicator={DemoData.Indicator}&areas=X54000001,X54000002&pool=3");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, compare.StatusCode);
    }

    private async Task Demo()
    {
        var watch = Stopwatch.StartNew();
        var client = factory.CreateClient();
        var engine = DemoData.Engine(factory);
        var leaks = new List<string>();
        var system = new SumsSystem(wholeCounts: true);
        foreach (var period in engine.Periods)
        {
            var latest = period == engine.LatestPeriod;
            var observatory = new Observatory(client, DemoData.Indicator, Deprivation());
            await observatory.Gather(system, period, "", singleRows: latest, latest ? Sweep : [0.3]);
            leaks.AddRange(observatory.Leaks);
            output.WriteLine($"{period}: requests {string.Join(", ", observatory.Requests.Select(r => $"{r.Key} {r.Value}"))}; "
                + $"catchments shown {observatory.Catchments.Shown}, hidden {observatory.Catchments.Hidden} "
                + $"({observatory.Catchments.WithHiddenMember} with a hidden member); inequality groups shown {observatory.Groups.Shown}, hidden {observatory.Groups.Hidden}");
        }

        // The demo is published in rolling five-year pools, which overlap: consecutive pools differ by a year in and a year
        // out. The years themselves are never shown, but the attacker knows each pool is the sum of its years, so every
        // pool is tied to unknown, non-negative single years, neighbourhood by neighbourhood.
        var years = factory.Services.GetRequiredService<DatasetHost>().Dataset.Indicators
            .Single(i => i.Definition.Id == DemoData.Indicator).Periods;
        var pool = years.Count - engine.Periods.Count + 1;
        for (var p = 0; p < engine.Periods.Count; p++)
        {
            foreach (var code in Deprivation().Keys)
            {
                var terms = years.Skip(p).Take(pool).Select(y => (Key: y + "|" + code, Weight: -Rational.One)).ToList();
                terms.ForEach(t => system.HideUnpublished(t.Key, 0, double.PositiveInfinity));
                system.Add($"pool {engine.Periods[p]} of {code}", terms.Append((engine.Periods[p] + "|" + code, Rational.One)), 0);
            }
        }

        var result = system.Attack();
        output.WriteLine(result.Summary);
        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(30)));
        Assert.True(result.Clean, result.Summary);
    }

    [Fact]
    public async Task Upload_SmallCounts_RecoversNoSuppressedCount()
    {
        // A user's CSV over every demo neighbourhood with mostly small counts: 0 to 12 by a fixed rule, two years.
        var csv = new StringBuilder("LSOA21CD,year,admissions,population\n");
        for (var i = 1; i <= 2400; i++)
        {
            foreach (var year in new[] { 2022, 2023 })
            {
                csv.Append(CultureInfo.InvariantCulture, $"X01{i:000000},{year},{(i * 37 + year * 11) % 13},{900 + (i * 7 % 600)}\n");
            }
        }

        using var server = new WebApplicationFactory<Program>();
        var client = server.CreateClient();
        var posted = await client.PostAsync("/api/indicators?id=small-counts&name=Small%20counts&area=LSOA21CD&count=admissions"
            + "&denominator=population&period=year&valueType=crude-rate&polarity=higher-is-worse&fileName=small.csv",
            new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());

        var deprivation = server.Services.GetRequiredService<DatasetHost>().Dataset.Deprivation.ToDictionary(
            d => d.Key, d => (d.Value.Decile, d.Value.Score), StringComparer.OrdinalIgnoreCase);
        var leaks = new List<string>();
        var system = new SumsSystem(wholeCounts: true);
        foreach (var period in new[] { "2022", "2023" })
        {
            var observatory = new Observatory(client, "small-counts", deprivation);
            await observatory.Gather(system, period, "", singleRows: false, period == "2023" ? Sweep : [0.3]);
            leaks.AddRange(observatory.Leaks);
        }

        var result = system.Attack();
        output.WriteLine(result.Summary);
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(30)));
        Assert.True(result.Clean, result.Summary);
    }
}
